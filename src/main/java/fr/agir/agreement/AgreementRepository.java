package fr.agir.agreement;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {
    Optional<Agreement> findByApplicationId(Long applicationId);

    /** The agreements in a status, the oldest signature first (the signatory's list). */
    java.util.List<Agreement> findByStatusOrderBySignedAtAscIdAsc(Agreement.Status status);

    /** How many agreements of these statuses are not of this instrument (an index range, no row read). */
    long countByStatusInAndInstrumentNot(java.util.Collection<Agreement.Status> statuses, LegalInstrument instrument);
}
