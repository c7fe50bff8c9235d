package fr.agir.agreement.process;

import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.application.AmountKind;
import fr.agir.application.ApplicationService;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of "Choisir l'acte juridique": puts the facts bpmn/legal-instrument.dmn reads into
 * the process — the voted duration, the largest GRANTED amount of a year, and the two thresholds of
 * the configuration. No rule here: the table decides.
 */
@Component("legalInstrumentFacts")
public class LegalInstrumentFacts implements ExecutionListener {
    private final VoteService votes;
    private final ApplicationService applications;
    private final LegalInstrumentRules rules;

    public LegalInstrumentFacts(VoteService votes, ApplicationService applications, LegalInstrumentRules rules) {
        this.votes = votes;
        this.applications = applications;
        this.rules = rules;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable("applicationId");
        BigDecimal largest = applications.amounts(applicationId, AmountKind.GRANTED).values().stream()
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        execution.setVariable("grantDurationYears", votes.of(applicationId).getDurationYears());
        execution.setVariable("largestYearlyGrant", largest);
        execution.setVariable("agreementAbove", rules.getAgreementAbove());
        execution.setVariable("agreementFromYears", rules.getAgreementFromYears());
    }
}
