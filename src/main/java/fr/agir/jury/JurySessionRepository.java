package fr.agir.jury;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JurySessionRepository extends JpaRepository<JurySession, Long> {
    @Query("select j from JurySession j order by j.createdAt desc")
    List<JurySession> findAllByOrderByCreatedAtDesc();

    @Query("select j from JurySession j where j.campaignId = ?1 and j.phase = ?2")
    List<JurySession> findByCampaignIdAndPhase(Long campaignId, JurySession.Phase phase);

    @Query("select s from JurySession s where s.id in (select m.sessionId from SessionMember m where m.username = ?1) "
            + "order by s.createdAt desc")
    List<JurySession> findOfMember(String username);

    @Query("select j from JurySession j where j.id in ?1")
    List<JurySession> findByIdIn(Collection<Long> ids);
}
