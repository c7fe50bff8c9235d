package fr.agir.reporting;

import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every submission, return and decision of a report, kept with who, when and what was said. */
@Component
public class ReportHistory {
    private final ReportEventRepository events;
    private final CurrentUser currentUser;
    private final People people;
    private final Clock clock;

    ReportHistory(ReportEventRepository events, CurrentUser currentUser, People people, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.people = people;
        this.clock = clock;
    }

    /** One step as the reader sees it: who by name and role (« Awa Traoré, structure »), never a sign-in name. */
    public record Entry(ReportEvent.Kind kind, Instant occurredAt, String who, String comment, BigDecimal amount) {
    }

    @Transactional
    void record(Long reportId, ReportEvent.Kind kind, String comment, BigDecimal amount) {
        events.save(new ReportEvent(reportId, kind, currentUser.usernameOrSystem(), Instant.now(clock), comment,
                amount));
    }

    /**
     * The caller has checked that the report may be read. Staff read every step with each person's name and
     * role; the structure reads its own people by name and the Département as « service instructeur (DIEESS) »,
     * and never the DIEESS's follow-up notes of a late report.
     */
    @Transactional(readOnly = true)
    public List<Entry> of(Long reportId) {
        boolean staff = currentUser.isStaff() || currentUser.hasRole(Role.FINANCE);
        return events.findByReportIdOrderByOccurredAtAscIdAsc(reportId).stream()
                .filter(e -> staff || e.getKind() != ReportEvent.Kind.FOLLOWED_UP)
                .map(e -> new Entry(e.getKind(), e.getOccurredAt(), who(e.getActor(), staff), e.getComment(),
                        e.getAmount()))
                .toList();
    }

    private String who(String actor, boolean staff) {
        if (actor == null || CurrentUser.SYSTEM.equals(actor)) {
            return People.SYSTEM_NAME;
        }
        Optional<People.Person> person = people.find(actor);
        List<Role> roles = person.map(People.Person::roles).orElse(List.of());
        if (roles.contains(Role.APPLICANT)) {
            return person.get().name() + " (structure)";
        }
        if (!staff) {
            return "le service instructeur (DIEESS)";
        }
        String name = person.map(People.Person::name).orElse("Agent du Département");
        return name + (roles.contains(Role.INSTRUCTOR) ? " (instruction, DIEESS)"
                : roles.contains(Role.ADMIN) ? " (administration)"
                : roles.contains(Role.FINANCE) ? " (finances)" : "");
    }

    static ReportEvent.Kind of(Report.Outcome outcome) {
        return switch (outcome) {
            case VALIDATED -> ReportEvent.Kind.VALIDATED;
            case INCOMPLETE -> ReportEvent.Kind.RETURNED;
            case RECOVERY -> ReportEvent.Kind.RECOVERY;
        };
    }
}
