package fr.agir.structure;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;

interface StructureJoinRequestRepository extends JpaRepository<StructureJoinRequest, Long> {
    boolean existsByStructureIdAndUsernameAndRequestDay(Long structureId, String username, LocalDate requestDay);
}
