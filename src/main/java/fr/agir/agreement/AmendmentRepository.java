package fr.agir.agreement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AmendmentRepository extends JpaRepository<Amendment, Long> {
    List<Amendment> findByAgreementIdOrderByRankAsc(Long agreementId);

    List<Amendment> findByStatusOrderBySignedAtAscIdAsc(Amendment.Status status);

    List<Amendment> findByAgreementIdAndStatusInOrderByRankAsc(Long agreementId, Collection<Amendment.Status> statuses);
}
