package fr.agir.letter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionLetterRepository extends JpaRepository<DecisionLetter, Long> {

    /** A letter without its PDF: what the lists show (a closed projection selects these columns only). */
    interface Line {
        Long getId();
        Long getApplicationId();
        Long getDecisionId();
        LetterKind getKind();
        String getFileName();
        String getSha256();
        Instant getCreatedAt();
    }

    @Query("select case when count(d) > 0 then true else false end from DecisionLetter d where d.decisionId = ?1")
    boolean existsByDecisionId(Long decisionId);

    List<Line> findByApplicationIdOrderByIdAsc(Long applicationId);

    @Query("select d from DecisionLetter d where d.id = ?1 and d.applicationId = ?2")
    Optional<DecisionLetter> findByIdAndApplicationId(Long id, Long applicationId);
}
