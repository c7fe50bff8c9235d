package fr.agir.jury;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoringGridRepository extends JpaRepository<ScoringGrid, Long> {
    Optional<ScoringGrid> findFirstByCampaignIdOrderByGridVersionDesc(Long campaignId);
}
