package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SessionMemberRepository extends JpaRepository<SessionMember, Long> {
    @Query("select s from SessionMember s where s.sessionId = ?1 order by s.username asc")
    List<SessionMember> findBySessionIdOrderByUsername(Long sessionId);

    @Query("select s from SessionMember s where s.sessionId = ?1 and s.username = ?2")
    Optional<SessionMember> findBySessionIdAndUsername(Long sessionId, String username);
}
