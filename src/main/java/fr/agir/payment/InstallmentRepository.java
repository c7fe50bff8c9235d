package fr.agir.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstallmentRepository extends JpaRepository<Installment, Long> {
    List<Installment> findByApplicationIdOrderByGrantYearAscKindAsc(Long applicationId);

    List<Installment> findByAgreementIdOrderByGrantYearAscKindAsc(Long agreementId);

    Optional<Installment> findByAgreementIdAndGrantYearAndKind(Long agreementId, int grantYear, Installment.Kind kind);

    List<Installment> findByStatusInOrderByIdAsc(Collection<Installment.Status> statuses);
}
