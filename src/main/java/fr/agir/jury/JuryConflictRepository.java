package fr.agir.jury;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryConflictRepository extends JpaRepository<JuryConflict, Long> {
    Optional<JuryConflict> findByUsernameAndStructureId(String username, Long structureId);

    List<JuryConflict> findByUsernameInAndStructureIdIn(Collection<String> usernames, Collection<Long> structureIds);

    List<JuryConflict> findByUsernameOrderByCreatedAt(String username);
}
