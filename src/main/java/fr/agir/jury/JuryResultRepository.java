package fr.agir.jury;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryResultRepository extends JpaRepository<JuryResult, Long> {
    Optional<JuryResult> findByApplicationId(Long applicationId);
}
