package fr.agir.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportRepository extends JpaRepository<Report, Long> {
    Optional<Report> findByAgreementIdAndGrantYear(Long agreementId, int grantYear);

    List<Report> findByApplicationIdOrderByGrantYear(Long applicationId);

    List<Report> findByStatusOrderBySubmittedAt(Report.Status status);
}
