package fr.agir.vote;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The legal act a report line would get if voted as proposed: the answer of bpmn/legal-instrument.dmn,
 * the table the lifecycle evaluates after the vote. The vote comes before the agreement in the lifecycle
 * order, so it only declares what it needs (a port); the agreement capability, which owns the table's
 * thresholds and the instrument, answers it (agreement/process/LegalInstruments).
 */
public interface LegalInstrumentAdvice {
    /** The act as the report shows it: its code (AGREEMENT, ARRETE) and its short French name. */
    record Instrument(String code, String label) {
    }

    /** What the table decides for this duration and these amounts per year. */
    Instrument advise(int durationYears, Map<Integer, BigDecimal> amountsPerYear);
}
