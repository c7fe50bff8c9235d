package fr.agir.payment;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementService;
import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.agreement.PaymentTerms;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.payment.desk.BankDetailsCheck;
import fr.agir.payment.desk.FourEyesAudit;
import fr.agir.security.CurrentUser;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.Texts;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import fr.agir.workflow.Workflow.PendingStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installments: scheduled per grant year, liquidated by one finance officer, validated by
 * another (separation of duties), then turned into a payment order.
 */
@Service
public class PaymentService {
    public static final String ENTITY = "INSTALLMENT";

    private final InstallmentRepository installments;
    private final AgreementService agreements;
    private final fr.agir.agreement.AmendmentService amendments;
    private final ApplicationService applications;
    private final PaymentTerms terms;
    private final LegalInstrumentRules instrumentRules;
    private final NumberSequenceService numbers;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final fr.agir.payment.credit.CreditService credits;
    private final FourEyesAudit fourEyes;
    private final BankDetailsCheck bankDetails;
    private final fr.agir.payment.recovery.RecoveryOrderService recoveryOrders;

    public PaymentService(InstallmentRepository installments, AgreementService agreements,
                          fr.agir.agreement.AmendmentService amendments,
                          ApplicationService applications, PaymentTerms terms, LegalInstrumentRules instrumentRules,
                          NumberSequenceService numbers, Workflow workflow, AuditTrail audit, CurrentUser currentUser,
                          Clock clock, fr.agir.payment.credit.CreditService credits, FourEyesAudit fourEyes,
                          BankDetailsCheck bankDetails, fr.agir.payment.recovery.RecoveryOrderService recoveryOrders) {
        this.recoveryOrders = recoveryOrders;
        this.credits = credits;
        this.fourEyes = fourEyes;
        this.bankDetails = bankDetails;
        this.instrumentRules = instrumentRules;
        this.installments = installments;
        this.agreements = agreements;
        this.amendments = amendments;
        this.applications = applications;
        this.terms = terms;
        this.numbers = numbers;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The year's first installment (advance, or the arrêté's single one) and its balance (null: none). */
    public record YearSchedule(Long advanceInstallmentId, Long balanceInstallmentId) {
    }

    /**
     * Creates the year's advance and balance from the amount in force (the granted one, or the last avenant's
     * in force: {@link fr.agir.agreement.AmendmentService#amountsInForce}); for an arrêté, one installment of
     * the whole amount (agir.legal-instrument.arrete-single-installment). Again: returns the same.
     */
    @Transactional
    public YearSchedule scheduleYear(Long agreementId, int year) {
        Agreement agreement = agreements.get(agreementId);
        BigDecimal granted = amendments.amountsInForce(agreement).get(year);
        if (granted == null) {
            throw new IllegalStateException("No granted amount for year " + year + " of agreement " + agreementId);
        }
        if (agreement.isArrete() && instrumentRules.isArreteSingleInstallment()) {
            return new YearSchedule(create(agreement, year, Installment.Kind.SINGLE, granted).getId(), null);
        }
        BigDecimal advance = terms.advanceOf(granted);
        Installment first = create(agreement, year, Installment.Kind.ADVANCE, advance);
        Installment second = create(agreement, year, Installment.Kind.BALANCE, granted.subtract(advance));
        return new YearSchedule(first.getId(), second.getId());
    }

    /** First finance officer: the payment conditions are met (liquidation). */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public Installment prepare(Long installmentId, String comment) {
        // Locked first: two officers acting at once are served one after the other, the second one then
        // finding the step gone (409), rather than both writing and deadlocking.
        Installment installment = installments.findForUpdate(installmentId).orElseThrow(NotFoundException::notYours);
        PendingStep task = pendingTask(installment, ProcessKeys.TASK_PREPARE_PAYMENT);
        String remarks = Texts.optional(comment, "comment", 1000);
        bankDetails.assertPayable(installment.getApplicationId());
        Installment.Status from = installment.getStatus();
        installment.prepare(currentUser.username(), Instant.now(clock));
        audit.record(ENTITY, installmentId, installment.getApplicationId(), AuditAction.INSTALLMENT_PREPARED, from,
                Installment.Status.PREPARED, remarks);
        workflow.complete(task, Map.of());
        return installment;
    }

    /** Second finance officer, never the one who liquidated: approves, or returns with a reason. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public Installment validate(Long installmentId, boolean approve, String comment) {
        // Locked first (see prepare): of two validations at once, the second gets a 409, never a deadlock.
        Installment installment = installments.findForUpdate(installmentId).orElseThrow(NotFoundException::notYours);
        PendingStep task = pendingTask(installment, ProcessKeys.TASK_VALIDATE_PAYMENT);
        if (currentUser.username().equals(installment.getPreparedBy())) {
            fourEyes.refusedValidation(ENTITY, installmentId, installment.getApplicationId(), installment.getStatus());
            throw new ForbiddenActionException("Séparation des tâches : l'agent qui a liquidé l'échéance ne peut pas "
                    + "valider le mandat. Un second agent des finances doit le faire.");
        }
        String remarks = approve ? Texts.optional(comment, "comment", 1000)
                : Texts.required(comment, "comment", 1000, "Motivez le renvoi en liquidation");
        if (approve) {
            credits.consume(installment);
            installment.validate(currentUser.username(), Instant.now(clock));
        } else {
            installment.returnToPreparation(remarks);
        }
        audit.record(ENTITY, installmentId, installment.getApplicationId(),
                approve ? AuditAction.PAYMENT_VALIDATED : AuditAction.PAYMENT_RETURNED, Installment.Status.PREPARED,
                installment.getStatus(), remarks);
        workflow.complete(task, Map.of("paymentApproved", approve));
        return installment;
    }

    /**
     * The process reached "Émettre le mandat": the validated installment now waits for an export to the
     * finance software (fr.agir.payment.order) and for its return. Returns whether the payment is already
     * confirmed (the return came before the process got here): the process then does not wait. The row is
     * locked so that a return imported at the same moment either sees the process waiting or is seen here.
     */
    @Transactional
    public boolean issuePaymentOrder(Long installmentId) {
        Installment installment = installments.findForUpdate(installmentId).orElseThrow(NotFoundException::notYours);
        return installment.getStatus() == Installment.Status.PAID;
    }

    /**
     * The finance software's return: the installment (validated and exported) is PAID with the mandate
     * number and payment date it gives, and its installment-payment process goes on. Returns false (nothing
     * changed) when it was already paid with this mandate.
     */
    @Transactional
    public boolean confirmPayment(Long installmentId, String mandateNumber, java.time.LocalDate paymentDate) {
        Installment installment = installments.findForUpdate(installmentId).orElseThrow(NotFoundException::notYours);
        if (installment.getStatus() == Installment.Status.PAID) {
            if (mandateNumber.equals(installment.getPaymentOrderNumber())) {
                return false;
            }
            throw new fr.agir.shared.StateConflictException("L'échéance est déjà payée par le mandat "
                    + installment.getPaymentOrderNumber() + ".");
        }
        if (installment.getStatus() != Installment.Status.VALIDATED) {
            throw new fr.agir.shared.StateConflictException("L'échéance n'est pas validée : elle ne peut pas être payée.");
        }
        // The payment date at noon in Paris: the same calendar day in Paris and in UTC, so the 60-day clock
        // (days between the stored instants' dates) counts whole days (at midnight it read one day short).
        Instant paidAt = paymentDate.atTime(12, 0).atZone(fr.agir.shared.TimeConfig.PARIS).toInstant();
        installment.markPaid(mandateNumber, paidAt);
        audit.record(ENTITY, installmentId, installment.getApplicationId(), AuditAction.PAYMENT_CONFIRMED,
                Installment.Status.VALIDATED, Installment.Status.PAID, "Mandat " + mandateNumber + " payé le "
                        + fr.agir.shared.French.date(paymentDate) + " : " + fr.agir.shared.Money.format(installment.getAmount()));
        Application application = applications.get(installment.getApplicationId());
        workflow.correlateWaiting(ProcessKeys.MESSAGE_PAYMENT_CONFIRMED, application.getReference(),
                Map.of("installmentId", installmentId));
        return true;
    }

    /** A balance that will not be paid (the year ends with a recovery order). */
    @Transactional
    public void cancelBalance(Long agreementId, int year, String reason) {
        installments.findByAgreementIdAndGrantYearAndKind(agreementId, year, Installment.Kind.BALANCE)
                .filter(i -> i.getStatus() == Installment.Status.SCHEDULED)
                .ifPresent(i -> {
                    i.cancel();
                    audit.record(ENTITY, i.getId(), i.getApplicationId(), AuditAction.INSTALLMENT_CANCELLED,
                            Installment.Status.SCHEDULED, Installment.Status.CANCELLED, reason);
                });
    }

    /**
     * A délibération modificative: the act is regenerated ({@link AgreementService#applyAmendment}) and the
     * installments not yet liquidated carry the new amounts (an arrêté's, the only ones existing before the
     * act is signed). An agreement the structure has signed is left alone, and so are its installments: they
     * follow an avenant, the only way the signed act changes. Returns the act, whose grant years the process runs.
     */
    @Transactional
    public Agreement applyAmendment(Long applicationId) {
        Agreement act = agreements.applyAmendment(applicationId);
        if (act.isSignedAgreement()) {
            return act;
        }
        Map<Integer, BigDecimal> granted = applications.amounts(applicationId, AmountKind.GRANTED);
        for (Installment i : installments.findByApplicationIdOrderByGrantYearAscKindAsc(applicationId)) {
            BigDecimal year = granted.getOrDefault(i.getGrantYear(), BigDecimal.ZERO);
            BigDecimal amount = switch (i.getKind()) {
                case SINGLE -> year;
                case ADVANCE -> terms.advanceOf(year);
                case BALANCE -> year.subtract(terms.advanceOf(year));
            };
            if (i.getStatus() == Installment.Status.SCHEDULED && i.getAmount().compareTo(amount) != 0) {
                String before = fr.agir.shared.Money.format(i.getAmount());
                i.reschedule(amount);
                audit.record(ENTITY, i.getId(), applicationId, AuditAction.INSTALLMENT_SCHEDULED, i.getStatus(),
                        i.getStatus(), i.getKind().label() + " de l'année " + i.getGrantYear() + " : "
                                + fr.agir.shared.Money.format(amount) + " au lieu de " + before
                                + " (délibération modificative)");
            }
        }
        credits.recommit(applicationId);
        return act;
    }

    /**
     * A grant withdrawn by a later délibération: what is not yet paid is cancelled, the act ends and the
     * application is closed as withdrawn; what was already paid is named as to be recovered, and one recovery
     * order (titre de recettes) for the sum paid is raised and notified to the structure.
     */
    @Transactional
    public void closeWithdrawnGrant(Long applicationId, String deliberation) {
        List<Installment> all = installments.findByApplicationIdOrderByGrantYearAscKindAsc(applicationId);
        List<String> paid = new java.util.ArrayList<>();
        for (Installment i : all) {
            switch (i.getStatus()) {
                case PAID -> paid.add(fr.agir.shared.Money.format(i.getAmount()) + " (" + i.getKind().label()
                        + " de l'année " + i.getGrantYear() + ", mandat " + i.getPaymentOrderNumber() + ")");
                case CANCELLED -> {
                }
                default -> {
                    Installment.Status from = i.getStatus();
                    i.cancel();
                    audit.record(ENTITY, i.getId(), applicationId, AuditAction.INSTALLMENT_CANCELLED, from,
                            Installment.Status.CANCELLED, "Subvention retirée par la " + deliberation);
                }
            }
        }
        agreements.closeWithdrawn(applicationId);
        String reason = "Retirée par la " + deliberation + (paid.isEmpty() ? ". Rien n'a été versé."
                : ". Déjà versé, à recouvrer : " + String.join(" ; ", paid)
                + ". Un titre de recettes sera adressé à la structure.");
        applications.changeStatus(applicationId, fr.agir.application.ApplicationStatus.GRANT_WITHDRAWN,
                AuditAction.GRANT_WITHDRAWN, reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason);
        credits.recommit(applicationId);
        recoveryOrders.raiseForWithdrawal(applicationId, deliberation);
    }

    /** Amount already paid for a grant year. */
    @Transactional(readOnly = true)
    public BigDecimal paidFor(Long agreementId, int year) {
        return installments.findByApplicationIdOrderByGrantYearAscKindAsc(agreements.get(agreementId).getApplicationId())
                .stream().filter(i -> i.getGrantYear() == year && i.getStatus() == Installment.Status.PAID)
                .map(Installment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public List<Installment> awaitingFinance() {
        return installments.findByStatusInOrderByIdAsc(EnumSet.of(Installment.Status.PREPARED));
    }

    /** The installments of an application whose payment data the caller may see. */
    @Transactional(readOnly = true)
    public List<Installment> ofApplication(Long applicationId) {
        applications.visibleForPayment(applicationId);
        return installments.findByApplicationIdOrderByGrantYearAscKindAsc(applicationId);
    }

    @Transactional(readOnly = true)
    public Installment get(Long installmentId) {
        return installments.findById(installmentId).orElseThrow(() -> NotFoundException.notYours());
    }

    private PendingStep pendingTask(Installment installment, String taskKey) {
        Application application = applications.get(installment.getApplicationId());
        return workflow.pendingTask(application.getReference(), taskKey, Map.of("installmentId", installment.getId()));
    }

    private Installment create(Agreement agreement, int year, Installment.Kind kind, BigDecimal amount) {
        return installments.findByAgreementIdAndGrantYearAndKind(agreement.getId(), year, kind).orElseGet(() -> {
            Installment installment = installments.save(new Installment(agreement.getId(), agreement.getApplicationId(),
                    year, kind, amount));
            audit.record(ENTITY, installment.getId(), agreement.getApplicationId(), AuditAction.INSTALLMENT_SCHEDULED, null,
                    Installment.Status.SCHEDULED, "Année " + year + ", " + kind.label() + " : "
                            + fr.agir.shared.Money.format(amount));
            return installment;
        });
    }
}
