package fr.agir.vote;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionRepository extends JpaRepository<Decision, Long> {
    /** The current decision (V15: at most one per application is not superseded). */
    @Query("select d from Decision d where d.applicationId = ?1 and d.supersededAt is null")
    Optional<Decision> findByApplicationIdAndSupersededAtIsNull(Long applicationId);

    /** Every délibération on the application, the first one first. */
    @Query("select d from Decision d where d.applicationId = ?1 order by d.id asc")
    List<Decision> findByApplicationIdOrderByIdAsc(Long applicationId);
}
