package fr.agir.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InstallmentRepository extends JpaRepository<Installment, Long> {
    @Query("select i from Installment i where i.applicationId = ?1 order by i.grantYear asc, i.kind asc")
    List<Installment> findByApplicationIdOrderByGrantYearAscKindAsc(Long applicationId);

    @Query("select i from Installment i where i.agreementId = ?1 order by i.grantYear asc, i.kind asc")
    List<Installment> findByAgreementIdOrderByGrantYearAscKindAsc(Long agreementId);

    @Query("select i from Installment i where i.agreementId = ?1 and i.grantYear = ?2 and i.kind = ?3")
    Optional<Installment> findByAgreementIdAndGrantYearAndKind(Long agreementId, int grantYear, Installment.Kind kind);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Installment i where i.id = ?1")
    Optional<Installment> findForUpdate(Long id);

    @Query("select i from Installment i where i.status in ?1 order by i.id asc")
    List<Installment> findByStatusInOrderByIdAsc(Collection<Installment.Status> statuses);
}
