package fr.agir.agreement.process;

import fr.agir.application.AmountKind;
import fr.agir.application.ApplicationService;
import fr.agir.vote.VoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Start listener of « Choisir l'acte juridique »: puts the facts bpmn/legal-instrument.dmn reads into
 * the process — the voted duration, the largest GRANTED amount of a year, and the two thresholds of
 * the configuration. No rule here: the table decides. The facts are transient (issue 21): the table reads
 * them in the same transaction, right after this listener; the table's answer ({@code legalInstrument}) is
 * the variable the process keeps. Kept, they were 4 variables and 3 serialized values written, then deleted.
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
        instruments.facts(votes.of(applicationId).getDurationYears(), applications.amounts(applicationId, AmountKind.GRANTED))
                .forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    }
}
