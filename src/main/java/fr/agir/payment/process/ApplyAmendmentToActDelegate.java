package fr.agir.payment.process;

import fr.agir.agreement.Agreement;
import fr.agir.payment.PaymentService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Appliquer la modification à l'acte": after a délibération modificative, regenerates the act from the
 * new GRANTED amounts (AgreementService.applyAmendment) and updates the installments not yet liquidated
 * (an arrêté's). It lives in payment, not agreement, because installments are payment's and agreement may
 * not use payment (ArchitectureTest). The grant years the process will run follow the new duration.
 */
@Component("applyAmendmentToActDelegate")
public class ApplyAmendmentToActDelegate implements JavaDelegate {
    private final PaymentService payments;

    public ApplyAmendmentToActDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement act = payments.applyAmendment((Long) execution.getVariable("applicationId"));
        if (execution.hasVariable("years") && act.getStatus() == Agreement.Status.TO_SIGN) {
            List<Integer> years = new ArrayList<>();
            for (int year = 1; year <= act.getDurationYears(); year++) {
                years.add(year);
            }
            execution.setVariable("years", years);
        }
    }
}
