package fr.agir.payment.desk;

import fr.agir.payment.Installment;
import org.springframework.stereotype.Component;

/** The installment's status as finance pages say it, read by templates as {@code @financeWords}. */
@Component("financeWords")
public class FinanceWords {
    public String status(Installment.Status status, String returnReason) {
        return switch (status) {
            case SCHEDULED -> returnReason != null ? "Renvoyée en liquidation" : "À liquider";
            case PREPARED -> "Liquidée, à valider";
            case VALIDATED -> "Validée, mandat en cours";
            case PAID -> "Payée";
            case CANCELLED -> "Annulée";
            default -> "En cours de paiement";
        };
    }
}
