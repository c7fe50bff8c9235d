package fr.agir.payment.desk;

import fr.agir.payment.Installment;
import fr.agir.payment.PaymentService;
import fr.agir.shared.DomainException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Liquidates or validates the ticked installments, each in its own transaction (through
 * {@link PaymentService}, transactional per call): one refused row (own liquidation, RIB to verify,
 * already done by a colleague) leaves the others done, and the report says which and why.
 */
@Service
public class BulkPayments {
    public static final int MAX = 200;

    private final PaymentService payments;

    public BulkPayments(PaymentService payments) {
        this.payments = payments;
    }

    public enum Action { LIQUIDATE, VALIDATE }

    /** One row of the report. */
    public record Outcome(Long installmentId, String label, boolean done, String error) implements Serializable {
    }

    @PreAuthorize("hasRole('FINANCE')")
    public List<Outcome> run(Action action, List<Long> ids, String comment) {
        List<Outcome> outcomes = new ArrayList<>();
        if (ids == null) {
            return outcomes;
        }
        for (Long id : new LinkedHashSet<>(ids).stream().limit(MAX).toList()) {
            String label = "Échéance n° " + id;
            try {
                Installment i = payments.get(id);
                label = i.getKind().label() + " de l'année " + i.getGrantYear() + " (échéance n° " + id + ")";
                if (action == Action.LIQUIDATE) {
                    payments.prepare(id, comment);
                } else {
                    payments.validate(id, true, comment);
                }
                outcomes.add(new Outcome(id, label, true, null));
            } catch (DomainException e) {
                outcomes.add(new Outcome(id, label, false, e.getMessage()));
            } catch (RuntimeException e) {
                // The JPA version or the engine's task revision: a colleague treated it at the same moment.
                if (!(e instanceof OptimisticLockingFailureException)
                        && !e.getClass().getSimpleName().contains("OptimisticLocking")) {
                    throw e;
                }
                outcomes.add(new Outcome(id, label, false,
                        "Un ou une collègue a traité cette échéance au même moment : rouvrez-la pour voir son état."));
            }
        }
        return outcomes;
    }
}
