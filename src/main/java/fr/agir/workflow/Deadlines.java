package fr.agir.workflow;

import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the lifecycle, as ISO-8601 periods from configuration ({@code agir.deadlines.*}).
 * The BPMN timers read them by name ({@code ${deadlines.opinion}}), so operators and tests change
 * them without touching the models.
 */
@Component("deadlines")
@ConfigurationProperties(prefix = "agir.deadlines")
public class Deadlines {
    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");
    /** Time the applicant has to send missing pieces. */
    private String missingPieces = "P15D";
    /** Time a directorate has to give its opinion. */
    private String opinion = "P15D";
    /** The directorate is reminded this long before its opinion's deadline. */
    private String opinionReminderBefore = "P3D";
    /** A year's financial report is due this long after the end of the grant year. */
    private String reportAfterYearEnd = "P6M";
    /** An agreement the structure has not signed is reminded after this long, then again every as long. */
    private String agreementSignatureReminder = "P15D";
    /** At most this many reminders to the legal representative; one period later the instructors see it overdue. */
    private int agreementSignatureReminders = 3;

    /** Campaigns' own deadlines; absent in unit tests that build this object by hand. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private org.springframework.beans.factory.ObjectProvider<CampaignDeadlineLookup> campaignDeadlines;

    @PostConstruct
    void check() {
        Period.parse(missingPieces);
        Period.parse(opinion);
        Period.parse(reportAfterYearEnd);
        if (Period.parse(agreementSignatureReminder).isNegative() || Period.parse(agreementSignatureReminder).isZero()) {
            throw new IllegalStateException("agir.deadlines.agreement-signature-reminder must be a positive period");
        }
        if (agreementSignatureReminders < 0) {
            throw new IllegalStateException("agir.deadlines.agreement-signature-reminders must be 0 or more");
        }
        LocalDate day = LocalDate.of(2026, 1, 1);
        if (!opinionReminderDueFrom(day).isAfter(day)) {
            throw new IllegalStateException("agir.deadlines.opinion-reminder-before (" + opinionReminderBefore
                    + ") must be shorter than agir.deadlines.opinion (" + opinion + ")");
        }
    }

    public String getMissingPieces() { return missingPieces; }
    public void setMissingPieces(String missingPieces) { this.missingPieces = missingPieces; }
    public String getOpinion() { return opinion; }
    public void setOpinion(String opinion) { this.opinion = opinion; }
    public String getOpinionReminderBefore() { return opinionReminderBefore; }
    public void setOpinionReminderBefore(String opinionReminderBefore) { this.opinionReminderBefore = opinionReminderBefore; }
    public String getReportAfterYearEnd() { return reportAfterYearEnd; }
    public void setReportAfterYearEnd(String reportAfterYearEnd) { this.reportAfterYearEnd = reportAfterYearEnd; }

    public String getAgreementSignatureReminder() { return agreementSignatureReminder; }
    public void setAgreementSignatureReminder(String agreementSignatureReminder) { this.agreementSignatureReminder = agreementSignatureReminder; }
    public int getAgreementSignatureReminders() { return agreementSignatureReminders; }
    public void setAgreementSignatureReminders(int agreementSignatureReminders) { this.agreementSignatureReminders = agreementSignatureReminders; }

    /**
     * The cycle of the reminder timer on the structure's signature ({@code R4/P15D}): one firing per
     * reminder, and one more, a period after the last reminder, that shows the agreement overdue to
     * the instructors.
     */
    public String agreementSignatureReminderCycle() {
        return "R" + (agreementSignatureReminders + 1) + "/" + agreementSignatureReminder;
    }

    public LocalDate opinionDueFrom(LocalDate day) {
        return day.plus(Period.parse(opinion));
    }

    /** The day a directorate asked on {@code day} is reminded: its deadline minus the reminder period. */
    public LocalDate opinionReminderDueFrom(LocalDate day) {
        return opinionDueFrom(day).minus(Period.parse(opinionReminderBefore));
    }

    /**
     * The due date of an opinion task and the moment its deadline timer fires ({@code opinion} from
     * now, in Paris time, as the reminder is computed).
     */
    public java.util.Date opinionDueDate() {
        return java.util.Date.from(java.time.ZonedDateTime.now(PARIS).plus(Period.parse(opinion)).toInstant());
    }

    /**
     * When the reminder timer of an opinion task fires: the moment its deadline timer fires, minus
     * {@code opinion-reminder-before}.
     */
    public java.util.Date opinionReminderDate() {
        return java.util.Date.from(java.time.ZonedDateTime.now(PARIS).plus(Period.parse(opinion))
                .minus(Period.parse(opinionReminderBefore)).toInstant());
    }

    public LocalDate missingPiecesDueFrom(LocalDate day) {
        return day.plus(Period.parse(missingPieces));
    }

    /** The due date shown on the applicant's task, the same moment the boundary timer fires. */
    public java.util.Date missingPiecesDueDate() {
        return java.util.Date.from(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"))
                .plus(Period.parse(missingPieces)).toInstant());
    }

    public LocalDate reportDueAfterYearEnd(LocalDate yearEnd) {
        return yearEnd.plus(Period.parse(reportAfterYearEnd));
    }

    // --- A campaign's own value wins when it sets one (campaign administration), else the configuration's.

    /** The period of {@code kind} for the campaign (its own value, else the configuration's). */
    public String period(CampaignDeadlineLookup.Kind kind, Long campaignId) {
        CampaignDeadlineLookup lookup = campaignDeadlines == null ? null : campaignDeadlines.getIfAvailable();
        String own = lookup == null || campaignId == null ? null : lookup.period(campaignId, kind);
        if (own != null) {
            return own;
        }
        return switch (kind) {
            case MISSING_PIECES -> missingPieces;
            case OPINION -> opinion;
            case REPORT_AFTER_YEAR_END -> reportAfterYearEnd;
        };
    }

    /** The missing pieces' period of the case's campaign (BPMN: {@code ${deadlines.missingPiecesOf(execution)}}). */
    public String missingPiecesOf(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return period(CampaignDeadlineLookup.Kind.MISSING_PIECES, campaignId(execution));
    }

    /** The due date of the applicant's task, the moment its boundary timer fires, for the case's campaign. */
    public java.util.Date missingPiecesDueDate(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return java.util.Date.from(java.time.ZonedDateTime.now(PARIS)
                .plus(Period.parse(missingPiecesOf(execution))).toInstant());
    }

    /** The opinion's due date (task and deadline timer) for the case's campaign. */
    public java.util.Date opinionDueDate(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return java.util.Date.from(java.time.ZonedDateTime.now(PARIS)
                .plus(Period.parse(period(CampaignDeadlineLookup.Kind.OPINION, campaignId(execution)))).toInstant());
    }

    /** The opinion's reminder for the case's campaign: its deadline minus {@code opinion-reminder-before}. */
    public java.util.Date opinionReminderDate(org.camunda.bpm.engine.delegate.VariableScope execution) {
        java.time.ZonedDateTime due = java.time.ZonedDateTime.now(PARIS)
                .plus(Period.parse(period(CampaignDeadlineLookup.Kind.OPINION, campaignId(execution))));
        java.time.ZonedDateTime reminder = due.minus(Period.parse(opinionReminderBefore));
        // A campaign's short opinion period: remind halfway rather than before the request itself.
        return java.util.Date.from(reminder.isAfter(java.time.ZonedDateTime.now(PARIS)) ? reminder.toInstant()
                : java.time.ZonedDateTime.now(PARIS).plus(java.time.Duration.between(
                        java.time.ZonedDateTime.now(PARIS), due).dividedBy(2)).toInstant());
    }

    public LocalDate missingPiecesDueFrom(LocalDate day, Long campaignId) {
        return day.plus(Period.parse(period(CampaignDeadlineLookup.Kind.MISSING_PIECES, campaignId)));
    }

    public LocalDate opinionDueFrom(LocalDate day, Long campaignId) {
        return day.plus(Period.parse(period(CampaignDeadlineLookup.Kind.OPINION, campaignId)));
    }

    public LocalDate reportDueAfterYearEnd(LocalDate yearEnd, Long campaignId) {
        return yearEnd.plus(Period.parse(period(CampaignDeadlineLookup.Kind.REPORT_AFTER_YEAR_END, campaignId)));
    }

    private static Long campaignId(org.camunda.bpm.engine.delegate.VariableScope execution) {
        Object id = execution == null ? null : execution.getVariable("campaignId");
        return id instanceof Number n ? n.longValue() : null;
    }
}
