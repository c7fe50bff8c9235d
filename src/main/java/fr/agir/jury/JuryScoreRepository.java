package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryScoreRepository extends JpaRepository<JuryScore, Long> {
    /**
     * A session's scores with their values in the same query (issue 21): the values are an eager element
     * collection, which a derived query would otherwise read with one statement per score (the ranking of a
     * session of 80 applications scored by 3 members: 240 statements per page).
     */
    @EntityGraph(attributePaths = "values")
    @Query("select j from JuryScore j where j.sessionId = ?1")
    List<JuryScore> findBySessionId(Long sessionId);

    @Query("select j from JuryScore j where j.sessionId = ?1 and j.applicationId = ?2")
    List<JuryScore> findBySessionIdAndApplicationId(Long sessionId, Long applicationId);

    /** A member's scores of a session with their values in the same query (as {@link #findBySessionId}). */
    @EntityGraph(attributePaths = "values")
    @Query("select j from JuryScore j where j.sessionId = ?1 and j.username = ?2")
    List<JuryScore> findBySessionIdAndUsername(Long sessionId, String username);

    @Query("select j from JuryScore j where j.sessionId = ?1 and j.applicationId = ?2 and j.username = ?3")
    Optional<JuryScore> findBySessionIdAndApplicationIdAndUsername(Long sessionId, Long applicationId, String username);
}
