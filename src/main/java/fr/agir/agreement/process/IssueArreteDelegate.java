package fr.agir.agreement.process;

import fr.agir.agreement.AgreementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Établir l'arrêté attributif": issues the arrêté (in force at once) and hands its grant years to the process. */
@Component("issueArreteDelegate")
public class IssueArreteDelegate implements JavaDelegate {
    private final AgreementService agreements;

    public IssueArreteDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GenerateAgreementDelegate.grantYears(execution,
                agreements.issueArrete((Long) execution.getVariable("applicationId")));
    }
}
