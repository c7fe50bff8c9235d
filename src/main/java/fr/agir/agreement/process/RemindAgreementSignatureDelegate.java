package fr.agir.agreement.process;

import fr.agir.agreement.SignatureReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder timer on the structure's signature fired: remind its legal representative, or mark it overdue. */
@Component("remindAgreementSignatureDelegate")
public class RemindAgreementSignatureDelegate implements JavaDelegate {
    private final SignatureReminders reminders;

    public RemindAgreementSignatureDelegate(SignatureReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(((Number) execution.getVariable("agreementId")).longValue());
    }
}
