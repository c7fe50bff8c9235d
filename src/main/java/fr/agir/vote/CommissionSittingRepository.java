package fr.agir.vote;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CommissionSittingRepository extends JpaRepository<CommissionSitting, Long> {
    @Query("select c from CommissionSitting c order by c.sittingDate desc, c.id desc")
    List<CommissionSitting> findAllByOrderBySittingDateDescIdDesc();

    @Query("select c from CommissionSitting c where c.number = ?1")
    Optional<CommissionSitting> findByNumber(String number);

    @Query("select c from CommissionSitting c where c.deliberationNumber = ?1")
    Optional<CommissionSitting> findByDeliberationNumber(String deliberationNumber);

    /** The sitting, its row locked until the transaction ends: two recordings of one vote run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CommissionSitting s where s.id = ?1")
    Optional<CommissionSitting> lockById(Long id);
}
