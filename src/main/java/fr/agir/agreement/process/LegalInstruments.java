package fr.agir.agreement.process;

import fr.agir.agreement.LegalInstrument;
import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.vote.LegalInstrumentAdvice;
import fr.agir.workflow.ProcessKeys;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The facts bpmn/legal-instrument.dmn reads, and the table's answer for a grant not voted yet (e.g. a
 * line of the Commission permanente's report): the same deployed table the lifecycle evaluates in
 * « Choisir l'acte juridique », never a copy of its rule. It answers the vote's
 * {@link LegalInstrumentAdvice} port, so the report shows the act without the vote knowing this package.
 */
@Component
public class LegalInstruments implements LegalInstrumentAdvice {
    private final LegalInstrumentRules rules;
    private final DecisionService decisions;

    public LegalInstruments(LegalInstrumentRules rules, DecisionService decisions) {
        this.rules = rules;
        this.decisions = decisions;
    }

    /** The table's inputs: the duration, the largest yearly amount, and the configured thresholds. */
    public Map<String, Object> facts(int durationYears, Map<Integer, BigDecimal> amountsPerYear) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("grantDurationYears", durationYears);
        facts.put("largestYearlyGrant", amountsPerYear.values().stream().max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO));
        facts.put("agreementAbove", rules.getAgreementAbove());
        facts.put("agreementFromYears", rules.getAgreementFromYears());
        return facts;
    }

    /** What the table decides for this duration and these amounts per year. */
    public LegalInstrument choose(int durationYears, Map<Integer, BigDecimal> amountsPerYear) {
        String answer = decisions.evaluateDecisionTableByKey(ProcessKeys.LEGAL_INSTRUMENT)
                .variables(facts(durationYears, amountsPerYear)).evaluate().getSingleEntry();
        return LegalInstrument.valueOf(answer);
    }

    @Override
    public Instrument advise(int durationYears, Map<Integer, BigDecimal> amountsPerYear) {
        LegalInstrument chosen = choose(durationYears, amountsPerYear);
        return new Instrument(chosen.name(), chosen.shortLabel());
    }
}
