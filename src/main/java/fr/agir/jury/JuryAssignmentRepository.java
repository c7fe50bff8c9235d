package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryAssignmentRepository extends JpaRepository<JuryAssignment, Long> {
    @Query("select j from JuryAssignment j where j.sessionId = ?1")
    List<JuryAssignment> findBySessionId(Long sessionId);

    @Query("select j from JuryAssignment j where j.sessionId = ?1 and j.username = ?2")
    List<JuryAssignment> findBySessionIdAndUsername(Long sessionId, String username);

    @Query("select j from JuryAssignment j where j.sessionId = ?1 and j.applicationId = ?2")
    List<JuryAssignment> findBySessionIdAndApplicationId(Long sessionId, Long applicationId);

    @Query("select j from JuryAssignment j where j.sessionId = ?1 and j.applicationId = ?2 and j.username = ?3")
    Optional<JuryAssignment> findBySessionIdAndApplicationIdAndUsername(Long sessionId, Long applicationId,
                                                                        String username);
}
