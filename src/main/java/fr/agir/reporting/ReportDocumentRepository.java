package fr.agir.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReportDocumentRepository extends JpaRepository<ReportDocument, Long> {
    @Query("select r from ReportDocument r where r.reportId = ?1 order by r.id asc")
    List<ReportDocument> findByReportIdOrderById(Long reportId);

    void deleteByReportIdAndDocumentIdIn(Long reportId, List<Long> documentIds);
}
