package fr.agir.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportDocumentRepository extends JpaRepository<ReportDocument, Long> {
    List<ReportDocument> findByReportIdOrderById(Long reportId);

    void deleteByReportIdAndDocumentIdIn(Long reportId, List<Long> documentIds);
}
