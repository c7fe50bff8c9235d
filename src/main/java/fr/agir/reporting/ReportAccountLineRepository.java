package fr.agir.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ReportAccountLineRepository extends JpaRepository<ReportAccountLine, Long> {
    @Query("select r from ReportAccountLine r where r.reportId = ?1 order by r.id asc")
    List<ReportAccountLine> findByReportIdOrderById(Long reportId);

    @Modifying(flushAutomatically = true)
    @Query("delete from ReportAccountLine l where l.reportId = ?1")
    void deleteByReport(Long reportId);
}
