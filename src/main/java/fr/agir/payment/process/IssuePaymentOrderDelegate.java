package fr.agir.payment.process;

import fr.agir.payment.PaymentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("issuePaymentOrderDelegate")
public class IssuePaymentOrderDelegate implements JavaDelegate {
    private final PaymentService payments;

    public IssuePaymentOrderDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("paymentConfirmed",
                payments.issuePaymentOrder((Long) execution.getVariable("installmentId")));
    }
}
