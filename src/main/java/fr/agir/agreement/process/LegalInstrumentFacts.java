package fr.agir.agreement.process;

import fr.agir.application.AmountKind;
import fr.agir.application.ApplicationService;
import fr.agir.vote.VoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of « Choisir l'acte juridique »: puts the facts bpmn/legal-instrument.dmn reads into
 * the process — the voted duration, the largest GRANTED amount of a year, and the two thresholds of
 * the configuration. No rule here: the table decides.
 */
@Component("legalInstrumentFacts")
public class LegalInstrumentFacts implements ExecutionListener {
    private final VoteService votes;
    private final ApplicationService applications;
    private final LegalInstruments instruments;

    public LegalInstrumentFacts(VoteService votes, ApplicationService applications, LegalInstruments instruments) {
        this.votes = votes;
        this.applications = applications;
        this.instruments = instruments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable("applicationId");
        execution.setVariables(instruments.facts(votes.of(applicationId).getDurationYears(),
                applications.amounts(applicationId, AmountKind.GRANTED)));
    }
}
