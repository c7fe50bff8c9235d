package fr.agir.letter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

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

    boolean existsByDecisionId(Long decisionId);

    List<Line> findByApplicationIdOrderByIdAsc(Long applicationId);

    Optional<DecisionLetter> findByIdAndApplicationId(Long id, Long applicationId);
}
