package fr.agir.vote;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CommissionSittingRepository extends JpaRepository<CommissionSitting, Long> {
    List<CommissionSitting> findAllByOrderBySittingDateDescIdDesc();

    Optional<CommissionSitting> findByNumber(String number);

    Optional<CommissionSitting> findByDeliberationNumber(String deliberationNumber);

    /** The sitting, its row locked until the transaction ends: two recordings of one vote run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CommissionSitting s where s.id = ?1")
    Optional<CommissionSitting> lockById(Long id);
}
