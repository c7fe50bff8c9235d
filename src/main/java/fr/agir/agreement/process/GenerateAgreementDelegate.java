package fr.agir.agreement.process;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Generates the agreement and tells the process which grant years to run (1, or 1 then 2). */
@Component("generateAgreementDelegate")
public class GenerateAgreementDelegate implements JavaDelegate {
    private final AgreementService agreements;

    public GenerateAgreementDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.generate((Long) execution.getVariable("applicationId"));
        List<Integer> years = new ArrayList<>();
        for (int year = 1; year <= agreement.getDurationYears(); year++) {
            years.add(year);
        }
        execution.setVariable("agreementId", agreement.getId());
        execution.setVariable("years", years);
    }
}
