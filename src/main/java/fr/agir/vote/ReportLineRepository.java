package fr.agir.vote;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportLineRepository extends JpaRepository<ReportLine, Long> {
    List<ReportLine> findBySittingIdOrderById(Long sittingId);

    List<ReportLine> findByApplicationId(Long applicationId);
}
