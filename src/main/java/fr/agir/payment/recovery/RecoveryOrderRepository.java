package fr.agir.payment.recovery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecoveryOrderRepository extends JpaRepository<RecoveryOrder, Long> {
    List<RecoveryOrder> findTop500ByOrderByIdDesc();

    List<RecoveryOrder> findTop500ByStatusInOrderByIdDesc(Collection<RecoveryOrder.Status> statuses);

    @Query("select r from RecoveryOrder r where r.status = ?1 order by r.id asc")
    List<RecoveryOrder> findByStatusOrderByIdAsc(RecoveryOrder.Status status);

    @Query("select r from RecoveryOrder r where r.batchId = ?1 order by r.id asc")
    List<RecoveryOrder> findByBatchIdOrderByIdAsc(Long batchId);

    @Query("select r from RecoveryOrder r where r.applicationId = ?1 order by r.id asc")
    List<RecoveryOrder> findByApplicationIdOrderByIdAsc(Long applicationId);

    @Query("select r from RecoveryOrder r where r.id = ?1 and r.applicationId = ?2")
    Optional<RecoveryOrder> findByIdAndApplicationId(Long id, Long applicationId);

    @Query("select case when count(r) > 0 then true else false end from RecoveryOrder r where r.applicationId = ?1 and r.origin = ?2")
    boolean existsByApplicationIdAndOrigin(Long applicationId, RecoveryOrder.Origin origin);
}
