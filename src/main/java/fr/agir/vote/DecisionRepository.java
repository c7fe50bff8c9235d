package fr.agir.vote;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRepository extends JpaRepository<Decision, Long> {
    /** The current decision (V15: at most one per application is not superseded). */
    Optional<Decision> findByApplicationIdAndSupersededAtIsNull(Long applicationId);

    /** Every délibération on the application, the first one first. */
    List<Decision> findByApplicationIdOrderByIdAsc(Long applicationId);
}
