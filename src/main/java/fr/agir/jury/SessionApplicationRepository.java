package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SessionApplicationRepository extends JpaRepository<SessionApplication, Long> {
    @Query("select s from SessionApplication s where s.sessionId = ?1 order by s.applicationId asc")
    List<SessionApplication> findBySessionIdOrderByApplicationId(Long sessionId);

    @Query("select s from SessionApplication s where s.sessionId = ?1 and s.applicationId = ?2")
    Optional<SessionApplication> findBySessionIdAndApplicationId(Long sessionId, Long applicationId);

    @Query("select s from SessionApplication s where s.applicationId = ?1")
    List<SessionApplication> findByApplicationId(Long applicationId);

    @Query("select a.applicationId from SessionApplication a, JurySession s where a.sessionId = s.id and s.campaignId = ?1")
    List<Long> applicationIdsTakenInCampaign(Long campaignId);

    /** The favourable proposals of the campaign's closed sessions: what the envelope already carries. */
    @Query("select a from SessionApplication a, JurySession s where a.sessionId = s.id and s.campaignId = ?1 "
            + "and s.phase = fr.agir.jury.JurySession$Phase.CLOSED and s.id <> ?2 "
            + "and a.verdict = fr.agir.jury.JuryResult$Verdict.FAVORABLE")
    List<SessionApplication> favourableOfOtherClosedSessions(Long campaignId, Long sessionId);
}
