package fr.agir.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionMemberRepository extends JpaRepository<SessionMember, Long> {
    List<SessionMember> findBySessionIdOrderByUsername(Long sessionId);

    Optional<SessionMember> findBySessionIdAndUsername(Long sessionId, String username);
}
