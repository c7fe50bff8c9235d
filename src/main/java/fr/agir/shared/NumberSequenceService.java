package fr.agir.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free, human-readable numbers (application references, agreement numbers, payment and
 * recovery orders): one locked row per series (seeded by Flyway), so two users never get the
 * same number and a rolled-back transaction gives its number back.
 */
@Service
public class NumberSequenceService {
    public static final String APPLICATION = "application";
    public static final String AGREEMENT = "agreement";
    public static final String PAYMENT_ORDER = "payment-order";
    public static final String RECOVERY_ORDER = "recovery-order";

    private final EntityManager em;

    public NumberSequenceService(EntityManager em) {
        this.em = em;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String series, String prefix) {
        NumberSequence seq = em.find(NumberSequence.class, series, LockModeType.PESSIMISTIC_WRITE);
        if (seq == null) {
            throw new IllegalStateException("Unknown number series " + series);
        }
        return "%s-%06d".formatted(prefix, seq.take());
    }

    /**
     * The next value of a series created on first use (e.g. one per budget year: "bordereau-2026"), with the
     * same guarantee: the row is locked until the transaction ends, a rollback gives the value back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long nextValue(String series) {
        // The existing row is locked at once (FOR UPDATE). Not "insert if missing" first: on an existing row
        // INSERT IGNORE takes a shared lock, and two transactions each holding one then asking for the
        // exclusive lock deadlock (seen with two exports at once).
        NumberSequence seq = em.find(NumberSequence.class, series, LockModeType.PESSIMISTIC_WRITE);
        if (seq == null) {
            em.createNativeQuery("INSERT IGNORE INTO number_sequence (name, next_value) VALUES (?1, 1)")
                    .setParameter(1, series).executeUpdate();
            seq = em.find(NumberSequence.class, series, LockModeType.PESSIMISTIC_WRITE);
        }
        return seq.take();
    }
}
