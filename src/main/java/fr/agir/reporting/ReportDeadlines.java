package fr.agir.reporting;

import fr.agir.shared.TimeConfig;
import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadlines around a financial report ({@code agir.reporting.*}); the due date itself comes from
 * {@code agir.deadlines.report-after-year-end}. The grant-year model reads them by name
 * ({@code ${reportDeadlines.nextReminder(agreementId, year)}}), so operators change them without
 * touching the model.
 */
@Component("reportDeadlines")
@ConfigurationProperties(prefix = "agir.reporting")
public class ReportDeadlines {
    /** The legal representative is e-mailed this long before the due date, once per period. */
    private List<Period> remindersBefore = new ArrayList<>(List.of(Period.ofDays(30), Period.ofDays(7)));
    /** This long after the report became overdue (the instructor's task opened), the formal reminder letter goes. */
    private Period formalNoticeAfter = Period.ofMonths(1);
    /** After the last year, a grant whose closing conditions are not met yet is checked again this often. */
    private Period closureRecheck = Period.ofDays(7);

    private ReportRepository reports;

    ReportDeadlines(ReportRepository reports) {
        this.reports = reports;
    }

    @PostConstruct
    void check() {
        for (Period p : remindersBefore) {
            if (p.isNegative() || p.isZero()) {
                throw new IllegalStateException("agir.reporting.reminders-before: positive periods only (" + p + ")");
            }
        }
        if (formalNoticeAfter.isNegative() || formalNoticeAfter.isZero() || closureRecheck.isNegative()
                || closureRecheck.isZero()) {
            throw new IllegalStateException("agir.reporting.formal-notice-after and closure-recheck must be positive");
        }
    }

    /** The reminder days before {@code due}, earliest first. */
    public List<LocalDate> reminderDays(LocalDate due) {
        return remindersBefore.stream().map(due::minus).distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * When the next reminder of this year's report is due (Paris, 8 a.m.); when none is left, the
     * morning after the due date (the reminder then sends nothing: the overdue timer takes over).
     */
    public Date nextReminder(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        List<LocalDate> days = reminderDays(report.getDueDate());
        LocalDate day = report.getRemindersSent() < days.size() ? days.get(report.getRemindersSent())
                : report.getDueDate().plusDays(1);
        return Date.from(day.atTime(8, 0).atZone(TimeConfig.PARIS).toInstant());
    }

    /** Whether another reminder is to come: the report is still awaited and a reminder day is left. */
    public boolean moreReminders(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        return report.isAwaited() && report.getRemindersSent() < reminderDays(report.getDueDate()).size();
    }

    /**
     * When the formal notice of a report found late at {@code lateSince} goes (Paris calendar): the follow-up
     * task's due date, and the time of both the timer on the open follow-up and the one after "Relance effectuée".
     */
    public Date formalNoticeAt(java.time.Instant lateSince) {
        return Date.from(lateSince.atZone(TimeConfig.PARIS).plus(formalNoticeAfter).toInstant());
    }

    public String formalNoticeDelay() {
        return formalNoticeAfter.toString();
    }

    public String closureRecheckDelay() {
        return closureRecheck.toString();
    }

    public List<Period> getRemindersBefore() { return remindersBefore; }
    public void setRemindersBefore(List<Period> remindersBefore) { this.remindersBefore = remindersBefore; }
    public Period getFormalNoticeAfter() { return formalNoticeAfter; }
    public void setFormalNoticeAfter(Period formalNoticeAfter) { this.formalNoticeAfter = formalNoticeAfter; }
    public Period getClosureRecheck() { return closureRecheck; }
    public void setClosureRecheck(Period closureRecheck) { this.closureRecheck = closureRecheck; }
}
