package fr.agir.payment.recovery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryOrderRepository extends JpaRepository<RecoveryOrder, Long> {
    List<RecoveryOrder> findTop500ByOrderByIdDesc();

    List<RecoveryOrder> findTop500ByStatusInOrderByIdDesc(Collection<RecoveryOrder.Status> statuses);

    List<RecoveryOrder> findByStatusOrderByIdAsc(RecoveryOrder.Status status);

    List<RecoveryOrder> findByBatchIdOrderByIdAsc(Long batchId);

    List<RecoveryOrder> findByApplicationIdOrderByIdAsc(Long applicationId);

    Optional<RecoveryOrder> findByIdAndApplicationId(Long id, Long applicationId);

    boolean existsByApplicationIdAndOrigin(Long applicationId, RecoveryOrder.Origin origin);
}
