package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryScoreRepository extends JpaRepository<JuryScore, Long> {
    List<JuryScore> findBySessionId(Long sessionId);

    List<JuryScore> findBySessionIdAndApplicationId(Long sessionId, Long applicationId);

    List<JuryScore> findBySessionIdAndUsername(Long sessionId, String username);

    Optional<JuryScore> findBySessionIdAndApplicationIdAndUsername(Long sessionId, Long applicationId, String username);
}
