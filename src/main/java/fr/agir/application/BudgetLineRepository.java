package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BudgetLineRepository extends JpaRepository<BudgetLine, Long> {
    @Query("select b from BudgetLine b where b.applicationId = ?1 order by b.grantYear asc, b.id asc")
    List<BudgetLine> findByApplicationIdOrderByGrantYearAscIdAsc(Long applicationId);

    @Modifying(flushAutomatically = true)
    @Query("delete from BudgetLine b where b.applicationId = ?1")
    void deleteByApplicationId(Long applicationId);

    @Modifying(flushAutomatically = true)
    @Query("delete from BudgetLine b where b.applicationId = ?1 and b.grantYear > ?2")
    void deleteByApplicationIdAndGrantYearGreaterThan(Long applicationId, int year);
}
