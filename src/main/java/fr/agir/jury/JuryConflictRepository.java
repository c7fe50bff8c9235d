package fr.agir.jury;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryConflictRepository extends JpaRepository<JuryConflict, Long> {
    @Query("select j from JuryConflict j where j.username = ?1 and j.structureId = ?2")
    Optional<JuryConflict> findByUsernameAndStructureId(String username, Long structureId);

    @Query("select j from JuryConflict j where j.username in ?1 and j.structureId in ?2")
    List<JuryConflict> findByUsernameInAndStructureIdIn(Collection<String> usernames, Collection<Long> structureIds);

    @Query("select j from JuryConflict j where j.username = ?1 order by j.createdAt asc")
    List<JuryConflict> findByUsernameOrderByCreatedAt(String username);
}
