package fr.agir.agreement;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {
    @Query("select a from Agreement a where a.applicationId = ?1")
    Optional<Agreement> findByApplicationId(Long applicationId);

    /** The agreements in a status, the oldest signature first (the signatory's list). */
    @Query("select a from Agreement a where a.status = ?1 order by a.signedAt asc, a.id asc")
    java.util.List<Agreement> findByStatusOrderBySignedAtAscIdAsc(Agreement.Status status);

    /** How many agreements of these statuses are not of this instrument (an index range, no row read). */
    @Query("select count(a) from Agreement a where a.status in ?1 and a.instrument <> ?2")
    long countByStatusInAndInstrumentNot(java.util.Collection<Agreement.Status> statuses, LegalInstrument instrument);
}
