package fr.agir.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InstallmentRepository extends JpaRepository<Installment, Long> {
    List<Installment> findByApplicationIdOrderByGrantYearAscKindAsc(Long applicationId);

    List<Installment> findByAgreementIdOrderByGrantYearAscKindAsc(Long agreementId);

    Optional<Installment> findByAgreementIdAndGrantYearAndKind(Long agreementId, int grantYear, Installment.Kind kind);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Installment i where i.id = ?1")
    Optional<Installment> findForUpdate(Long id);

    List<Installment> findByStatusInOrderByIdAsc(Collection<Installment.Status> statuses);
}
