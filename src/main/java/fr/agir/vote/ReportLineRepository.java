package fr.agir.vote;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReportLineRepository extends JpaRepository<ReportLine, Long> {
    @Query("select r from ReportLine r where r.sittingId = ?1 order by r.id asc")
    List<ReportLine> findBySittingIdOrderById(Long sittingId);

    @Query("select r from ReportLine r where r.applicationId = ?1")
    List<ReportLine> findByApplicationId(Long applicationId);
}
