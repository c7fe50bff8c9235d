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
        grantYears(execution, agreements.generate((Long) execution.getVariable("applicationId")));
    }

    /** The act's id and its grant years (1 … duration), which Activity_RunGrantYears runs one after the other. */
    static void grantYears(DelegateExecution execution, Agreement act) {
        List<Integer> years = new ArrayList<>();
        for (int year = 1; year <= act.getDurationYears(); year++) {
            years.add(year);
        }
        execution.setVariable("agreementId", act.getId());
        execution.setVariable("years", years);
    }
}
