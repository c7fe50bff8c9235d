package fr.agir.jury;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryResultRepository extends JpaRepository<JuryResult, Long> {
    @Query("select j from JuryResult j where j.applicationId = ?1")
    Optional<JuryResult> findByApplicationId(Long applicationId);
}
