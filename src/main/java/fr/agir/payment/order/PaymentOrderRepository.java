package fr.agir.payment.order;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface PaymentOrderRepository extends JpaRepository<PaymentOrder, Long> {
    List<PaymentOrder> findByBordereauIdOrderByPieceNumberAsc(Long bordereauId);

    /** Locked: two imports of the same return at the same moment apply each line once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PaymentOrder> findByPieceNumber(int pieceNumber);

    Optional<PaymentOrder> findByInstallmentId(Long installmentId);
}
