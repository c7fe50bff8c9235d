package fr.agir.structure;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StructureJoinRequestRepository extends JpaRepository<StructureJoinRequest, Long> {
    @Query("select case when count(s) > 0 then true else false end from StructureJoinRequest s where s.structureId = ?1 and s.username = ?2 and s.requestDay = ?3")
    boolean existsByStructureIdAndUsernameAndRequestDay(Long structureId, String username, LocalDate requestDay);
}
