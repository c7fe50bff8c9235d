package fr.agir.structure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StructureInvitationRepository extends JpaRepository<StructureInvitation, Long> {
    Optional<StructureInvitation> findByCodeSha256(String codeSha256);

    List<StructureInvitation> findByStructureIdOrderByIdAsc(Long structureId);
}
