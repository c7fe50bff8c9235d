package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryAssignmentRepository extends JpaRepository<JuryAssignment, Long> {
    List<JuryAssignment> findBySessionId(Long sessionId);

    List<JuryAssignment> findBySessionIdAndUsername(Long sessionId, String username);

    List<JuryAssignment> findBySessionIdAndApplicationId(Long sessionId, Long applicationId);

    Optional<JuryAssignment> findBySessionIdAndApplicationIdAndUsername(Long sessionId, Long applicationId,
                                                                        String username);
}
