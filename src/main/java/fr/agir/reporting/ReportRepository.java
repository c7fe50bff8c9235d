package fr.agir.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReportRepository extends JpaRepository<Report, Long> {
    @Query("select r from Report r where r.agreementId = ?1 and r.grantYear = ?2")
    Optional<Report> findByAgreementIdAndGrantYear(Long agreementId, int grantYear);

    @Query("select r from Report r where r.applicationId = ?1 order by r.grantYear asc")
    List<Report> findByApplicationIdOrderByGrantYear(Long applicationId);

    @Query("select r from Report r where r.status = ?1 order by r.submittedAt asc")
    List<Report> findByStatusOrderBySubmittedAt(Report.Status status);
    @Query("select r from Report r where r.applicationId in ?1 order by r.dueDate asc")
    List<Report> findByApplicationIdInOrderByDueDate(java.util.Collection<Long> applicationIds);

    /** Every report on the structure's grants, by grant then year. */
    @Query("""
            select r from Report r, fr.agir.application.Application a
             where a.id = r.applicationId and a.structureId = :structureId
             order by r.applicationId, r.grantYear""")
    List<Report> ofStructure(Long structureId);
}
