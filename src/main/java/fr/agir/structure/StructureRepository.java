package fr.agir.structure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StructureRepository extends JpaRepository<Structure, Long> {
    @Query("select s from Structure s where s.siret = ?1")
    Optional<Structure> findBySiret(String siret);

    @Query("select s from Structure s where s.rna = ?1")
    Optional<Structure> findByRna(String rna);

    @Query("select s from Structure s where s.id in (select m.structureId from StructureMember m where m.username = ?1) order by s.name")
    List<Structure> findByMember(String username);
}
