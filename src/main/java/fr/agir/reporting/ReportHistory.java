package fr.agir.reporting;

import fr.agir.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every submission, return and decision of a report, kept with who, when and what was said. */
@Component
public class ReportHistory {
    private final ReportEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReportHistory(ReportEventRepository events, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    void record(Long reportId, ReportEvent.Kind kind, String comment, BigDecimal amount) {
        events.save(new ReportEvent(reportId, kind, currentUser.usernameOrSystem(), Instant.now(clock), comment,
                amount));
    }

    /** The caller has checked that the report may be read. */
    @Transactional(readOnly = true)
    public List<ReportEvent> of(Long reportId) {
        return events.findByReportIdOrderByOccurredAtAscIdAsc(reportId);
    }

    static ReportEvent.Kind of(Report.Outcome outcome) {
        return switch (outcome) {
            case VALIDATED -> ReportEvent.Kind.VALIDATED;
            case INCOMPLETE -> ReportEvent.Kind.RETURNED;
            case RECOVERY -> ReportEvent.Kind.RECOVERY;
        };
    }
}
