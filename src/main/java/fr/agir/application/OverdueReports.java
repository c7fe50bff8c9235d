package fr.agir.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The financial reports a structure owes on its grants, as the portal and the submission rule need them.
 * Implemented by a later capability (reporting), which {@code application} may not depend on: received
 * through an {@code ObjectProvider} (none: nothing owed).
 */
public interface OverdueReports {

    /**
     * One report still awaited: its grant's application, the year, the due date, the deadline in words
     * (« à déposer avant le 30 juin 2027, dans 45 jours », « en retard de 12 jours… ») and where to send it.
     */
    record Awaited(Long applicationId, String reference, String title, int grantYear, LocalDate dueDate,
                   String deadline, boolean late, String href) {
    }

    /** The structure's reports past their due date and still not sent (a report sent on time then returned is not). */
    List<Awaited> overdue(Long structureId);

    /** The reports still awaited on these applications, soonest due first. */
    List<Awaited> awaited(Collection<Long> applicationIds);
}
