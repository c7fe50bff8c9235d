package fr.agir.agreement.process;

import fr.agir.agreement.AgreementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeApplicationDelegate")
public class CloseApplicationDelegate implements JavaDelegate {
    private final AgreementService agreements;

    public CloseApplicationDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.closeAfterLastYear((Long) execution.getVariable("applicationId"));
    }
}
