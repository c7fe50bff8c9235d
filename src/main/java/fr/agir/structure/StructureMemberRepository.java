package fr.agir.structure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StructureMemberRepository extends JpaRepository<StructureMember, Long> {
    /**
     * Every request of an applicant asks it (issue 21, the autosave): a JPQL string, whose translation Hibernate
     * keeps in its query plan cache, where a derived query's criteria was translated to SQL again at each call.
     */
    @Query("select m from StructureMember m where m.structureId = ?1 and m.username = ?2")
    Optional<StructureMember> findByStructureIdAndUsername(Long structureId, String username);

    @Query("select s from StructureMember s where s.username = ?1")
    List<StructureMember> findByUsername(String username);

    @Query("select s from StructureMember s where s.structureId = ?1 order by s.id asc")
    List<StructureMember> findByStructureIdOrderByIdAsc(Long structureId);

    @Query("select s from StructureMember s where s.structureId in ?1")
    List<StructureMember> findByStructureIdIn(java.util.Collection<Long> structureIds);
}
