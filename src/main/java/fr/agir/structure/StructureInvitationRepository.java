package fr.agir.structure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StructureInvitationRepository extends JpaRepository<StructureInvitation, Long> {
    @Query("select s from StructureInvitation s where s.codeSha256 = ?1")
    Optional<StructureInvitation> findByCodeSha256(String codeSha256);

    @Query("select s from StructureInvitation s where s.structureId = ?1 order by s.id asc")
    List<StructureInvitation> findByStructureIdOrderByIdAsc(Long structureId);
}
