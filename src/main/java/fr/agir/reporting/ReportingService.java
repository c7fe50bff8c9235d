package fr.agir.reporting;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementService;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.payment.PaymentService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.Texts;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.structure.StructureService;
import fr.agir.workflow.Deadlines;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.agir.workflow.Workflow.PendingStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Financial reports: expected each grant year, submitted by the structure, validated or recovered. */
@Service
public class ReportingService {
    public static final String ENTITY = "REPORT";

    private final ReportRepository reports;
    private final AgreementService agreements;
    private final ApplicationService applications;
    private final StructureService structures;
    private final PaymentService payments;
    private final NumberSequenceService numbers;
    private final Deadlines deadlines;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final OverdueReportMail overdueMail;
    private final fr.agir.payment.recovery.RecoveryOrderService recoveryOrders;

    public ReportingService(ReportRepository reports, AgreementService agreements, ApplicationService applications,
                            StructureService structures, PaymentService payments, NumberSequenceService numbers,
                            Deadlines deadlines, Workflow workflow, AuditTrail audit, CurrentUser currentUser,
                            Clock clock, OverdueReportMail overdueMail,
                            fr.agir.payment.recovery.RecoveryOrderService recoveryOrders) {
        this.recoveryOrders = recoveryOrders;
        this.overdueMail = overdueMail;
        this.reports = reports;
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
        this.payments = payments;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The report of a grant year becomes expected, due some months after the end of that year. */
    @Transactional
    public Report expect(Long agreementId, int year) {
        Agreement agreement = agreements.get(agreementId);
        return reports.findByAgreementIdAndGrantYear(agreementId, year).orElseGet(() -> {
            LocalDate due = deadlines.reportDueAfterYearEnd(agreement.endOfYear(year),
                    applications.get(agreement.getApplicationId()).getCampaignId());
            Report report = reports.save(new Report(agreementId, agreement.getApplicationId(), year, due));
            audit.record(ENTITY, report.getId(), agreement.getApplicationId(), AuditAction.REPORT_EXPECTED, null,
                    Report.Status.EXPECTED, "Compte-rendu de l'année " + year + " attendu pour le "
                            + French.date(due));
            return report;
        });
    }

    public record Submission(BigDecimal actualCharges, BigDecimal actualProducts, BigDecimal spentGrant,
                             String qualitativeReport) {
    }

    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Report submit(Long reportId, Submission s) {
        Report report = get(reportId);
        Application application = applications.get(report.getApplicationId());
        structures.checkMember(application.getStructureId());
        PendingStep task = pendingTask(report, application, ProcessKeys.TASK_SUBMIT_REPORT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.actualCharges() == null) {
            errors.put("actualCharges", "Total des charges réalisées obligatoire");
        }
        if (s.actualProducts() == null) {
            errors.put("actualProducts", "Total des produits réalisés obligatoire");
        }
        if (s.spentGrant() == null) {
            errors.put("spentGrant", "Part de la subvention utilisée obligatoire");
        }
        if (s.qualitativeReport() == null || s.qualitativeReport().isBlank()) {
            errors.put("qualitativeReport", "Décrivez les actions réalisées");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le compte-rendu est incomplet.", errors);
        }
        String narrative = Texts.required(s.qualitativeReport(), "qualitativeReport", 4000,
                "Décrivez les actions réalisées");
        Report.Status from = report.getStatus();
        report.submit(Money.euros(s.actualCharges(), "actualCharges"), Money.euros(s.actualProducts(), "actualProducts"),
                Money.euros(s.spentGrant(), "spentGrant"), narrative, currentUser.username(),
                Instant.now(clock));
        audit.record(ENTITY, reportId, report.getApplicationId(), AuditAction.REPORT_SUBMITTED, from, Report.Status.SUBMITTED, null);
        workflow.complete(task, Map.of());
        // The instructor's follow-up of a late report ends when the report arrives (no formal notice then).
        workflow.openTasksOfGroup(fr.agir.security.Role.INSTRUCTOR.candidateGroup(), application.getReference())
                .stream().filter(t -> ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT.equals(t.taskKey()))
                .forEach(t -> workflow.complete(new PendingStep(t.taskId()),
                        Map.of(ProcessKeys.VAR_FOLLOW_UP, LateReportFollowUp.RECEIVED)));
        return report;
    }

    /** The instructor validates the report, returns it to complete, or asks for a recovery. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Report review(Long reportId, Report.Outcome outcome, BigDecimal recoveryAmount, String reason) {
        Report report = get(reportId);
        Application application = applications.get(report.getApplicationId());
        PendingStep task = pendingTask(report, application, ProcessKeys.TASK_VALIDATE_REPORT);
        BigDecimal recovery = null;
        String why = Texts.optional(reason, "reason", 1000);
        Report.Status to = switch (outcome) {
            case VALIDATED -> Report.Status.VALIDATED;
            case INCOMPLETE -> {
                Texts.required(reason, "reason", 1000, "Dites à la structure ce qui manque");
                yield Report.Status.RETURNED;
            }
            case RECOVERY -> {
                Texts.required(reason, "reason", 1000, "Motivez le reversement");
                recovery = Money.euros(recoveryAmount, "recoveryAmount");
                BigDecimal paid = payments.paidFor(report.getAgreementId(), report.getGrantYear());
                if (recovery == null || recovery.signum() <= 0 || recovery.compareTo(paid) > 0) {
                    throw new InvalidInputException("Montant à reverser invalide.", Map.of("recoveryAmount",
                            "Entre 0,01 € et le montant déjà versé pour l'année (" + paid.toPlainString() + " €)"));
                }
                yield Report.Status.RECOVERY;
            }
        };
        Report.Status from = report.getStatus();
        report.review(to, why, recovery, currentUser.username(), Instant.now(clock));
        audit.record(ENTITY, reportId, report.getApplicationId(), AuditAction.REPORT_REVIEWED, from, to, why);
        workflow.complete(task, Map.of("reportOutcome", outcome.name()));
        return report;
    }

    /**
     * Past the due date: flagged overdue, and the structure's legal representative is told by e-mail.
     * Returns whether this is a new escalation (the instructor's follow-up opens): not when already
     * flagged, nor for a report first sent on time and since returned to complete.
     */
    @Transactional
    public boolean flagOverdue(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        if (report.isOverdue() || ReportReminders.sentOnTime(report)) {
            return false; // the timer re-arms each time the report is returned; one escalation is enough
        }
        report.flagOverdue();
        audit.record(ENTITY, report.getId(), report.getApplicationId(), AuditAction.REPORT_OVERDUE, report.getStatus(),
                report.getStatus(), "Compte-rendu non reçu au " + French.date(report.getDueDate()));
        overdueMail.send(report);
        return true;
    }

    /** Issues the recovery order (titre de recettes) and cancels the year's balance. */
    @Transactional
    public void issueRecoveryOrder(Long agreementId, int year) {
        Report report = reports.findByAgreementIdAndGrantYear(agreementId, year).orElseThrow();
        if (report.getRecoveryOrderNumber() == null) {
            // The order itself (numbered per budget year, exported, followed, notified by letter) is payment's.
            String number = recoveryOrders.raiseFromReport(report.getApplicationId(), report.getRecoveryAmount(),
                    "Compte rendu financier de l'année " + year + " : sommes non employées ou indues"
                            + (report.getReviewReason() == null ? "" : " — " + report.getReviewReason())).getNumber();
            report.recoveryOrder(number);
        }
        payments.cancelBalance(agreementId, year, "Titre de recettes " + report.getRecoveryOrderNumber());
    }

    @Transactional(readOnly = true)
    public List<Report> ofApplication(Long applicationId) {
        applications.visible(applicationId);
        return reports.findByApplicationIdOrderByGrantYear(applicationId);
    }

    @Transactional(readOnly = true)
    public Report get(Long reportId) {
        return reports.findById(reportId).orElseThrow(() -> NotFoundException.notYours());
    }

    private PendingStep pendingTask(Report report, Application application, String taskKey) {
        return workflow.pendingTask(application.getReference(), taskKey, Map.of("year", report.getGrantYear()));
    }

}
