package fr.agir.instruction;

import java.time.LocalDate;
import java.util.List;

/**
 * A structure's reporting record (each financial report on its grants) for the case view. Implemented by a
 * later capability (reporting), which {@code instruction} may not depend on: received through an
 * {@code ObjectProvider} (none: no record shown).
 */
public interface ReportingRecord {

    /** One report: which grant and year, due when, first sent when, where it stands, how many days late. */
    record Line(Long applicationId, String reference, int grantYear, LocalDate dueDate, LocalDate submittedOn,
                String status, long lateDays, boolean awaited, Long reportId) {
    }

    /** Every report of the structure's grants, by grant then year. */
    List<Line> of(Long structureId);

    /**
     * The report each of these applications' reporting steps is about (the earliest year not yet decided), by
     * application id: the instructors' queue names its year and due date and links the step to its page.
     */
    default java.util.Map<Long, Line> pending(java.util.Collection<Long> applicationIds) {
        return java.util.Map.of();
    }
}
