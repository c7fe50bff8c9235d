package fr.agir.payment.desk;

import fr.agir.application.ApplicationPayments;
import fr.agir.payment.Installment;
import fr.agir.payment.PaymentService;
import java.util.List;
import org.springframework.stereotype.Component;

/** The structure's view of its payments: from the installments it may see (404 for anyone else). */
@Component
public class PortalPayments implements ApplicationPayments {
    private final PaymentService payments;

    public PortalPayments(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public List<Payment> of(Long applicationId) {
        return payments.ofApplication(applicationId).stream()
                .map(i -> new Payment(i.getKind().label(), i.getGrantYear(), i.getAmount(), words(i.getStatus()),
                        i.getStatus() == Installment.Status.PAID ? i.getPaidAt() : null,
                        i.getStatus() == Installment.Status.PAID ? i.getPaymentOrderNumber() : null))
                .toList();
    }

    static String words(Installment.Status status) {
        return switch (status) {
            case SCHEDULED -> "Prévu : versé quand sa condition est remplie et vérifiée par les finances";
            case PREPARED, VALIDATED -> "En cours de paiement";
            case PAID -> "Payé";
            case CANCELLED -> "Annulé";
            default -> "En cours de paiement";
        };
    }
}
