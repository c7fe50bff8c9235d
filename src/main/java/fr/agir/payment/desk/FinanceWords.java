package fr.agir.payment.desk;

import fr.agir.payment.Installment;
import org.springframework.stereotype.Component;

/** The installment's status as finance pages say it, read by templates as {@code @financeWords}. */
@Component("financeWords")
public class FinanceWords {
    /** {@code payableSince} null: the condition is not met yet. */
    public String status(Installment.Status status, String returnReason, java.time.Instant payableSince) {
        return switch (status) {
            case SCHEDULED -> returnReason != null ? "Renvoyée en liquidation"
                    : payableSince == null ? "Prévue (condition pas encore remplie)" : "À liquider";
            case PREPARED -> "Liquidée, à valider";
            case VALIDATED -> "Validée, mandat en cours";
            case PAID -> "Payée";
            case CANCELLED -> "Annulée";
            default -> "En cours de paiement";
        };
    }
}
