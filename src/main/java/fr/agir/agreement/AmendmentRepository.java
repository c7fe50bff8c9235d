package fr.agir.agreement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AmendmentRepository extends JpaRepository<Amendment, Long> {
    @Query("select a from Amendment a where a.agreementId = ?1 order by a.rank asc")
    List<Amendment> findByAgreementIdOrderByRankAsc(Long agreementId);

    @Query("select a from Amendment a where a.status = ?1 order by a.signedAt asc, a.id asc")
    List<Amendment> findByStatusOrderBySignedAtAscIdAsc(Amendment.Status status);

    @Query("select a from Amendment a where a.agreementId = ?1 and a.status in ?2 order by a.rank asc")
    List<Amendment> findByAgreementIdAndStatusInOrderByRankAsc(Long agreementId, Collection<Amendment.Status> statuses);
}
