package fr.agir.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportRepository extends JpaRepository<Report, Long> {
    Optional<Report> findByAgreementIdAndGrantYear(Long agreementId, int grantYear);

    List<Report> findByApplicationIdOrderByGrantYear(Long applicationId);

    List<Report> findByStatusOrderBySubmittedAt(Report.Status status);
    List<Report> findByApplicationIdInOrderByDueDate(java.util.Collection<Long> applicationIds);

    /** Every report on the structure's grants, by grant then year. */
    @org.springframework.data.jpa.repository.Query("""
            select r from Report r, fr.agir.application.Application a
             where a.id = r.applicationId and a.structureId = :structureId
             order by r.applicationId, r.grantYear""")
    List<Report> ofStructure(Long structureId);
}
