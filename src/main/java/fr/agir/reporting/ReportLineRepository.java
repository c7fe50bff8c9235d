package fr.agir.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ReportLineRepository extends JpaRepository<ReportLine, Long> {
    List<ReportLine> findByReportIdOrderById(Long reportId);

    @Modifying(flushAutomatically = true)
    @Query("delete from ReportLine l where l.reportId = ?1")
    void deleteByReport(Long reportId);
}
