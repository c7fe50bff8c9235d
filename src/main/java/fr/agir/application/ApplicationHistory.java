package fr.agir.application;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditEvent;
import fr.agir.audit.AuditReader;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.web.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's history written for people ("Pièces complètes — candidature recevable", "Avis de
 * la DTER reçu"), never audit codes, with names instead of sign-in names, and only what the reader
 * may see: the events {@link ApplicationService#history} keeps by the audiences declared once in
 * {@link AuditAction} (the structure reads its stages; never opinions, the jury's work, its members
 * or scores, nor the DIEESS's internal task handling).
 */
@Service
public class ApplicationHistory {
    /** One event as its reader may read it: its kind, who did it (as shown to him) and whether its details are his. */
    public record Entry(AuditEvent event, AuditAction action, String who, boolean details) {
        public String reason() {
            return details ? event.getReason() : null;
        }
    }

    private final ApplicationService applications;
    private final CurrentUser currentUser;
    private final People people;

    public ApplicationHistory(ApplicationService applications, CurrentUser currentUser, People people) {
        this.applications = applications;
        this.currentUser = currentUser;
        this.people = people;
    }

    /** The history of an application the caller may see, oldest first, in words. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(Long applicationId) {
        return entries(applicationId).stream().map(e -> new TimelineEntry(e.event().getOccurredAt(), e.action().words(),
                e.who(), e.reason())).toList();
    }

    /** The events of an application the caller may read, oldest first, with what he may read of each. */
    @Transactional(readOnly = true)
    public List<Entry> entries(Long applicationId) {
        AuditReader reader = AuditReader.of(currentUser.roles());
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent e : applications.history(applicationId)) {
            Optional<AuditAction> action = AuditAction.of(e.getAction());
            if (action.isEmpty()) {
                continue;
            }
            boolean details = reader != AuditReader.APPLICANT || action.get().detailsForApplicant();
            entries.add(new Entry(e, action.get(), who(e.getActor(), reader), details));
        }
        return entries;
    }

    /** Names for the back office; for the structure, its own people by name and the Département's as a service. */
    private String who(String actor, AuditReader reader) {
        if (actor == null || CurrentUser.SYSTEM.equals(actor)) {
            return null;
        }
        if (reader != AuditReader.APPLICANT) {
            return people.name(actor);
        }
        Optional<People.Person> person = people.find(actor);
        if (person.isPresent() && person.get().roles().contains(Role.APPLICANT)) {
            return person.get().name();
        }
        return person.isPresent() && person.get().roles().stream().anyMatch(r -> r == Role.INSTRUCTOR || r == Role.ADMIN)
                ? "DIEESS" : null;
    }
}
