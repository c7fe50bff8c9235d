package fr.agir.reporting;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.shared.French;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the grant-year model does around a report's due date: the reminders before it (one per
 * configured period, never twice, none once the report is sent) and, a second period after the report
 * became overdue, the formal reminder letter. The day-after e-mail and the overdue flag stay
 * {@link ReportingService#flagOverdue}.
 */
@Service
public class ReportReminders {
    private final ReportRepository reports;
    private final ReportDeadlines deadlines;
    private final ReportReminderMail mail;
    private final OverdueReportLetter letter;
    private final AuditTrail audit;
    private final Clock clock;

    ReportReminders(ReportRepository reports, ReportDeadlines deadlines, ReportReminderMail mail,
                    OverdueReportLetter letter, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.deadlines = deadlines;
        this.mail = mail;
        this.letter = letter;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A reminder timer fired: the legal representative is e-mailed the deadline in words, unless the
     * report is no longer awaited or every reminder already went. Reminder days already past (a year
     * opened late) are skipped to the latest one, so that the structure gets one e-mail, not several.
     */
    @Transactional
    public void remind(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        List<LocalDate> days = deadlines.reminderDays(report.getDueDate());
        if (!report.isAwaited() || report.getRemindersSent() >= days.size()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int index = report.getRemindersSent();
        while (index + 1 < days.size() && !days.get(index + 1).isAfter(today)) {
            index++;
        }
        report.reminded(index + 1);
        String words = inWords(report.getDueDate(), today);
        audit.record(ReportingService.ENTITY, report.getId(), report.getApplicationId(), AuditAction.REPORT_REMINDED,
                report.getStatus(), report.getStatus(), "Rappel " + (index + 1) + " sur " + days.size()
                        + " envoyé au représentant légal : compte-rendu de l'année " + year + " " + words);
        mail.reminder(report, words);
    }

    /**
     * The second period after the report became overdue: if it is still awaited, the formal reminder
     * letter (PDF/A) is written, kept with the report, listed among the application's letters and
     * e-mailed to the legal representative. Sent once.
     */
    @Transactional
    public void sendFormalNotice(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        if (!report.isAwaited() || report.getFormalNoticeAt() != null) {
            return;
        }
        byte[] pdf = letter.render(report, LocalDate.now(clock));
        report.formalNotice(pdf, Instant.now(clock));
        audit.record(ReportingService.ENTITY, report.getId(), report.getApplicationId(),
                AuditAction.REPORT_FORMAL_NOTICE, report.getStatus(), report.getStatus(),
                "Mise en demeure de déposer le compte-rendu de l'année " + year + " (attendu le "
                        + French.date(report.getDueDate()) + ")");
        mail.formalNotice(report, pdf);
    }

    /**
     * A deadline in words, as the portal and the e-mails say it: « à déposer avant le 30 juin 2027,
     * dans 45 jours », « à déposer aujourd'hui (30 juin 2027) », « en retard de 12 jours ».
     */
    public static String inWords(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days > 0) {
            return "à déposer avant le " + day(due) + ", dans " + days + (days == 1 ? " jour" : " jours");
        }
        if (days == 0) {
            return "à déposer aujourd'hui (" + day(due) + ")";
        }
        return "en retard de " + (-days) + (days == -1 ? " jour" : " jours") + " (attendu le " + day(due) + ")";
    }

    /** « 30 juin 2027 ». */
    public static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH));
    }

    /** First sent by its due date (then returned to complete, it is not late). */
    public static boolean sentOnTime(Report report) {
        return report.getFirstSubmittedAt() != null && !LocalDate.ofInstant(report.getFirstSubmittedAt(),
                fr.agir.shared.TimeConfig.PARIS).isAfter(report.getDueDate());
    }

    /** Days late: between the due date and the first submission (or today while awaited); 0 when on time. */
    public static long lateDays(Report report, LocalDate today) {
        LocalDate end = report.getFirstSubmittedAt() != null
                ? LocalDate.ofInstant(report.getFirstSubmittedAt(), fr.agir.shared.TimeConfig.PARIS) : today;
        return Math.max(0, ChronoUnit.DAYS.between(report.getDueDate(), end));
    }
}
