package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApplicationAmountRepository extends JpaRepository<ApplicationAmount, Long> {
    @Query("select a from ApplicationAmount a where a.applicationId = ?1 order by a.grantYear asc")
    List<ApplicationAmount> findByApplicationIdOrderByGrantYearAsc(Long applicationId);

    @Query("select a from ApplicationAmount a where a.applicationId = ?1 and a.kind = ?2 order by a.grantYear asc")
    List<ApplicationAmount> findByApplicationIdAndKindOrderByGrantYearAsc(Long applicationId, AmountKind kind);

    @Query("select a from ApplicationAmount a where a.applicationId in ?1 and a.kind = ?2")
    List<ApplicationAmount> findByApplicationIdInAndKind(java.util.Collection<Long> applicationIds, AmountKind kind);

    @Modifying(flushAutomatically = true)
    @Query("delete from ApplicationAmount a where a.applicationId = ?1 and a.kind = ?2")
    void deleteByApplicationIdAndKind(Long applicationId, AmountKind kind);

    @Modifying(flushAutomatically = true)
    @Query("delete from ApplicationAmount a where a.applicationId = ?1 and a.kind = ?2 and a.grantYear > ?3")
    void deleteByApplicationIdAndKindAndGrantYearGreaterThan(Long applicationId, AmountKind kind, int year);
}
