package fr.agir.payment.order;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PaymentOrderRepository extends JpaRepository<PaymentOrder, Long> {
    @Query("select p from PaymentOrder p where p.bordereauId = ?1 order by p.pieceNumber asc")
    List<PaymentOrder> findByBordereauIdOrderByPieceNumberAsc(Long bordereauId);

    /** Locked: two imports of the same return at the same moment apply each line once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PaymentOrder p where p.pieceNumber = ?1")
    Optional<PaymentOrder> findByPieceNumber(int pieceNumber);

    @Query("select p from PaymentOrder p where p.installmentId = ?1")
    Optional<PaymentOrder> findByInstallmentId(Long installmentId);
}
