package fr.agir.payment.process;

import fr.agir.payment.PaymentService;
import fr.agir.shared.French;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Clore la subvention retirée": after a délibération withdrew the grant, cancels what is not yet paid,
 * ends the act and closes the application as withdrawn. It lives in payment because installments are
 * payment's (the vote package records the délibération and knows nothing after it).
 */
@Component("closeWithdrawnGrantDelegate")
public class CloseWithdrawnGrantDelegate implements JavaDelegate {
    private final PaymentService payments;
    private final VoteService votes;

    public CloseWithdrawnGrantDelegate(PaymentService payments, VoteService votes) {
        this.payments = payments;
        this.votes = votes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable("applicationId");
        Decision withdrawal = votes.of(applicationId);
        payments.closeWithdrawnGrant(applicationId, "délibération " + withdrawal.getDeliberationNumber() + " du "
                + French.date(withdrawal.getDeliberationDate()) + " : " + withdrawal.getMotivation());
    }
}
