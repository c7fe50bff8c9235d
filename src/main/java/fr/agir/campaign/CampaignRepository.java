package fr.agir.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {
    @Query("select c from Campaign c where c.code = ?1")
    Optional<Campaign> findByCode(String code);

    @Query("select c from Campaign c order by c.openingDate desc")
    List<Campaign> findAllByOrderByOpeningDateDesc();
}
