package fr.agir.structure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StructureMemberRepository extends JpaRepository<StructureMember, Long> {
    Optional<StructureMember> findByStructureIdAndUsername(Long structureId, String username);

    List<StructureMember> findByUsername(String username);

    List<StructureMember> findByStructureIdOrderByIdAsc(Long structureId);

    List<StructureMember> findByStructureIdIn(java.util.Collection<Long> structureIds);
}
