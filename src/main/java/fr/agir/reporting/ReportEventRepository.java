package fr.agir.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReportEventRepository extends JpaRepository<ReportEvent, Long> {
    @Query("select r from ReportEvent r where r.reportId = ?1 order by r.occurredAt asc, r.id asc")
    List<ReportEvent> findByReportIdOrderByOccurredAtAscIdAsc(Long reportId);
}
