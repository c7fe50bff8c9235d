package fr.agir.instruction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Commission permanente's délibérations on a case, as the instructor's case page lists them. The
 * vote comes after the instruction in the lifecycle order and {@code instruction} may not read it: the
 * vote implements this interface, and {@link CasePage} receives it through an {@code ObjectProvider}.
 */
public interface CaseDeliberations {

    /**
     * One délibération: its number and date, its outcome in words, whether it grants (adopted, amended) or
     * not (rejected, withdrawn), its motivation, what it granted year by year, and whether it is in force.
     */
    record Deliberation(String number, LocalDate date, String outcome, boolean grants, String motivation,
                        Map<Integer, BigDecimal> amounts, int durationYears, boolean current) {
    }

    /** The délibérations on the application, the first one first; none for a caller who may not read them. */
    List<Deliberation> of(Long applicationId);
}
