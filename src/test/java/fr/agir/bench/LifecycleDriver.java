package fr.agir.bench;

import static fr.agir.Actors.as;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementRepository;
import fr.agir.agreement.AgreementService;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.instruction.InstructionService;
import fr.agir.instruction.Opinion;
import fr.agir.instruction.OpinionRepository;
import fr.agir.jury.JuryResult;
import fr.agir.jury.JuryService;
import fr.agir.payment.Installment;
import fr.agir.payment.InstallmentRepository;
import fr.agir.payment.PaymentService;
import fr.agir.reporting.Report;
import fr.agir.reporting.ReportRepository;
import fr.agir.reporting.ReportingService;
import fr.agir.shared.TimeConfig;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;

/**
 * Drives one two-year grant from submission to closure through Agir's services, as each user
 * would (the same steps as {@code ApplicationLifecycleProcessTest.aTwoYearGrantRunsFromSubmissionToClosure}),
 * and runs the application's async continuations in the same thread as the job executor would.
 */
public final class LifecycleDriver {
    private static final BigDecimal EIGHTEEN_K = new BigDecimal("18000.00");
    private static final BigDecimal SIXTEEN_K = new BigDecimal("16000.00");

    private final ApplicationService applications;
    private final InstructionService instruction;
    private final OpinionRepository opinions;
    private final JuryService jury;
    private final VoteService votes;
    private final AgreementRepository agreementRows;
    private final AgreementService agreements;
    private final InstallmentRepository installments;
    private final PaymentService payments;
    private final fr.agir.payment.order.PaymentOrderService paymentOrders;
    private final ReportRepository reports;
    private final ReportingService reporting;
    private final RuntimeService runtime;
    private final ManagementService management;

    /** Write transactions committed: one per service call, one per job. */
    final AtomicLong transactions = new AtomicLong();
    final AtomicLong jobs = new AtomicLong();

    private final ApplicationContext context;

    public LifecycleDriver(ApplicationContext context) {
        this.context = context;
        applications = context.getBean(ApplicationService.class);
        instruction = context.getBean(InstructionService.class);
        opinions = context.getBean(OpinionRepository.class);
        jury = context.getBean(JuryService.class);
        votes = context.getBean(VoteService.class);
        agreementRows = context.getBean(AgreementRepository.class);
        agreements = context.getBean(AgreementService.class);
        installments = context.getBean(InstallmentRepository.class);
        payments = context.getBean(PaymentService.class);
        paymentOrders = context.getBean(fr.agir.payment.order.PaymentOrderService.class);
        reports = context.getBean(ReportRepository.class);
        reporting = context.getBean(ReportingService.class);
        runtime = context.getBean(RuntimeService.class);
        management = context.getBean(ManagementService.class);
    }

    /** Submission to closure of the draft {@code draftId} (2 years, routed to two directorates). */
    public void drive(Long draftId) {
        AtJury at = toJuryStage(draftId);
        Application app = at.application();
        Long id = app.getId();
        String root = at.root();
        step("instructeur", () -> jury.record(id, JuryResult.Verdict.FAVORABLE, 2, Map.of(1, EIGHTEEN_K, 2, SIXTEEN_K),
                "Favorable"));
        runJobs(root);
        step("instructeur", () -> votes.record(id, Decision.Outcome.ADOPTED, String.format("CP-2026-11-%03d", id % 1000),
                LocalDate.now(TimeConfig.PARIS), null, null, null));
        runJobs(root);

        Agreement agreement = agreementRows.findByApplicationId(id).orElseThrow();
        // The structure's signature with its one-time code, read from the outbox's e-mail (the benchmark has no SMTP).
        transactions.addAndGet(1);
        fr.agir.SignatureCodes.sign(context, "porteur", agreement.getId());
        runJobs(root);
        step("signataire", () -> agreements.countersign(agreement.getId()));
        runJobs(root);
        for (int year = 1; year <= 2; year++) {
            pay(id, year, Installment.Kind.ADVANCE, root);
            Report report = report(id, year);
            step("porteur", () -> reporting.submit(report.getId(), new ReportingService.Submission(
                    new BigDecimal("30000.00"), new BigDecimal("30000.00"), SIXTEEN_K, "Actions réalisées")));
            runJobs(root);
            step("instructeur", () -> reporting.review(report.getId(), Report.Outcome.VALIDATED, null, "Examiné"));
            runJobs(root);
            pay(id, year, Installment.Kind.BALANCE, root);
        }
        if (applications.get(id).getStatus() != ApplicationStatus.CLOSED) {
            throw new IllegalStateException(app.getReference() + " did not reach closure");
        }
    }

    /** An application waiting for the jury's result, and its lifecycle's process instance. */
    public record AtJury(Application application, String root) {
    }

    /** Submission, completeness, every directorate's opinion and the synthesis: the application then awaits the jury. */
    public AtJury toJuryStage(Long draftId) {
        Application app = step("porteur", () -> applications.submit(draftId));
        Long id = app.getId();
        String root = runtime.createProcessInstanceQuery().processDefinitionKey("application-lifecycle")
                .processInstanceBusinessKey(app.getReference()).singleResult().getId();
        runJobs(root);

        step("instructeur", () -> instruction.decideCompleteness(id, InstructionService.Completeness.COMPLETE, null, null));
        runJobs(root);
        for (Opinion opinion : opinions.findByApplicationIdOrderByDirectorate(id)) {
            step("avis-" + opinion.getDirectorate().name().toLowerCase(), () -> instruction.giveOpinion(id,
                    opinion.getDirectorate(), Opinion.Verdict.FAVORABLE, "Avis favorable", EIGHTEEN_K));
            runJobs(root);
        }
        step("instructeur", () -> instruction.writeSynthesis(id, "Projet solide", Map.of(1, EIGHTEEN_K, 2, EIGHTEEN_K)));
        runJobs(root);
        return new AtJury(app, root);
    }

    private void pay(Long applicationId, int year, Installment.Kind kind, String root) {
        Installment installment = installments.findByApplicationIdOrderByGrantYearAscKindAsc(applicationId).stream()
                .filter(i -> i.getGrantYear() == year && i.getKind() == kind).findFirst().orElseThrow();
        step("finances1", () -> payments.prepare(installment.getId(), "Conditions remplies"));
        runJobs(root);
        step("finances2", () -> payments.validate(installment.getId(), true, null));
        runJobs(root);
        // The finance software's round trip: the order exported in today's bordereau, then its return.
        step("finances1", paymentOrders::exportToday);
        fr.agir.payment.order.PaymentOrder exported = step("finances1",
                () -> paymentOrders.orderOfInstallment(installment.getId())).orElseThrow();
        String line = exported.getPieceNumber() + ";MDT-" + exported.getPieceNumber() + ";"
                + java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";"
                + exported.getAmount().toPlainString().replace('.', ',');
        step("finances1", () -> paymentOrders.importReturn("retour.csv",
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                fr.agir.payment.order.PaymentOrderService.ReturnMode.ALL_OR_NOTHING));
        runJobs(root);
    }

    private Report report(Long applicationId, int year) {
        return reports.findByApplicationIdOrderByGrantYear(applicationId).stream()
                .filter(r -> r.getGrantYear() == year).findFirst().orElseThrow();
    }

    private <T> T step(String user, java.util.function.Supplier<T> action) {
        T result = as(user, action);
        transactions.incrementAndGet();
        return result;
    }

    private void step(String user, Runnable action) {
        as(user, action);
        transactions.incrementAndGet();
    }

    /** The pending async continuations of this application's process tree (never its timers). */
    private void runJobs(String rootProcessInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> pending = management.createJobQuery().rootProcessInstanceId(rootProcessInstanceId).messages().list();
            if (pending.isEmpty()) {
                return;
            }
            for (Job job : pending) {
                management.executeJob(job.getId());
                jobs.incrementAndGet();
                transactions.incrementAndGet();
            }
        }
        throw new IllegalStateException("Async jobs keep coming for " + rootProcessInstanceId);
    }
}
