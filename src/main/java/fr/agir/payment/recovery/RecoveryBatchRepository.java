package fr.agir.payment.recovery;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecoveryBatchRepository extends JpaRepository<RecoveryBatch, Long> {
    List<RecoveryBatch> findTop200ByOrderByIdDesc();
}
