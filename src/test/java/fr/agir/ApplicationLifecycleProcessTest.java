package fr.agir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementRepository;
import fr.agir.agreement.AgreementService;
import fr.agir.agreement.LegalInstrument;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationStatus;
import fr.agir.application.TargetPublic;
import fr.agir.audit.AuditEvent;
import fr.agir.audit.AuditEventRepository;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.Thematic;
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
import fr.agir.security.Directorate;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.LegalForm;
import fr.agir.structure.Structure;
import fr.agir.workflow.ProcessKeys;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import fr.agir.payment.order.Bordereau;
import fr.agir.payment.order.PaymentOrder;
import fr.agir.payment.order.PaymentOrderService;

/** One test per path and gateway outcome of bpmn/application-lifecycle.bpmn and the processes it calls. */
class ApplicationLifecycleProcessTest extends ProcessTestSupport {
    @Autowired
    private org.springframework.context.ApplicationContext context;
    @Autowired
    private PaymentOrderService paymentOrders;
    private static final BigDecimal TWENTY_K = new BigDecimal("20000.00");
    /** Above agir.legal-instrument.agreement-above (23 000 €): a one-year grant of this gets an agreement. */
    private static final BigDecimal THIRTY_K = new BigDecimal("30000.00");

    @Autowired
    InstructionService instruction;
    @Autowired
    JuryService jury;
    @Autowired
    VoteService votes;
    @Autowired
    AgreementService agreements;
    @Autowired
    fr.agir.agreement.AgreementApi agreementApi;
    @Autowired
    fr.agir.agreement.process.LegalInstruments legalInstruments;
    @Autowired
    PaymentService payments;
    @Autowired
    ReportingService reporting;
    @Autowired
    OpinionRepository opinionRows;
    @Autowired
    AgreementRepository agreementRows;
    @Autowired
    InstallmentRepository installmentRows;
    @Autowired
    ReportRepository reportRows;
    @Autowired
    AuditEventRepository auditRows;
    @Autowired
    fr.agir.instruction.SynthesisService synthesis;
    @Autowired
    fr.agir.instruction.OpinionReminders reminders;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    fr.agir.jury.JurySessionSetupService jurySessions;
    @Autowired
    fr.agir.jury.JuryAssignmentService juryAssignments;
    @Autowired
    fr.agir.jury.JuryDeliberationService juryDeliberations;
    @Autowired
    fr.agir.jury.ScoringGridService scoringGrids;
    @Autowired
    fr.agir.jury.ScoringService scoring;
    @Autowired
    fr.agir.letter.DecisionLetterService decisionLetters;
    @Autowired
    fr.agir.letter.DecisionLetterApi letterApi;
    @Autowired
    fr.agir.agreement.SignatureReminders signatureReminders;

    @Test
    void aTwoYearGrantRunsFromSubmissionToClosure() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 2, TWENTY_K);
        ProcessInstance pi = lifecycle(app);
        assertThat(pi).isWaitingAt("Task_CheckCompleteness");

        declareComplete(app);
        assertThat(opinionsOf(app)).extracting(Opinion::getDirectorate)
                .containsExactlyInAnyOrder(Directorate.DTER, Directorate.DJVA);
        giveAllOpinions(app);
        assertThat(pi).isWaitingAt("Task_WriteSynthesis");
        writeSynthesis(app, Map.of(1, new BigDecimal("18000"), 2, new BigDecimal("18000")));
        assertThat(pi).isWaitingAt("Event_JuryResultReceived");
        recordJury(app, 2, Map.of(1, new BigDecimal("18000"), 2, new BigDecimal("16000")));
        assertThat(pi).isWaitingAt("Event_VoteReceived");
        vote(app, Decision.Outcome.ADOPTED, null, null);
        assertThat(pi).isWaitingAt("Task_SignAgreement");

        assertThat(pi).hasPassed("Task_ChooseLegalInstrument", "Task_GenerateAgreement").hasNotPassed("Task_IssueArrete");
        assertThat(runtime.getVariable(pi.getId(), "legalInstrument")).as("a 2-year grant: an agreement")
                .isEqualTo("AGREEMENT");
        Agreement agreement = signAndCountersign(app);
        assertThat(agreement.getInstrument()).isEqualTo(LegalInstrument.AGREEMENT);
        assertThat(agreement.getTotalAmount()).isEqualByComparingTo("34000.00");
        assertThat(agreement.getNumber()).startsWith("CPO-");
        for (int year = 1; year <= 2; year++) {
            payInstallment(app, year, Installment.Kind.ADVANCE);
            submitReport(app, year);
            reviewReport(app, year, Report.Outcome.VALIDATED, null);
            payInstallment(app, year, Installment.Kind.BALANCE);
        }

        assertThat(pi).isEnded().hasPassed("Task_CloseApplication", "Event_Closed");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(agreementRows.findById(agreement.getId()).orElseThrow().getStatus()).isEqualTo(Agreement.Status.CLOSED);
        List<Installment> installments = installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId());
        assertThat(installments).hasSize(4).allSatisfy(i -> {
            assertThat(i.getStatus()).isEqualTo(Installment.Status.PAID);
            assertThat(i.getPaymentOrderNumber()).startsWith("MDT-");
            assertThat(i.getPreparedBy()).isEqualTo("finances1");
            assertThat(i.getValidatedBy()).isEqualTo("finances2");
        });
        assertThat(installments).extracting(Installment::getAmount).map(BigDecimal::toPlainString)
                .containsExactly("14400.00", "3600.00", "12800.00", "3200.00");
        assertThat(reportRows.findByApplicationIdOrderByGrantYear(app.getId()))
                .extracting(Report::getStatus).containsExactly(Report.Status.VALIDATED, Report.Status.VALIDATED);
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .contains("SUBMITTED", "DECLARED_COMPLETE", "OPINION_GIVEN", "SYNTHESIS_WRITTEN",
                        "JURY_RESULT_RECORDED", "VOTE_RECORDED", "AGREEMENT_SIGNED", "AGREEMENT_COUNTERSIGNED",
                        "PAYMENT_ORDER_ISSUED", "REPORT_REVIEWED", "CLOSED");
    }

    @Autowired
    fr.agir.instruction.InstructionQueue queue;
    @Autowired
    fr.agir.workflow.TaskProjection openTasks;
    @Autowired
    fr.agir.workflow.Workflow workflow;

    /**
     * Issue 21: the instructors' queue and /api/tasks read the open tasks projection (open_task), written
     * by the engine's task listener: after every step of a two-year grant, a claim, a release, a later
     * délibération (amendment) and a rebuild, it is exactly the engine's task list.
     */
    @Test
    void theOpenTasksProjectionIsTheEnginesTaskListAfterEveryStepAndAfterARebuild() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 2, TWENTY_K);
        assertOpenTasksProjectionMatchesEngine();
        fr.agir.instruction.InstructionQueue.Filter ofCampaign = new fr.agir.instruction.InstructionQueue.Filter(
                app.getCampaignId(), null, null, null, null, null, false, null, null);
        var page = as("instructeur", () -> queue.queue(ofCampaign, 0, 50));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.countsByStage()).containsExactly(Map.entry(ApplicationStatus.SUBMITTED, 1L));
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.reference()).isEqualTo(app.getReference());
            assertThat(item.taskKey()).isEqualTo(ProcessKeys.TASK_CHECK_COMPLETENESS);
            assertThat(item.assignee()).isNull();
        });
        String taskId = page.items().get(0).taskId();
        as("instructeur", () -> queue.claim(taskId));
        assertOpenTasksProjectionMatchesEngine();
        assertThat(as("instructeur", () -> queue.queue(new fr.agir.instruction.InstructionQueue.Filter(
                app.getCampaignId(), null, null, null, null, null, false,
                fr.agir.instruction.InstructionQueue.Assignment.MINE, null), 0, 50)).total()).isEqualTo(1);
        assertThat(as("instructeur", () -> queue.queue(new fr.agir.instruction.InstructionQueue.Filter(
                app.getCampaignId(), null, null, null, null, null, false,
                fr.agir.instruction.InstructionQueue.Assignment.UNASSIGNED, null), 0, 50)).total()).isZero();
        as("instructeur", () -> queue.release(taskId));
        assertOpenTasksProjectionMatchesEngine();

        declareComplete(app);
        assertOpenTasksProjectionMatchesEngine();
        List<String> directorates = runtime.createProcessInstanceQuery().processDefinitionKey("directorate-opinion")
                .processInstanceBusinessKey(app.getReference()).list().stream()
                .map(pi -> (String) runtime.getVariable(pi.getId(), "directorate")).toList();
        assertThat(directorates).hasSizeGreaterThan(1);
        directorates.forEach(d -> assertPendingStepAsTheEngine(app, ProcessKeys.TASK_GIVE_OPINION, "directorate", d));
        giveAllOpinions(app);
        assertOpenTasksProjectionMatchesEngine();
        assertThat(as("instructeur", () -> queue.queue(new fr.agir.instruction.InstructionQueue.Filter(
                app.getCampaignId(), null, ApplicationStatus.UNDER_REVIEW, null, TWENTY_K, null, false, null,
                fr.agir.instruction.InstructionQueue.Sort.AMOUNT), 0, 50)).items())
                .extracting(fr.agir.instruction.InstructionQueue.Item::reference).containsExactly(app.getReference());
        writeSynthesis(app, Map.of(1, new BigDecimal("18000"), 2, new BigDecimal("18000")));
        assertOpenTasksProjectionMatchesEngine();
        recordJury(app, 2, Map.of(1, new BigDecimal("18000"), 2, new BigDecimal("16000")));
        assertOpenTasksProjectionMatchesEngine();
        vote(app, Decision.Outcome.ADOPTED, null, null);
        assertOpenTasksProjectionMatchesEngine();
        // A later délibération reopens the decided case (Délibération modificative) while it awaits signature.
        revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-931", 2,
                Map.of(1, new BigDecimal("17000.00"), 2, new BigDecimal("16000.00")));
        assertOpenTasksProjectionMatchesEngine();
        signAndCountersign(app);
        assertOpenTasksProjectionMatchesEngine();
        for (int year = 1; year <= 2; year++) {
            assertPendingStepAsTheEngine(app, ProcessKeys.TASK_PREPARE_PAYMENT, "installmentId",
                    installment(app, year, Installment.Kind.ADVANCE).getId());
            payInstallment(app, year, Installment.Kind.ADVANCE);
            assertOpenTasksProjectionMatchesEngine();
            assertPendingStepAsTheEngine(app, ProcessKeys.TASK_SUBMIT_REPORT, "year", year);
            int otherYear = 3 - year;
            assertThatThrownBy(() -> workflow.pendingTask(app.getReference(), ProcessKeys.TASK_SUBMIT_REPORT,
                    Map.of("year", otherYear))).as("no report of the other year is expected")
                    .isInstanceOf(fr.agir.shared.StateConflictException.class);
            submitReport(app, year);
            assertOpenTasksProjectionMatchesEngine();
            if (year == 1) {
                // Rebuilt from the engine while the case waits for the instructors: the same rows.
                assertThat(openTasks.rebuild()).isPositive();
                assertOpenTasksProjectionMatchesEngine();
                assertPendingStepAsTheEngine(app, ProcessKeys.TASK_VALIDATE_REPORT, "year", year);
            }
            reviewReport(app, year, Report.Outcome.VALIDATED, null);
            assertOpenTasksProjectionMatchesEngine();
            payInstallment(app, year, Installment.Kind.BALANCE);
            assertOpenTasksProjectionMatchesEngine();
        }
        assertThat(jdbc.queryForObject("select count(*) from open_task where business_key = ?", Integer.class,
                app.getReference())).isZero();
        openTasks.rebuild();
        assertOpenTasksProjectionMatchesEngine();
    }

    /**
     * Issue 21, V37: a step told apart by a process variable (an opinion by its directorate, a payment by its
     * installment, a report by its year) is found on the projection, and it is the task the engine's own task
     * query with that condition finds.
     */
    private void assertPendingStepAsTheEngine(Application app, String taskKey, String variable, Object value) {
        List<String> engineIds = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskDefinitionKey(taskKey).processVariableValueEquals(variable, value).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getId).toList();
        assertThat(engineIds).as("%s of %s=%s in the engine", taskKey, variable, value).hasSize(1);
        assertThat(workflow.pendingTask(app.getReference(), taskKey, Map.of(variable, value)).taskId())
                .isEqualTo(engineIds.get(0));
        assertThat(jdbc.queryForObject("select count(*) from open_task where task_id = ? and discriminator = ?",
                Integer.class, engineIds.get(0), variable + "=" + value)).as("held by the projection").isPositive();
    }

    @Test
    void missingPiecesNotSentInTimeMakeTheApplicationInadmissible() {
        Application app = submitted(Thematic.NOUVELLES_SOLIDARITES, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.MISSING_PIECES, null, "Statuts à jour"));
        executeAsyncJobs();
        assertThat(lifecycle(app)).isWaitingAt("Task_ProvideMissingPieces");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.AWAITING_PIECES);

        ProcessInstance pi = lifecycle(app);
        fireTimer(app.getReference(), "Event_MissingPiecesDeadline");

        assertThat(pi).isEnded().hasPassed("Task_DeclareInadmissible", "Event_Inadmissible");
        Application after = applications.get(app.getId());
        assertThat(after.getStatus()).isEqualTo(ApplicationStatus.INADMISSIBLE);
        assertThat(after.getStatusReason()).contains("non fournies dans le délai");
        assertThatLetterIsQueued(app);
    }

    @Test
    void missingPiecesSentSendTheApplicationBackToTheCompletenessCheck() {
        Application app = submitted(Thematic.NOUVELLES_SOLIDARITES, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.MISSING_PIECES, null, "Comptes approuvés 2025"));
        executeAsyncJobs();
        as("porteur", () -> instruction.answerMissingPieces(app.getId(), "Comptes déposés"));
        executeAsyncJobs();

        assertThat(lifecycle(app)).isWaitingAt("Task_CheckCompleteness").hasPassed("Task_ProvideMissingPieces");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(management.createJobQuery().timers().activityId("Event_MissingPiecesDeadline")
                .processInstanceId(lifecycle(app).getId()).count()).isZero();
    }

    @Test
    void anIneligibleApplicationEndsInadmissibleWithItsReason() {
        Application app = submitted(Thematic.ENGAGEMENT_CITOYEN, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        ProcessInstance pi = lifecycle(app);
        as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.INELIGIBLE, "Structure hors du département", null));
        executeAsyncJobs();

        assertThat(pi).isEnded().hasPassed("Event_Inadmissible").hasNotPassed("Task_RouteOpinions");
        assertThat(applications.get(app.getId()).getStatusReason()).isEqualTo("Structure hors du département");
        assertThatLetterIsQueued(app);
    }

    @Test
    void anInstructorReopensAnInadmissibilityWithAReason() {
        Application app = submitted(Thematic.ENGAGEMENT_CITOYEN, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.INELIGIBLE, "Siège hors du département", null));
        executeAsyncJobs();
        assertThat(lifecycle(app)).isNull();

        assertThatThrownBy(() -> as("instructeur", () -> instruction.reopenCompleteness(app.getId(), "")))
                .hasMessageContaining("Motivez la réouverture");
        as("instructeur", () -> instruction.reopenCompleteness(app.getId(), "Le siège est à Bobigny depuis mars"));

        assertThat(lifecycle(app)).isWaitingAt("Task_CheckCompleteness");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(auditRows.findAll()).filteredOn(e -> app.getId().equals(e.getApplicationId())
                && "REOPENED".equals(e.getAction())).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("Le siège est à Bobigny depuis mars"));
        assertThatThrownBy(() -> as("instructeur", () -> instruction.reopenCompleteness(app.getId(), "Encore")))
                .isInstanceOf(StateConflictException.class);

        as("instructeur", () -> instruction.decideCompleteness(app.getId(), InstructionService.Completeness.COMPLETE,
                null, null));
        executeAsyncJobs();
        assertThat(lifecycle(app)).isWaitingAt("Activity_CollectOpinions");
    }

    /** The inadmissibility letter (PDF) is in the outbox, for the structure's legal representative. */
    private void assertThatLetterIsQueued(Application app) {
        assertThat(jdbc.queryForObject("select count(*) from mail_message m join mail_attachment a on a.message_id = m.id "
                        + "where m.subject = ? and a.content_type = 'application/pdf'", Integer.class,
                "Votre candidature " + app.getReference() + " est irrecevable")).isEqualTo(1);
    }

    @Test
    void theInstructorChangesTheProposedDirectoratesWithAReasonAndATrace() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 1, TWENTY_K);
        List<Directorate> proposal = as("instructeur", () -> instruction.routingProposal(app.getId()));
        assertThat(proposal).contains(Directorate.DTER, Directorate.DJVA).doesNotContain(Directorate.DPAS);

        assertThatThrownBy(() -> as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.COMPLETE, null, null, new InstructionService.RoutingChange(
                        java.util.Set.of(Directorate.DPAS), java.util.Set.of(), " "))))
                .hasMessageContaining("Motivez le changement des directions consultées");
        assertThat(lifecycle(app)).isWaitingAt("Task_CheckCompleteness");

        as("instructeur", () -> instruction.decideCompleteness(app.getId(), InstructionService.Completeness.COMPLETE,
                null, null, new InstructionService.RoutingChange(java.util.Set.of(Directorate.DPAS),
                        java.util.Set.of(Directorate.DJVA), "Public en grande précarité")));
        executeAsyncJobs();

        assertThat(as("instructeur", () -> instruction.opinionsOf(app.getId()))).extracting(Opinion::getDirectorate)
                .containsExactlyInAnyOrderElementsOf(proposal.stream()
                        .filter(d -> d != Directorate.DJVA).collect(java.util.stream.Collectors.toCollection(
                                () -> new java.util.ArrayList<>(List.of(Directorate.DPAS)))));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("directorate-opinion")
                .processInstanceBusinessKey(app.getReference()).count()).isEqualTo(proposal.size());
        assertThat(auditRows.findAll()).filteredOn(e -> app.getId().equals(e.getApplicationId())
                        && "ROUTING_ADJUSTED".equals(e.getAction())).singleElement()
                .satisfies(e -> assertThat(e.getReason()).contains("ajout : DPAS", "retrait : DJVA",
                        "Public en grande précarité"));
    }

    @Test
    void pastTheOpinionDeadlineTheInstructionGoesOnWithoutThatOpinion() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 1, TWENTY_K);
        declareComplete(app);
        as("avis-djva", () -> instruction.giveOpinion(app.getId(), Directorate.DJVA, Opinion.Verdict.FAVORABLE,
                "Favorable", null));
        executeAsyncJobs();
        assertThat(lifecycle(app)).isWaitingAt("Activity_CollectOpinions");

        fireTimer(app.getReference(), "Event_OpinionDeadlinePassed");

        assertThat(lifecycle(app)).isWaitingAt("Task_WriteSynthesis");
        assertThat(opinionRows.findByApplicationIdAndDirectorate(app.getId(), Directorate.DTER).orElseThrow()
                .getStatus()).isEqualTo(Opinion.Status.EXPIRED);
        assertThat(opinionRows.findByApplicationIdAndDirectorate(app.getId(), Directorate.DJVA).orElseThrow()
                .getStatus()).isEqualTo(Opinion.Status.GIVEN);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("Event_NoOpinion").finished().list()).isNotEmpty();
    }

    @Test
    void aDirectorateIsRemindedBeforeItsDeadlineAndPastItTheCaseReadsSansAvis() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 1, TWENTY_K);
        declareComplete(app);
        // Each opinion task has its reminder 3 days (agir.deadlines.opinion-reminder-before) before its deadline.
        List<org.camunda.bpm.engine.runtime.Job> reminders = timersOf(app, "Event_OpinionReminderDue");
        List<org.camunda.bpm.engine.runtime.Job> deadlines = timersOf(app, "Event_OpinionDeadlinePassed");
        assertThat(reminders).hasSize(2);
        assertThat(deadlines).hasSize(2);
        java.time.ZonedDateTime deadline = deadlines.get(0).getDuedate().toInstant().atZone(fr.agir.shared.TimeConfig.PARIS);
        assertThat(deadline.toLocalDate()).isEqualTo(LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(15));
        assertThat(java.time.Duration.between(reminders.get(0).getDuedate().toInstant(), deadline.minusDays(3).toInstant())
                .abs()).isLessThan(java.time.Duration.ofMinutes(1));

        // DJVA gives its opinion: nobody reminds it. DTER has not: its mailbox is reminded, its task stays open.
        as("avis-djva", () -> instruction.giveOpinion(app.getId(), Directorate.DJVA, Opinion.Verdict.RESERVED,
                "Public jeune peu présent", new BigDecimal("15000")));
        executeAsyncJobs();
        assertThat(timersOf(app, "Event_OpinionReminderDue")).hasSize(1);
        fireTimer(app.getReference(), "Event_OpinionReminderDue");

        List<Map<String, Object>> mails = jdbc.queryForList(
                "select recipients, subject, body from mail_message where subject like ?", "Rappel%" + app.getReference());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("recipients")).isEqualTo("avis-dter@agir.example.org");
        assertThat((String) mails.get(0).get("subject")).startsWith("Rappel : avis DTER attendu avant le "
                + LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(15)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)));
        assertThat((String) mails.get(0).get("body")).contains("/avis/" + app.getId() + "/DTER");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskDefinitionKey("Task_GiveOpinion").taskCandidateGroup("DTER").count()).isEqualTo(1);
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .containsOnlyOnce("OPINION_REMINDED");

        fireTimer(app.getReference(), "Event_OpinionDeadlinePassed");

        assertThat(lifecycle(app)).isWaitingAt("Task_WriteSynthesis");
        Opinion dter = opinionRows.findByApplicationIdAndDirectorate(app.getId(), Directorate.DTER).orElseThrow();
        assertThat(dter.statusLabel()).startsWith("Sans avis : délai dépassé le");
        String prefilled = as("instructeur", () -> synthesis.formData(app.getId())).get("summary").asText();
        assertThat(prefilled).contains("DJVA (Direction de la jeunesse et de la vie associative) : avis réservé. "
                + "« Public jeune peu présent » Montant suggéré : 15 000,00 €.").contains("DTER (").contains(": sans avis");
    }

    private List<org.camunda.bpm.engine.runtime.Job> timersOf(Application app, String activityId) {
        return management.createJobQuery().timers().activityId(activityId).list().stream()
                .filter(job -> app.getReference().equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
    }

    @Test
    void aMissingOpinionIsNotRemindedWhenItIsNoLongerAwaited() {
        Application app = submitted(Thematic.ENGAGEMENT_CITOYEN, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        declareComplete(app);
        as("avis-djva", () -> instruction.giveOpinion(app.getId(), Directorate.DJVA, Opinion.Verdict.FAVORABLE,
                "Favorable", null));
        assertThat(reminders.remind(app.getId(), "DJVA")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from mail_message where subject like ?", Integer.class,
                "Rappel%" + app.getReference())).isZero();
    }

    @Test
    void aDirectorateNamedByTwoRulesIsAskedOnce() {
        Application app = submitted(Thematic.ENGAGEMENT_CITOYEN, TargetPublic.JEUNES, 1, TWENTY_K);
        declareComplete(app);
        assertThat(opinionsOf(app)).extracting(Opinion::getDirectorate).containsExactly(Directorate.DJVA);
    }

    @Test
    void aRejectionAtTheVoteEndsTheApplication() {
        Application app = instructedAndJudged(1, Map.of(1, TWENTY_K));
        ProcessInstance pi = lifecycle(app);
        vote(app, Decision.Outcome.REJECTED, null, null);

        assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "Task_NotifyRefusal", "Event_Rejected")
                .hasNotPassed("Task_ChooseLegalInstrument", "Task_GenerateAgreement", "Task_IssueArrete");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(applications.amounts(app.getId(), AmountKind.GRANTED)).isEmpty();
        assertThat(agreementRows.findByApplicationId(app.getId())).isEmpty();

        // The refusal letter: sent once, its motivation verbatim, the appeal notice; a second run sends nothing.
        assertThat(letterMails(app)).containsExactly("notification-refus-" + app.getReference() + ".pdf");
        String letter = letterText(app);
        assertThat(letter).contains("Notification de refus de subvention", "Projet hors des priorités de l'appel",
                "tribunal administratif de Montreuil", "www.telerecours.fr");
        assertThat(decisionLetters.send(app.getId())).as("generating again for the same decision").isEmpty();
        assertThat(letterMails(app)).hasSize(1);
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .containsOnlyOnce("LETTER_SENT");
    }

    @Test
    void anAmendedAmountIsWhatTheAgreementAndInstallmentsUse() {
        Application app = instructedAndJudged(2, Map.of(1, TWENTY_K, 2, TWENTY_K));
        vote(app, Decision.Outcome.AMENDED, 2, Map.of(1, new BigDecimal("12500.00"), 2, new BigDecimal("10000.00")));

        Agreement agreement = signAndCountersign(app);
        assertThat(agreement.getDurationYears()).isEqualTo(2);
        assertThat(agreement.getTotalAmount()).isEqualByComparingTo("22500.00");
        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(i -> i.getAmount().toPlainString()).containsExactly("10000.00", "2500.00");
    }

    @Test
    void anAmendmentToOneYearUnderTheThresholdTurnsTheAgreementIntoAnArrete() {
        Application app = instructedAndJudged(2, Map.of(1, TWENTY_K, 2, TWENTY_K));
        vote(app, Decision.Outcome.AMENDED, 1, Map.of(1, new BigDecimal("12500.00")));

        assertThat(lifecycle(app)).hasPassed("Task_IssueArrete").hasNotPassed("Task_GenerateAgreement");
        Agreement arrete = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(arrete.getInstrument()).isEqualTo(LegalInstrument.ARRETE);
        assertThat(arrete.getDurationYears()).isEqualTo(1);
        assertThat(arrete.getTotalAmount()).isEqualByComparingTo("12500.00");
        assertThat(applications.amounts(app.getId(), AmountKind.GRANTED)).containsOnlyKeys(1);
        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(i -> i.getKind() + " " + i.getAmount().toPlainString()).containsExactly("SINGLE 12500.00");
    }

    @Test
    void aOneYearGrantOfTenThousandEurosGetsAnArretePaidInOneInstallmentThenReportedAndClosed() {
        BigDecimal tenK = new BigDecimal("10000.00");
        Application app = instructedAndJudged(1, Map.of(1, tenK));
        ProcessInstance pi = lifecycle(app);
        vote(app, Decision.Outcome.ADOPTED, null, null);

        // The table chose an arrêté: issued in force at once, nothing to sign nor countersign.
        assertThat(pi).hasPassed("Task_ChooseLegalInstrument", "Task_IssueArrete", "Task_NotifyArrete")
                .hasNotPassed("Task_GenerateAgreement", "Task_NotifyAgreement", "Task_SignAgreement",
                        "Task_CountersignAgreement");
        assertThat(runtime.getVariable(pi.getId(), "legalInstrument")).isEqualTo("ARRETE");
        Agreement arrete = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(arrete.getInstrument()).isEqualTo(LegalInstrument.ARRETE);
        assertThat(arrete.getNumber()).startsWith("ARR-");
        assertThat(arrete.getStatus()).isEqualTo(Agreement.Status.IN_FORCE);
        assertThat(arrete.getSignedBy()).isNull();
        // The attribution letter names the arrêté, which travels with it.
        assertThat(letterMails(app)).containsExactly("notification-attribution-" + app.getReference() + ".pdf",
                "arrete-" + arrete.getNumber() + ".pdf");
        assertThat(letterText(app)).contains("Notification d'attribution de subvention",
                "10 000,00 € (dix mille euros)", "L'arrêté attributif n° " + arrete.getNumber());
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_PROGRESS);
        assertThatThrownBy(() -> as("porteur", () -> agreements.sign(arrete.getId(), "123456", true)))
                .as("an arrêté is not signed by the structure").isInstanceOf(fr.agir.shared.DomainException.class);

        // Its PDF carries the conditions and is signed in the name of the President.
        String pdf = as("porteur", () -> pdfText(agreementApi.pdf(arrete.getId()).getBody()));
        assertThat(pdf).contains("Arrêté attributif de subvention n° " + arrete.getNumber(),
                "Vu la délibération de la Commission permanente n° " + String.format("CP-2026-11-%03d", app.getId() % 1000),
                "Année 1",
                "10 000,00 €", "versée en une fois", "15059", "tribunal administratif de Montreuil",
                "Le Président du Conseil départemental de la Seine-Saint-Denis").doesNotContain("avance de");

        // One installment of the whole amount, then the report, then closure: no balance to pay.
        List<Installment> installments = installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId());
        assertThat(installments).singleElement().satisfies(i -> {
            assertThat(i.getKind()).isEqualTo(Installment.Kind.SINGLE);
            assertThat(i.getAmount()).isEqualByComparingTo(tenK);
        });
        payInstallment(app, 1, Installment.Kind.SINGLE);
        submitReport(app, 1);
        reviewReport(app, 1, Report.Outcome.VALIDATED, null);

        assertThat(pi).isEnded().hasPassed("Activity_RunGrantYears", "Task_CloseApplication", "Event_Closed");
        // This grant's process tree only (its call activities carry its reference): a rerun on the same database keeps the last run's history.
        java.util.Set<String> tree = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(app.getReference()).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("Event_SingleInstallmentYearCompleted").finished().list())
                .filteredOn(a -> tree.contains(a.getProcessInstanceId())).hasSize(1)
                .allSatisfy(a -> assertThat(runtime.createProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                        .count()).isZero());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(
                app.getReference()).processDefinitionKey("installment-payment").count()).as("one payment only").isEqualTo(1);
        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(Installment::getStatus).containsExactly(Installment.Status.PAID);
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(agreementRows.findById(arrete.getId()).orElseThrow().getStatus()).isEqualTo(Agreement.Status.CLOSED);
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .contains("VOTE_RECORDED", "ARRETE_ISSUED", "ARRETE_IN_FORCE", "PAYMENT_ORDER_ISSUED",
                        "REPORT_REVIEWED", "ARRETE_CLOSED", "CLOSED")
                .doesNotContain("AGREEMENT_GENERATED", "AGREEMENT_SIGNED", "AGREEMENT_COUNTERSIGNED");
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).filteredOn(e -> "INSTALLMENT_SCHEDULED"
                .equals(e.getAction())).singleElement().satisfies(e -> assertThat(e.getReason().replace('\u00a0', ' ')
                .replace('\u202f', ' ')).isEqualTo("Année 1, versement unique : 10 000,00 €"));
        assertThat(fr.agir.audit.AuditAction.ARRETE_ISSUED.audienceAbout(AgreementService.ENTITY))
                .as("the structure reads \"Arrêté attributif établi\"").contains(fr.agir.audit.AuditReader.APPLICANT);
    }

    @Test
    void aOneYearGrantAboveTwentyThreeThousandEurosGetsAnAgreement() {
        Application app = instructedAndJudged(1, Map.of(1, THIRTY_K));
        vote(app, Decision.Outcome.ADOPTED, null, null);

        assertThat(lifecycle(app)).isWaitingAt("Task_SignAgreement")
                .hasPassed("Task_ChooseLegalInstrument", "Task_GenerateAgreement", "Task_NotifyAgreement")
                .hasNotPassed("Task_IssueArrete", "Task_NotifyArrete");
        assertThat(letterMails(app)).containsExactly("notification-attribution-" + app.getReference() + ".pdf");
        assertThat(letterText(app)).contains("30 000,00 € (trente mille euros)", "convention pluriannuelle d'objectifs",
                "/portail/candidatures/" + app.getId() + "/convention");
        // The DMN's inputs are transient (read by the table in the same transaction): only its answer is kept.
        assertThat(runtime.getVariables(lifecycle(app).getId())).as("the DMN's answer, not its inputs")
                .containsEntry("legalInstrument", "AGREEMENT")
                .doesNotContainKeys("largestYearlyGrant", "grantDurationYears", "agreementAbove", "agreementFromYears");
        Agreement agreement = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(agreement.getInstrument()).isEqualTo(LegalInstrument.AGREEMENT);
        assertThat(agreement.getNumber()).startsWith("CPO-");
        assertThat(agreement.getStatus()).isEqualTo(Agreement.Status.TO_SIGN);
        // The same deployed table answers for a grant not voted yet (a line of the sitting's report).
        assertThat(legalInstruments.choose(1, Map.of(1, THIRTY_K))).isEqualTo(LegalInstrument.AGREEMENT);
        assertThat(legalInstruments.choose(1, Map.of(1, new BigDecimal("23000.00")))).isEqualTo(LegalInstrument.ARRETE);
        assertThat(legalInstruments.choose(2, Map.of(1, TWENTY_K, 2, new BigDecimal("5000.00"))))
                .isEqualTo(LegalInstrument.AGREEMENT);
    }

    @Test
    void yearTwoIsOpenedOnlyAfterTheYearOneReportIsValidated() {
        Application app = instructedAndJudged(2, Map.of(1, TWENTY_K, 2, TWENTY_K));
        vote(app, Decision.Outcome.ADOPTED, null, null);
        signAndCountersign(app);
        payInstallment(app, 1, Installment.Kind.ADVANCE);
        submitReport(app, 1);

        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(Installment::getGrantYear).containsOnly(1);
        assertThat(reportRows.findByApplicationIdOrderByGrantYear(app.getId())).hasSize(1);
        assertThatThrownBy(() -> reportOf(app, 2)).isInstanceOf(AssertionError.class);

        reviewReport(app, 1, Report.Outcome.VALIDATED, null);
        payInstallment(app, 1, Installment.Kind.BALANCE);

        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(Installment::getGrantYear).containsExactly(1, 1, 2, 2);
        assertThat(reportOf(app, 2).getStatus()).isEqualTo(Report.Status.EXPECTED);
    }

    @Test
    void theOfficerWhoLiquidatedCannotValidateAndAReturnedPaymentGoesBackToLiquidation() {
        Application app = grantedAndSigned(1);
        Installment advance = installment(app, 1, Installment.Kind.ADVANCE);
        as("finances1", () -> payments.prepare(advance.getId(), "Conditions remplies"));
        executeAsyncJobs();

        assertThatThrownBy(() -> as("finances1", () -> payments.validate(advance.getId(), true, null)))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("Séparation des tâches");
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus())
                .isEqualTo(Installment.Status.PREPARED);

        as("finances2", () -> payments.validate(advance.getId(), false, "RIB illisible"));
        executeAsyncJobs();
        Installment returned = installmentRows.findById(advance.getId()).orElseThrow();
        assertThat(returned.getStatus()).isEqualTo(Installment.Status.SCHEDULED);
        assertThat(returned.getReturnReason()).isEqualTo("RIB illisible");

        as("finances2", () -> payments.prepare(advance.getId(), "RIB corrigé"));
        executeAsyncJobs();
        as("finances1", () -> payments.validate(advance.getId(), true, null));
        executeAsyncJobs();
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus())
                .as("validated: it waits for the export and the finance software's return").isEqualTo(Installment.Status.VALIDATED);
        exportAndReturn(advance.getId());
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus()).isEqualTo(Installment.Status.PAID);
    }

    /**
     * Issue 21: the step "Émettre le mandat" has no save point of its own; it runs in the one job that follows
     * the second agent's validation (the save point after that task, a gateway between), never in the
     * validation's own transaction, and that job alone brings the payment to "Paiement confirmé".
     */
    @Test
    void thePaymentOrderStepRunsInTheOneJobAfterTheValidationNotInTheValidation() {
        Application app = grantedAndSigned(1);
        Installment advance = installment(app, 1, Installment.Kind.ADVANCE);
        as("finances1", () -> payments.prepare(advance.getId(), "Conditions remplies"));
        executeAsyncJobs();
        as("finances2", () -> payments.validate(advance.getId(), true, null));
        ProcessInstance payment = runtime.createProcessInstanceQuery().processDefinitionKey("installment-payment")
                .processInstanceBusinessKey(app.getReference()).singleResult();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(payment.getId())
                .activityId("Task_IssuePaymentOrder").count()).as("not run by the validation").isZero();
        List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().processInstanceId(payment.getId())
                .messages().list();
        assertThat(jobs).hasSize(1);
        assertThat(management.createJobQuery().processInstanceId(payment.getId()).activityId(ProcessKeys.TASK_VALIDATE_PAYMENT)
                .messages().count()).as("the save point after the validation").isEqualTo(1);
        management.executeJob(jobs.get(0).getId());
        assertThat(management.createJobQuery().processInstanceId(payment.getId()).messages().count())
                .as("no second job for the payment order").isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(payment.getId())
                .activityId("Task_IssuePaymentOrder").finished().count()).isEqualTo(1);
        assertThat(payment).isWaitingAt("Event_PaymentConfirmed");
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus()).isEqualTo(Installment.Status.VALIDATED);
    }

    @Test
    void theYearGoesOnOnlyAfterTheFinanceSoftwaresReturnPaysTheAdvance() {
        Application app = grantedAndSigned(1);
        Installment advance = installment(app, 1, Installment.Kind.ADVANCE);
        as("finances1", () -> payments.prepare(advance.getId(), "Conditions remplies"));
        executeAsyncJobs();
        as("finances2", () -> payments.validate(advance.getId(), true, null));
        executeAsyncJobs();
        assertThat(waitingAt(app, "Event_PaymentConfirmed")).as("waits for the return").isTrue();
        assertThat(waitingAt(app, "Task_SubmitReport")).isFalse();

        List<Bordereau> exported = as("finances1", () -> paymentOrders.exportToday());
        executeAsyncJobs();
        assertThat(exported).isNotEmpty();
        PaymentOrder order = as("finances1", () -> paymentOrders.orderOfInstallment(advance.getId())).orElseThrow();
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus()).isEqualTo(Installment.Status.VALIDATED);
        assertThat(waitingAt(app, "Event_PaymentConfirmed")).as("exported is not paid").isTrue();
        assertThat(as("finances1", () -> paymentOrders.exportToday()).stream()
                .flatMap(b -> as("finances1", () -> paymentOrders.ordersOf(b.getId())).stream())
                .map(PaymentOrder::getInstallmentId)).as("a new export never repeats an order").doesNotContain(advance.getId());

        String file = "piece;mandat;date;montant\n" + order.getPieceNumber() + ";M-42;" + java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";"
                + order.getAmount().toPlainString().replace('.', ',') + "\n";
        PaymentOrderService.ReturnReport first = as("finances1", () -> paymentOrders.importReturn("retour.csv",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8), PaymentOrderService.ReturnMode.APPLY_VALID));
        executeAsyncJobs();
        assertThat(first.applied()).isEqualTo(1);
        assertThat(waitingAt(app, "Task_SubmitReport")).as("paid: the year goes on to the report").isTrue();
        Installment paid = installmentRows.findById(advance.getId()).orElseThrow();
        assertThat(paid.getStatus()).isEqualTo(Installment.Status.PAID);
        assertThat(paid.getPaymentOrderNumber()).isEqualTo("M-42");

        PaymentOrderService.ReturnReport again = as("finances1", () -> paymentOrders.importReturn("retour.csv",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8), PaymentOrderService.ReturnMode.APPLY_VALID));
        assertThat(again.applied()).isZero();
        assertThat(again.alreadyApplied()).isEqualTo(1);
        assertThat(again.errors()).isEmpty();
    }

    @Test
    void aReturnImportedBeforeTheProcessWaitsForItStillLetsTheYearGoOn() {
        Application app = grantedAndSigned(1);
        Installment advance = installment(app, 1, Installment.Kind.ADVANCE);
        as("finances1", () -> payments.prepare(advance.getId(), "Conditions remplies"));
        executeAsyncJobs();
        as("finances2", () -> payments.validate(advance.getId(), true, null));
        // No job run yet: the process has not reached "Paiement confirmé" when the return arrives.
        exportAndReturn(advance.getId());
        assertThat(waitingAt(app, "Task_SubmitReport")).isTrue();
        assertThat(installmentRows.findById(advance.getId()).orElseThrow().getStatus()).isEqualTo(Installment.Status.PAID);
    }

    private boolean waitingAt(Application app, String activityId) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(app.getReference()).activityId(activityId)
                .count() > 0;
    }

    @Test
    void anIncompleteReportGoesBackToTheStructureAndARecoveryCancelsTheBalance() {
        Application app = grantedAndSigned(1);
        ProcessInstance pi = lifecycle(app);
        payInstallment(app, 1, Installment.Kind.ADVANCE);
        submitReport(app, 1);
        reviewReport(app, 1, Report.Outcome.INCOMPLETE, null);
        assertThat(reportOf(app, 1).getStatus()).isEqualTo(Report.Status.RETURNED);

        submitReport(app, 1);
        reviewReport(app, 1, Report.Outcome.RECOVERY, new BigDecimal("4000.00"));

        assertThat(pi).isEnded();
        Report report = reportOf(app, 1);
        assertThat(report.getStatus()).isEqualTo(Report.Status.RECOVERY);
        assertThat(report.getRecoveryOrderNumber()).startsWith("TR-");
        assertThat(report.getRecoveryAmount()).isEqualByComparingTo("4000.00");
        // The recovery order itself (payment.recovery): to export, for the amount, with its letter.
        assertThat(jdbc.queryForMap("select origin, status, amount, letter_pdf is not null as letter from recovery_order "
                + "where order_number = ?", report.getRecoveryOrderNumber()))
                .containsEntry("origin", "REPORT_REVIEW").containsEntry("status", "TO_EXPORT")
                .containsEntry("amount", new BigDecimal("4000.00"));
        assertThat(installment(app, 1, Installment.Kind.BALANCE).getStatus()).isEqualTo(Installment.Status.CANCELLED);
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
    }

    @Test
    void aLateReportIsFlaggedOverdueAndStillExpected() {
        Application app = grantedAndSigned(1);
        payInstallment(app, 1, Installment.Kind.ADVANCE);

        assertThat(overdueMails(app)).isEmpty();
        fireTimer(app.getReference(), "Event_ReportOverdue");

        Report report = reportOf(app, 1);
        assertThat(report.isOverdue()).isTrue();
        // The legal representative is told once: which year, the due date, where to submit it.
        List<Map<String, Object>> mails = overdueMails(app);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("recipients")).isEqualTo(structures.get(app.getStructureId()).getLegalRepEmail());
        assertThat((String) mails.get(0).get("body")).contains("année 1",
                report.getDueDate().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)),
                "/portail/candidatures/" + app.getId() + "/compte-rendu");
        assertThat(report.getStatus()).isEqualTo(Report.Status.EXPECTED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskDefinitionKey("Task_SubmitReport").count()).isEqualTo(1);
    }

    private List<Map<String, Object>> overdueMails(Application app) {
        return jdbc.queryForList("select recipients, body from mail_message where subject = ?",
                "Compte rendu financier en retard — " + app.getReference());
    }

    @Test
    void completingAStepTwiceIsRefused() {
        Application app = submitted(Thematic.NOUVELLES_SOLIDARITES, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        declareComplete(app);
        assertThatThrownBy(() -> as("instructeur", () -> instruction.decideCompleteness(app.getId(),
                InstructionService.Completeness.COMPLETE, null, null)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void aStepCannotBeCompletedBehindAgirsBack() {
        Application app = submitted(Thematic.NOUVELLES_SOLIDARITES, TargetPublic.TOUS_PUBLICS, 1, TWENTY_K);
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskDefinitionKey("Task_CheckCompleteness").singleResult();

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("completeness", "COMPLETE")))
                .hasMessageContaining("Cette étape se fait dans Agir");
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
                Map.of("completeness", "COMPLETE", "completedThroughAgir", true)))
                .as("a stored marker does not count").hasMessageContaining("Cette étape se fait dans Agir");
        assertThat(lifecycle(app)).isWaitingAt("Task_CheckCompleteness");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aJurySessionRemindsItsMembersRefusesToCloseOverTheEnvelopeAndHandsEachResultToItsApplication() {
        // Two applications of 20 000 € in a campaign whose operating envelope holds 25 000 €.
        Campaign campaign = openCampaign(new BigDecimal("25000.00"), new BigDecimal("5000.00"));
        List<Application> apps = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Structure structure = registerStructure("porteur", LegalForm.ASSOCIATION);
            Application draft = draft(campaign, structure, "porteur", Thematic.NOUVELLES_SOLIDARITES,
                    TargetPublic.PERSONNES_AGEES, 1, TWENTY_K);
            Application app = as("porteur", () -> applications.submit(draft.getId()));
            declareComplete(app);
            giveAllOpinions(app);
            writeSynthesis(app, Map.of(1, TWENTY_K));
            assertThat(lifecycle(app)).isWaitingAt(ProcessKeys.EVENT_JURY_RESULT);
            apps.add(app);
        }
        fr.agir.jury.ScoringGrid grid = as("instructeur", () -> scoringGrids.save(campaign.getId(), List.of(
                new fr.agir.jury.ScoringGridService.CriterionInput("Utilité sociale", null, 0, 5, null, BigDecimal.ONE,
                        true, null))));
        Long criterion = grid.getCriteria().get(0).getId();
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        // A name of its own: the reminders are found by it, and a rerun on the same database keeps the last run's mails.
        String sessionName = "Jury de test " + java.util.UUID.randomUUID().toString().substring(0, 8);
        fr.agir.jury.JurySession session = as("instructeur", () -> jurySessions.create(
                new fr.agir.jury.JurySessionSetupService.NewSession(campaign.getId(), sessionName, today,
                        today.plusDays(7), today.plusDays(9), 2, false, List.of(
                        new fr.agir.jury.JurySessionSetupService.MemberInput("jury", "Julie Jury", "jury@jury.example.org", null),
                        new fr.agir.jury.JurySessionSetupService.MemberInput("jure2", "Jean Juré", "jure2@jury.example.org", null)))));
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.JURY_SESSION)
                .processInstanceBusinessKey(session.businessKey()).singleResult();
        assertThat(process).isWaitingAt(ProcessKeys.TASK_PREPARE_JURY_SESSION);
        as("instructeur", () -> jurySessions.addApplications(session.getId(), null));
        as("instructeur", () -> juryAssignments.assignAutomatically(session.getId()));
        as("instructeur", () -> juryDeliberations.openScoring(session.getId()));
        assertOpenTasksProjectionMatchesEngine();
        executeAsyncJobs();
        assertThat(process).isWaitingAt(ProcessKeys.TASK_SCORE_APPLICATIONS);
        assertThat(as("instructeur", () -> scoringGrids.current(campaign.getId())).orElseThrow().isFrozen())
                .as("the grid froze when scoring opened").isTrue();

        // Before scoring closes, the members who still owe scores get one e-mail each.
        as("jury", () -> scoring.score(session.getId(), apps.get(0).getId(), Map.of(criterion, 4), null, true));
        as("jury", () -> scoring.score(session.getId(), apps.get(1).getId(), Map.of(criterion, 2), null, true));
        fireTimer(session.businessKey(), "Event_ScoringReminderDue");
        assertThat(jdbc.queryForList("select recipients from mail_message where subject like 'Rappel : % attendue%'"
                + " and subject like ?", String.class, "%" + sessionName)).containsExactly("jure2@jury.example.org");
        assertThat(process).isWaitingAt(ProcessKeys.TASK_SCORE_APPLICATIONS);
        as("jure2", () -> scoring.score(session.getId(), apps.get(0).getId(), Map.of(criterion, 5), null, true));
        as("jure2", () -> scoring.score(session.getId(), apps.get(1).getId(), Map.of(criterion, 1), null, true));

        as("instructeur", () -> juryDeliberations.openDeliberation(session.getId()));
        assertOpenTasksProjectionMatchesEngine();
        executeAsyncJobs();
        assertThat(process).isWaitingAt(ProcessKeys.TASK_DELIBERATE);
        for (Application app : apps) {
            as("instructeur", () -> juryDeliberations.propose(session.getId(), app.getId(),
                    new fr.agir.jury.JuryDeliberationService.ProposalInput(JuryResult.Verdict.FAVORABLE, 1,
                            Map.of(1, TWENTY_K), null, "Projet utile")));
        }
        assertThatThrownBy(() -> as("instructeur", () -> juryDeliberations.close(session.getId())))
                .hasMessageContaining("dépassent l'enveloppe");
        assertThat(process).isWaitingAt(ProcessKeys.TASK_DELIBERATE);

        as("instructeur", () -> juryDeliberations.propose(session.getId(), apps.get(1).getId(),
                new fr.agir.jury.JuryDeliberationService.ProposalInput(JuryResult.Verdict.UNFAVORABLE, null, null, null,
                        "Utilité sociale insuffisante")));
        as("instructeur", () -> juryDeliberations.close(session.getId()));
        executeAsyncJobs();
        assertThat(process).isEnded();
        assertThat(lifecycle(apps.get(0))).isWaitingAt(ProcessKeys.EVENT_VOTE);
        assertThat(runtime.getVariable(lifecycle(apps.get(0)).getId(), "juryVerdict")).isEqualTo("FAVORABLE");
        assertThat(runtime.getVariable(lifecycle(apps.get(1)).getId(), "juryVerdict")).isEqualTo("UNFAVORABLE");
        assertThat(applications.get(apps.get(0).getId()).getStatus()).isEqualTo(ApplicationStatus.AWAITING_VOTE);
        assertThat(applications.amounts(apps.get(0).getId(), fr.agir.application.AmountKind.JURY))
                .containsEntry(1, TWENTY_K);
        assertThat(jury.of(apps.get(1).getId())).get().extracting(JuryResult::getComment)
                .isEqualTo("Utilité sociale insuffisante");
        assertThatThrownBy(() -> recordJury(apps.get(0), 1, Map.of(1, TWENTY_K)))
                .as("a session's application never gets a second result by hand")
                .hasMessageContaining("séance de jury");
    }

    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagers;

    /**
     * Issue 21: the deliberation's ranking, as a member reads it, runs as many SQL statements for a session
     * of three scored applications as for one (no lookup per application or per score): counted by
     * Hibernate's statistics, which see every statement of Agir's JPA repositories.
     */
    @Test
    void aMembersRankingRunsAsManyStatementsForThreeScoredApplicationsAsForOne() {
        Campaign campaign = openCampaign();
        fr.agir.jury.ScoringGrid grid = as("instructeur", () -> scoringGrids.save(campaign.getId(), List.of(
                new fr.agir.jury.ScoringGridService.CriterionInput("Utilité sociale", null, 0, 5, null, BigDecimal.ONE,
                        true, BigDecimal.ONE),
                new fr.agir.jury.ScoringGridService.CriterionInput("Faisabilité", null, 0, 5, null, BigDecimal.ONE,
                        true, null))));
        long one = rankingStatements(campaign, grid, 1);
        long three = rankingStatements(campaign, grid, 3);
        assertThat(three).as("statements for 3 applications (6 scores) against 1 (2 scores): %d", one).isEqualTo(one);
    }

    /** A session of {@code applications} applications scored by its two members, deliberation open: the ranking's statements. */
    private long rankingStatements(Campaign campaign, fr.agir.jury.ScoringGrid grid, int applications) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < applications; i++) {
            Structure structure = registerStructure("porteur", LegalForm.ASSOCIATION);
            Application draft = draft(campaign, structure, "porteur", Thematic.values()[i % 3], TargetPublic.JEUNES, 1,
                    TWENTY_K);
            Application app = as("porteur", () -> this.applications.submit(draft.getId()));
            declareComplete(app);
            giveAllOpinions(app);
            writeSynthesis(app, Map.of(1, TWENTY_K));
            ids.add(app.getId());
        }
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        fr.agir.jury.JurySession session = as("instructeur", () -> jurySessions.create(
                new fr.agir.jury.JurySessionSetupService.NewSession(campaign.getId(), "Jury " + applications, today,
                        today.plusDays(7), today.plusDays(9), 2, false, List.of(
                        new fr.agir.jury.JurySessionSetupService.MemberInput("jury", "Julie Jury", "jury@jury.example.org", null),
                        new fr.agir.jury.JurySessionSetupService.MemberInput("jure2", "Jean Juré", "jure2@jury.example.org", null)))));
        as("instructeur", () -> jurySessions.addApplications(session.getId(), ids));
        as("instructeur", () -> juryAssignments.assignAutomatically(session.getId()));
        as("instructeur", () -> juryDeliberations.openScoring(session.getId()));
        executeAsyncJobs();
        Map<Long, Integer> values = new java.util.HashMap<>();
        grid.getCriteria().forEach(c -> values.put(c.getId(), 3));
        for (Long id : ids) {
            for (String member : List.of("jury", "jure2")) {
                as(member, () -> scoring.score(session.getId(), id, values, null, true));
            }
        }
        as("instructeur", () -> juryDeliberations.openDeliberation(session.getId()));
        executeAsyncJobs();
        org.hibernate.stat.Statistics statistics = entityManagers.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            // The statistics are the whole factory's: another thread's statements (the mail outbox's sender)
            // can only add to a count, so the least of three is the ranking's own.
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                statistics.clear();
                var ranking = as("jury", () -> scoring.ranking(session.getId(), fr.agir.jury.JurySessionService.RankingOrder.MEAN));
                long count = statistics.getPrepareStatementCount();
                assertThat(ranking.rows()).hasSize(applications)
                        .allSatisfy(row -> assertThat(row.aggregate().count()).isEqualTo(2));
                least = Math.min(least, count);
            }
            return least;
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    /**
     * Issue 21: Spring Data JPA 3.5 runs a derived query ({@code findByApplicationId…}) as a criteria query, which
     * Hibernate 6.6 translates to SQL again at every call (its plan cache keys criteria by identity); a JPQL string
     * is translated once and found in the cache after. A whole two-year grant runs none.
     */
    @Test
    void aTwoYearGrantRunsNoCriteriaQuery() {
        org.hibernate.stat.Statistics statistics = entityManagers.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            Application draft = draft(openCampaign(), registerStructure("porteur", LegalForm.ASSOCIATION), "porteur",
                    Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 2, TWENTY_K);
            new fr.agir.bench.LifecycleDriver(context).drive(draft.getId());
            assertThat(applications.get(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
            // Hibernate's statistics name a JPQL query by its text, a criteria query by "[CRITERIA] " and its SQL.
            assertThat(statistics.getQueries()).as("the queries the grant ran").isNotEmpty()
                    .filteredOn(query -> query.startsWith("[CRITERIA]")).isEmpty();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void theStructureWithdrawsItsApplicationWhileOpinionsAreAwaitedAndTheLifecycleEnds() {
        Application app = submitted(Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 1, TWENTY_K);
        declareComplete(app);
        ProcessInstance pi = lifecycle(app);
        assertThat(pi).isWaitingAt("Activity_CollectOpinions");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("directorate-opinion")
                .processInstanceBusinessKey(app.getReference()).count()).isPositive();

        as("porteur", () -> applications.withdraw(app.getId(), "Le local du projet n'est plus disponible."));

        assertThat(pi).isEnded().hasPassed("Event_WithdrawalRequested", "Event_Withdrawn")
                .hasNotPassed("Task_WriteSynthesis");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(app.getReference()).count())
                .as("the opinions' processes end with it").isZero();
        Application after = applications.get(app.getId());
        assertThat(after.getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(after.getStatusReason()).isEqualTo("Le local du projet n'est plus disponible.");
        AuditEvent withdrawn = auditRows.findByApplicationIdOrderByIdAsc(app.getId()).stream()
                .filter(e -> e.getAction().equals("WITHDRAWN")).findFirst().orElseThrow();
        assertThat(withdrawn.getFromState()).isEqualTo("UNDER_REVIEW");
        assertThat(withdrawn.getReason()).isEqualTo("Le local du projet n'est plus disponible.");
        assertThat(withdrawn.getActor()).isEqualTo("porteur");
        assertThat(as("porteur", () -> applications.withdrawnFrom(app.getId()))).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThatThrownBy(() -> as("porteur", () -> applications.withdraw(app.getId(), "Encore")))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("ne peut plus être retirée");
    }

    @Test
    void anApplicationCanBeWithdrawnWhileTheVoteIsAwaitedButNotOnceVoted() {
        Application waiting = instructedAndJudged(1, Map.of(1, TWENTY_K));
        assertThat(lifecycle(waiting)).isWaitingAt("Event_VoteReceived");
        ProcessInstance pi = lifecycle(waiting);
        as("porteur", () -> applications.withdraw(waiting.getId(), "Projet financé par ailleurs."));
        assertThat(pi).isEnded().hasPassed("Event_Withdrawn");
        assertThat(applications.get(waiting.getId()).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThatThrownBy(() -> as("instructeur", () -> votes.record(waiting.getId(), Decision.Outcome.ADOPTED,
                "CP-2026-11-001", LocalDate.now(fr.agir.shared.TimeConfig.PARIS), null, null, null)))
                .isInstanceOf(StateConflictException.class);

        Application voted = instructedAndJudged(1, Map.of(1, THIRTY_K));
        vote(voted, Decision.Outcome.ADOPTED, null, null);
        assertThatThrownBy(() -> as("porteur", () -> applications.withdraw(voted.getId(), "Trop tard")))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("Commission permanente");
        assertThat(lifecycle(voted)).isWaitingAt("Task_SignAgreement");
        assertThatThrownBy(() -> as("porteuse", () -> applications.withdraw(voted.getId(), "Intrus")))
                .isInstanceOf(fr.agir.shared.NotFoundException.class);
    }

    // ---- a later délibération: withdrawal or amendment (issue 15)

    @Autowired
    fr.agir.vote.DecisionRevisionService revisions;

    private Decision revise(Application app, fr.agir.vote.DecisionRevisionService.Kind kind, String number,
                            Integer years, Map<Integer, BigDecimal> amounts) {
        Decision decision = as("instructeur", () -> revisions.revise(app.getId(),
                new fr.agir.vote.DecisionRevisionService.Revision(kind, number,
                        LocalDate.now(fr.agir.shared.TimeConfig.PARIS), years, amounts,
                        kind == fr.agir.vote.DecisionRevisionService.Kind.WITHDRAW
                                ? "Le projet ne sera pas réalisé" : null)));
        executeAsyncJobs();
        return decision;
    }

    @Test
    void aGrantWithdrawnByADeliberationWhileAwaitingSignatureEndsTheLifecycle() {
        Application app = instructedAndJudged(2, Map.of(1, TWENTY_K, 2, TWENTY_K));
        ProcessInstance pi = lifecycle(app);
        vote(app, Decision.Outcome.ADOPTED, null, null);
        assertThat(pi).isWaitingAt("Task_SignAgreement");
        Decision first = votes.of(app.getId());

        Decision withdrawal = revise(app, fr.agir.vote.DecisionRevisionService.Kind.WITHDRAW, "CP-2026-12-901", null, null);

        assertThat(pi).isEnded().hasPassed("Event_GrantWithdrawalVoted", "Task_CloseWithdrawnGrant",
                "Task_NotifyWithdrawal", "Event_GrantWithdrawn").hasNotPassed("Task_CountersignAgreement");
        // The attribution letter, then the withdrawal's: its motivation, both délibérations, the appeal notice.
        assertThat(letterMails(app)).containsExactly("notification-attribution-" + app.getReference() + ".pdf",
                "notification-retrait-" + app.getReference() + ".pdf");
        assertThat(letterText(app)).contains("Notification de retrait de subvention", "CP-2026-12-901",
                first.getDeliberationNumber(), "Le projet ne sera pas réalisé", "Voies et délais de recours");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference()).count())
                .as("no open task").isZero();
        Application withdrawn = applications.get(app.getId());
        assertThat(withdrawn.getStatus()).isEqualTo(ApplicationStatus.GRANT_WITHDRAWN);
        assertThat(withdrawn.getStatusReason()).contains("CP-2026-12-901", "Le projet ne sera pas réalisé",
                "Rien n'a été versé");
        assertThat(agreementRows.findByApplicationId(app.getId()).orElseThrow().getStatus())
                .isEqualTo(Agreement.Status.CLOSED);
        assertThat(votes.of(app.getId()).getId()).isEqualTo(withdrawal.getId());
        assertThat(withdrawal.getRevisesId()).isEqualTo(first.getId());
        assertThat(as("instructeur", () -> revisions.history(app.getId()))).extracting(Decision::getOutcome,
                Decision::isCurrent).containsExactly(org.assertj.core.groups.Tuple.tuple(Decision.Outcome.ADOPTED, false),
                org.assertj.core.groups.Tuple.tuple(Decision.Outcome.WITHDRAWN, true));
        assertThat(applications.amounts(app.getId(), AmountKind.GRANTED)).isEmpty();
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .contains("DECISION_REVISED", "GRANT_WITHDRAWN");
        assertThatThrownBy(() -> revise(app, fr.agir.vote.DecisionRevisionService.Kind.WITHDRAW, "CP-2026-12-902",
                null, null)).isInstanceOf(StateConflictException.class).hasMessageContaining("déjà été retirée");
    }

    @Test
    void anAmendmentWhileAwaitingSignatureRegeneratesTheAgreementAndTheStructureSignsTheNewVersion() {
        Application app = instructedAndJudged(2, Map.of(1, TWENTY_K, 2, TWENTY_K));
        ProcessInstance pi = lifecycle(app);
        vote(app, Decision.Outcome.ADOPTED, null, null);
        Agreement before = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(before.getTotalAmount()).isEqualByComparingTo("40000.00");

        revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-911", 1,
                Map.of(1, new BigDecimal("15000.00")));

        assertThat(pi).isWaitingAt("Task_SignAgreement").hasPassed("Event_DecisionAmendmentVoted",
                "Task_ApplyAmendmentToAct", "Task_NotifyAmendment", "Event_ActAmended");
        assertThat(letterMails(app)).containsExactly("notification-attribution-" + app.getReference() + ".pdf",
                "notification-modification-" + app.getReference() + ".pdf");
        assertThat(letterText(app)).contains("Notification de modification de subvention", "CP-2026-12-911",
                "15 000,00 € (quinze mille euros)", "a été mise à jour", before.getNumber());
        Agreement after = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(after.getNumber()).isEqualTo(before.getNumber());
        assertThat(after.getTotalAmount()).isEqualByComparingTo("15000.00");
        assertThat(after.getDurationYears()).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "years")).isEqualTo(List.of(1));
        assertThat(applications.amounts(app.getId(), AmountKind.GRANTED)).containsOnlyKeys(1);

        signAndCountersign(app);
        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(i -> i.getKind() + " " + i.getAmount().toPlainString())
                .containsExactly("ADVANCE 12000.00", "BALANCE 3000.00");

        // Once signed, a délibération raising the grant is recorded and notified, but the signed agreement and
        // its installments stay: the rise reaches them by an avenant (issue 16).
        Agreement signed = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-912", 1,
                Map.of(1, new BigDecimal("18000.00")));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("Task_ApplyAmendmentToAct").count()).isEqualTo(2);
        assertThat(letterMails(app)).hasSize(3).last().isEqualTo("notification-modification-" + app.getReference() + ".pdf");
        assertThat(letterText(app)).contains("CP-2026-12-912", "18 000,00 €", "déjà signée, n'est pas modifiée");
        Agreement unchanged = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(unchanged.getStatus()).isEqualTo(Agreement.Status.IN_FORCE);
        assertThat(unchanged.getTotalAmount()).isEqualByComparingTo("15000.00");
        assertThat(unchanged.getGeneratedAt()).isEqualTo(signed.getGeneratedAt());
        assertThat(unchanged.getEstablishedAmounts()).containsExactly(java.util.Map.entry(1, new BigDecimal("15000.00")));
        assertThat(installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()))
                .extracting(i -> i.getKind() + " " + i.getAmount().toPlainString())
                .containsExactly("ADVANCE 12000.00", "BALANCE 3000.00");
        assertThat(applications.amounts(app.getId(), AmountKind.GRANTED).get(1)).isEqualByComparingTo("18000.00");
    }

    @Test
    void anArreteIsAmendedBeforeItsInstallmentIsLiquidatedAndAWithdrawalAfterPaymentNamesWhatToRecover() {
        Application app = instructedAndJudged(1, Map.of(1, new BigDecimal("10000.00")));
        ProcessInstance pi = lifecycle(app);
        vote(app, Decision.Outcome.ADOPTED, null, null);
        String firstNumber = agreementRows.findByApplicationId(app.getId()).orElseThrow().getNumber();

        revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-921", null,
                Map.of(1, new BigDecimal("8000.00")));
        Agreement arrete = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        assertThat(arrete.getNumber()).startsWith("ARR-").isNotEqualTo(firstNumber);
        // The amendment's letter carries the new arrêté, which replaces the first.
        assertThat(letterMails(app)).containsExactly("notification-attribution-" + app.getReference() + ".pdf",
                "arrete-" + firstNumber + ".pdf", "notification-modification-" + app.getReference() + ".pdf",
                "arrete-" + arrete.getNumber() + ".pdf");
        assertThat(letterText(app)).contains("8 000,00 € (huit mille euros)", "L'arrêté attributif n° "
                + arrete.getNumber() + ", joint à ce courrier, remplace le précédent");
        assertThat(arrete.getTotalAmount()).isEqualByComparingTo("8000.00");
        assertThat(installment(app, 1, Installment.Kind.SINGLE).getAmount()).isEqualByComparingTo("8000.00");

        payInstallment(app, 1, Installment.Kind.SINGLE);
        assertThatThrownBy(() -> revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-922", null,
                Map.of(1, new BigDecimal("7000.00")))).isInstanceOf(StateConflictException.class);
        revise(app, fr.agir.vote.DecisionRevisionService.Kind.WITHDRAW, "CP-2026-12-923", null, null);

        assertThat(pi).isEnded().hasPassed("Event_GrantWithdrawn");
        assertThat(applications.get(app.getId()).getStatusReason()).contains("à recouvrer", "8 000,00", "MDT-");
    }

    @Test
    void aRejectedDecisionIsNotReopened() {
        Application app = instructedAndJudged(1, Map.of(1, TWENTY_K));
        vote(app, Decision.Outcome.REJECTED, null, null);
        assertThatThrownBy(() -> revise(app, fr.agir.vote.DecisionRevisionService.Kind.AMEND, "CP-2026-12-931", 1,
                Map.of(1, TWENTY_K))).isInstanceOf(StateConflictException.class).hasMessageContaining("rejetée");
    }

    @Test
    void anUnsignedAgreementIsRemindedEveryPeriodAndNoLongerOnceSigned() {
        Application app = instructedAndJudged(1, Map.of(1, THIRTY_K));
        vote(app, Decision.Outcome.ADOPTED, null, null);
        ProcessInstance pi = lifecycle(app);
        assertThat(pi).isWaitingAt("Task_SignAgreement");
        Agreement agreement = agreementRows.findByApplicationId(app.getId()).orElseThrow();

        // Before the delay (agir.deadlines.agreement-signature-reminder, 15 days): a timer, no e-mail.
        List<org.camunda.bpm.engine.runtime.Job> timers = timersOf(app, "Event_SignatureReminderDue");
        assertThat(timers).hasSize(1);
        assertThat(timers.get(0).getDuedate().toInstant().atZone(fr.agir.shared.TimeConfig.PARIS).toLocalDate())
                .isEqualTo(LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(15));
        assertThat(signatureReminderMails(app)).isEmpty();

        // The first firing: exactly one e-mail to the legal representative, with the number, the amount, the link.
        fireSignatureReminder(app);
        List<Map<String, Object>> mails = signatureReminderMails(app);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("recipients")).isEqualTo(structures.get(app.getStructureId()).getLegalRepEmail());
        assertThat((String) mails.get(0).get("body")).contains(agreement.getNumber(), "30 000,00",
                "/portail/candidatures/" + app.getId() + "/convention", "aucun versement", "relance n° 1 sur 3");
        assertThat(pi).isWaitingAt("Task_SignAgreement");
        assertThat(timersOf(app, "Event_SignatureReminderDue")).as("the cycle goes on").hasSize(1);

        // The second firing: the next one.
        fireSignatureReminder(app);
        assertThat(signatureReminderMails(app)).hasSize(2);
        assertThat(jdbc.queryForObject("select reminders_sent from agreement_signature_reminder where agreement_id = ?",
                Integer.class, agreement.getId())).isEqualTo(2);
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .filteredOn("AGREEMENT_SIGNATURE_REMINDED"::equals).hasSize(2);

        // Signed: the timer is gone with the task, nobody is reminded any more.
        SignatureCodes.sign(context, "porteur", agreement.getId());
        executeAsyncJobs();
        assertThat(pi).isWaitingAt("Task_CountersignAgreement");
        assertThat(timersOf(app, "Event_SignatureReminderDue")).isEmpty();
        assertThat(signatureReminderMails(app)).hasSize(2);
        // A firing that raced the signature changes nothing.
        assertThat(signatureReminders.remind(agreement.getId())).isEqualTo(fr.agir.agreement.SignatureReminders.Outcome.NOTHING);
        assertThat(signatureReminderMails(app)).hasSize(2);
    }

    @Test
    void afterTheLastReminderTheUnsignedAgreementIsOverdueForTheInstructors() {
        Application app = instructedAndJudged(1, Map.of(1, THIRTY_K));
        vote(app, Decision.Outcome.ADOPTED, null, null);
        Agreement agreement = agreementRows.findByApplicationId(app.getId()).orElseThrow();

        for (int i = 0; i < 3; i++) {
            fireSignatureReminder(app);
        }
        assertThat(signatureReminderMails(app)).hasSize(3);
        assertThat((String) signatureReminderMails(app).get(2).get("body")).contains("dernière relance");
        assertThat(jdbc.queryForObject("select count(*) from agreement_signature_reminder where agreement_id = ? "
                + "and overdue_since is not null", Integer.class, agreement.getId())).isZero();

        // One period after the third (agir.deadlines.agreement-signature-reminders), no e-mail: overdue, and the cycle ends.
        fireSignatureReminder(app);
        assertThat(signatureReminderMails(app)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from agreement_signature_reminder where agreement_id = ? "
                + "and overdue_since is not null", Integer.class, agreement.getId())).isEqualTo(1);
        assertThat(timersOf(app, "Event_SignatureReminderDue")).isEmpty();
        assertThat(lifecycle(app)).isWaitingAt("Task_SignAgreement");
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .containsOnlyOnce("AGREEMENT_SIGNATURE_OVERDUE");
    }

    /**
     * Fires the signature reminder timer as the job executor would when it is due: the engine's clock is
     * moved to its due date, so that the cycle (R4/…/P15D) counts its repetitions as it does in production.
     */
    private void fireSignatureReminder(Application app) {
        List<org.camunda.bpm.engine.runtime.Job> due = timersOf(app, "Event_SignatureReminderDue");
        assertThat(due).as("the signature reminder timer").hasSize(1);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(due.get(0).getDuedate().getTime() + 1000));
        try {
            fireTimer(app.getReference(), "Event_SignatureReminderDue");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private List<Map<String, Object>> signatureReminderMails(Application app) {
        return jdbc.queryForList("select recipients, body from mail_message where subject like ? order by id",
                "Rappel : convention % à signer — " + app.getReference());
    }

    // ---- steps, as each user takes them

    private void declareComplete(Application app) {
        as("instructeur", () -> instruction.decideCompleteness(app.getId(), InstructionService.Completeness.COMPLETE,
                null, null));
        executeAsyncJobs();
    }

    private List<Opinion> opinionsOf(Application app) {
        return opinionRows.findByApplicationIdOrderByDirectorate(app.getId());
    }

    private void giveAllOpinions(Application app) {
        for (Opinion opinion : opinionsOf(app)) {
            String reviewer = "avis-" + opinion.getDirectorate().name().toLowerCase();
            as(reviewer, () -> instruction.giveOpinion(app.getId(), opinion.getDirectorate(),
                    Opinion.Verdict.FAVORABLE, "Avis favorable", new BigDecimal("18000")));
            executeAsyncJobs();
        }
    }

    private void writeSynthesis(Application app, Map<Integer, BigDecimal> amounts) {
        as("instructeur", () -> instruction.writeSynthesis(app.getId(), "Projet solide", amounts));
        executeAsyncJobs();
    }

    private void recordJury(Application app, int years, Map<Integer, BigDecimal> amounts) {
        as("instructeur", () -> jury.record(app.getId(), JuryResult.Verdict.FAVORABLE, years, amounts, "Favorable"));
        executeAsyncJobs();
    }

    private void vote(Application app, Decision.Outcome outcome, Integer years, Map<Integer, BigDecimal> amounts) {
        as("instructeur", () -> votes.record(app.getId(), outcome, String.format("CP-2026-11-%03d", app.getId() % 1000),
                LocalDate.now(fr.agir.shared.TimeConfig.PARIS), years, amounts,
                outcome == Decision.Outcome.REJECTED ? "Projet hors des priorités de l'appel" : null));
        executeAsyncJobs();
    }

    /** Requests 20 000 € a year, or the largest of {@code amounts} if more. */
    private Application instructedAndJudged(int years, Map<Integer, BigDecimal> amounts) {
        BigDecimal requested = amounts.values().stream().reduce(TWENTY_K, BigDecimal::max);
        Application app = submitted(Thematic.NOUVELLES_SOLIDARITES, TargetPublic.PERSONNES_AGEES, years, requested);
        declareComplete(app);
        giveAllOpinions(app);
        writeSynthesis(app, amounts);
        recordJury(app, years, amounts);
        return app;
    }

    /** A granted agreement, signed and countersigned: one year above the threshold (30 000 €), or two years. */
    private Application grantedAndSigned(int years) {
        Map<Integer, BigDecimal> amounts = years == 1 ? Map.of(1, THIRTY_K) : Map.of(1, TWENTY_K, 2, TWENTY_K);
        Application app = instructedAndJudged(years, amounts);
        vote(app, Decision.Outcome.ADOPTED, null, null);
        signAndCountersign(app);
        return app;
    }

    private Agreement signAndCountersign(Application app) {
        Agreement agreement = agreementRows.findByApplicationId(app.getId()).orElseThrow();
        SignatureCodes.sign(context, "porteur", agreement.getId());
        executeAsyncJobs();
        as("signataire", () -> agreements.countersign(agreement.getId()));
        executeAsyncJobs();
        return agreementRows.findById(agreement.getId()).orElseThrow();
    }

    private Installment installment(Application app, int year, Installment.Kind kind) {
        return installmentRows.findByApplicationIdOrderByGrantYearAscKindAsc(app.getId()).stream()
                .filter(i -> i.getGrantYear() == year && i.getKind() == kind).findFirst().orElseThrow();
    }

    private void payInstallment(Application app, int year, Installment.Kind kind) {
        Installment installment = installment(app, year, kind);
        as("finances1", () -> payments.prepare(installment.getId(), "Conditions remplies"));
        executeAsyncJobs();
        as("finances2", () -> payments.validate(installment.getId(), true, null));
        executeAsyncJobs();
        exportAndReturn(installment.getId());
    }

    /** The finance software's round trip: today's bordereaux exported, then its return paying the installment. */
    private void exportAndReturn(Long installmentId) {
        as("finances1", () -> paymentOrders.exportToday());
        PaymentOrder order = as("finances1", () -> paymentOrders.orderOfInstallment(installmentId)).orElseThrow();
        String line = order.getPieceNumber() + ";MDT-" + order.getPieceNumber() + ";"
                + java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";" + order.getAmount().toPlainString().replace('.', ',');
        PaymentOrderService.ReturnReport report = as("finances1", () -> paymentOrders.importReturn("retour.csv",
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8), PaymentOrderService.ReturnMode.ALL_OR_NOTHING));
        assertThat(report.errors()).isEmpty();
        executeAsyncJobs();
    }

    /** The attachments of the e-mail each decision letter of the application went out with, letter first. */
    private List<String> letterMails(Application app) {
        return jdbc.queryForList("select a.file_name from decision_letter l join mail_attachment a "
                + "on a.message_id = l.mail_message_id where l.application_id = ? order by l.id, a.id", String.class, app.getId());
    }

    /** The text of the application's latest letter, as its structure downloads it. */
    private String letterText(Application app) {
        Long letterId = jdbc.queryForObject("select max(id) from decision_letter where application_id = ?", Long.class,
                app.getId());
        return as("porteur", () -> pdfText(letterApi.content(app.getId(), letterId).getBody())).replaceAll("\\s+", " ");
    }

    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Report reportOf(Application app, int year) {
        return reportRows.findByApplicationIdOrderByGrantYear(app.getId()).stream()
                .filter(r -> r.getGrantYear() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no report for year " + year));
    }

    private void submitReport(Application app, int year) {
        Report report = reportOf(app, year);
        as("porteur", () -> reporting.submit(report.getId(), new ReportingService.Submission(
                new BigDecimal("30000.00"), new BigDecimal("30000.00"), new BigDecimal("16000.00"), "Actions réalisées")));
        executeAsyncJobs();
    }

    private void reviewReport(Application app, int year, Report.Outcome outcome, BigDecimal recovery) {
        Report report = reportOf(app, year);
        as("instructeur", () -> reporting.review(report.getId(), outcome, recovery, "Examiné"));
        executeAsyncJobs();
    }
    // ---- report deadlines (issue 18): reminders, escalation, return, closure

    @Autowired
    fr.agir.reporting.ReportDeadlines reportDeadlines;
    @Autowired
    fr.agir.reporting.OverdueReportLetter overdueLetters;

    private List<Map<String, Object>> mailsTo(Application app, String subjectStart) {
        return jdbc.queryForList("select m.id, recipients, subject, body, (select count(*) from mail_attachment a "
                + "where a.message_id = m.id) as attachments from mail_message m where subject like ? order by m.id",
                subjectStart + "%" + app.getReference());
    }

    private java.util.Date timerDue(Application app, String activityId) {
        List<org.camunda.bpm.engine.runtime.Job> jobs = timersOf(app, activityId);
        assertThat(jobs).as("timer at " + activityId).hasSize(1);
        return jobs.get(0).getDuedate();
    }

    private java.util.Date at8(java.time.LocalDate day) {
        return java.util.Date.from(day.atTime(8, 0).atZone(fr.agir.shared.TimeConfig.PARIS).toInstant());
    }

    private List<String> instructorTasks(Application app) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskCandidateGroup("instructor").list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    @Test
    void theLegalRepresentativeIsRemindedThirtyThenSevenDaysBeforeTheDueDateThenThePastDueReportEscalates() {
        Application app = grantedAndSigned(1);
        payInstallment(app, 1, Installment.Kind.ADVANCE);
        Report report = reportOf(app, 1);
        java.time.LocalDate due = report.getDueDate();
        assertThat(timerDue(app, "Event_ReportReminderDue")).isEqualTo(at8(due.minusDays(30)));
        assertThat(mailsTo(app, "Compte rendu financier à déposer")).isEmpty();

        fireTimer(app.getReference(), "Event_ReportReminderDue");
        List<Map<String, Object>> reminders = mailsTo(app, "Compte rendu financier à déposer");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("recipients")).isEqualTo(structures.get(app.getStructureId()).getLegalRepEmail());
        assertThat((String) reminders.get(0).get("body")).contains("année 1", "à déposer avant le "
                + fr.agir.reporting.ReportReminders.day(due) + ", dans ", "/portail/candidatures/" + app.getId() + "/compte-rendu");
        assertThat(reportOf(app, 1).getRemindersSent()).isEqualTo(1);
        assertThat(timerDue(app, "Event_NextReminderDue")).as("the second reminder, 7 days before")
                .isEqualTo(at8(due.minusDays(7)));

        fireTimer(app.getReference(), "Event_NextReminderDue");
        assertThat(mailsTo(app, "Compte rendu financier à déposer")).hasSize(2);
        assertThat(timersOf(app, "Event_NextReminderDue")).as("every reminder sent").isEmpty();
        assertThat(lifecycle(app)).isNotNull();
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .containsSubsequence("REPORT_REMINDED", "REPORT_REMINDED");

        // The day after the due date: the e-mail, the overdue flag, and a follow-up task for the instructors.
        assertThat(timerDue(app, "Event_ReportOverdue")).isEqualTo(
                java.util.Date.from(due.plusDays(1).atStartOfDay(fr.agir.shared.TimeConfig.PARIS).toInstant()));
        fireTimer(app.getReference(), "Event_ReportOverdue");
        assertThat(reportOf(app, 1).isOverdue()).isTrue();
        assertThat(mailsTo(app, "Compte rendu financier en retard")).hasSize(1);
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT);

        // A second period later, still nothing: the formal reminder letter (PDF), kept, listed and e-mailed.
        assertThat(timersOf(app, "Event_FormalNoticeDue")).hasSize(1);
        fireTimer(app.getReference(), "Event_FormalNoticeDue");
        Report late = reportOf(app, 1);
        assertThat(late.getFormalNoticeAt()).isNotNull();
        List<Map<String, Object>> notices = mailsTo(app, "Mise en demeure");
        assertThat(notices).hasSize(1);
        assertThat(((Number) notices.get(0).get("attachments")).intValue()).isEqualTo(1);
        byte[] pdf = jdbc.queryForObject("select formal_notice_pdf from report where id = ?", byte[].class, late.getId());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(as("porteur", () -> overdueLetters.of(app.getId()))).singleElement()
                .satisfies(l -> assertThat(l.href()).endsWith("/comptes-rendus/" + late.getId() + "/mise-en-demeure"));
        assertThat(as("instructeur", () -> overdueLetters.letterOf(app.getId(), late.getId()))).isNotNull();

        // The report arrives: the follow-up ends by itself; validated and the balance paid, the grant closes.
        submitReport(app, 1);
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_VALIDATE_REPORT);
        reviewReport(app, 1, Report.Outcome.VALIDATED, null);
        payInstallment(app, 1, Installment.Kind.BALANCE);
        assertThat(lifecycle(app)).isNull();
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(management.createJobQuery().list().stream()
                .filter(j -> app.getReference().equals(businessKeyOf(j))).toList()).as("no timer left").isEmpty();
    }

    private String businessKeyOf(org.camunda.bpm.engine.runtime.Job job) {
        var pi = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
        return pi == null ? null : pi.getBusinessKey();
    }

    private void fireTimerIfAny(Application app, String activityId) {
        if (!timersOf(app, activityId).isEmpty()) {
            fireTimer(app.getReference(), activityId);
        }
    }

    @Test
    void aReportSentOnTimeThenReturnedIsNotRemindedTwiceNorEscalatedAndTheGrantClosesOnlyOnceSettled() {
        Application app = grantedAndSigned(1);
        payInstallment(app, 1, Installment.Kind.ADVANCE);
        fireTimer(app.getReference(), "Event_ReportReminderDue");
        assertThat(mailsTo(app, "Compte rendu financier à déposer")).hasSize(1);
        submitReport(app, 1);
        fireTimerIfAny(app, "Event_NextReminderDue");
        assertThat(mailsTo(app, "Compte rendu financier à déposer")).as("sent: no more reminders").hasSize(1);
        reviewReport(app, 1, Report.Outcome.INCOMPLETE, null);
        Report returned = reportOf(app, 1);
        assertThat(returned.getStatus()).isEqualTo(Report.Status.RETURNED);
        java.time.LocalDate due = returned.getDueDate();
        // Back with the structure: the reminders go on from the next one, never the one already sent.
        assertThat(timersOf(app, "Event_ReportReminderDue")).extracting(org.camunda.bpm.engine.runtime.Job::getDuedate)
                .contains(at8(due.minusDays(7)));

        // Sent on time then returned: the deadline passing is not a late report (no e-mail, no follow-up).
        fireTimer(app.getReference(), "Event_ReportOverdue");
        assertThat(reportOf(app, 1).isOverdue()).isFalse();
        assertThat(mailsTo(app, "Compte rendu financier en retard")).isEmpty();
        assertThat(instructorTasks(app)).doesNotContain(ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT);
        assertThat(lifecycle(app)).isNotNull();

        submitReport(app, 1);
        reviewReport(app, 1, Report.Outcome.VALIDATED, null);
        // Finance reopened the advance meanwhile: after the last year the grant is not settled, checked again later.
        jdbc.update("update installment set status = 'VALIDATED' where application_id = ? and kind = 'ADVANCE'", app.getId());
        payInstallment(app, 1, Installment.Kind.BALANCE);
        ProcessInstance pi = lifecycle(app);
        assertThat(pi).isWaitingAt("Event_ClosureRecheckDue");
        assertThat(applications.get(app.getId()).getStatus()).isNotEqualTo(ApplicationStatus.CLOSED);

        jdbc.update("update installment set status = 'PAID' where application_id = ? and kind = 'ADVANCE'", app.getId());
        fireTimer(app.getReference(), "Event_ClosureRecheckDue");
        assertThat(pi).isEnded().hasPassed("Task_CheckGrantSettled", "Task_CloseApplication", "Event_Closed");
        assertThat(applications.get(app.getId()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
        AuditEvent closed = auditRows.findByApplicationIdOrderByIdAsc(app.getId()).stream()
                .filter(e -> "GRANT_CLOSED".equals(e.getAction())).findFirst().orElseThrow();
        assertThat(closed.getReason()).contains("2 versements payés", "1 compte-rendu validé");
        // The applicant reads the closure in his history.
        assertThat(as("porteur", () -> history.of(app.getId()))).anySatisfy(entry ->
                assertThat(entry.toString()).contains("Subvention soldée"));
    }

    /** Issue 21's budget: at most this many rows written per two-year grant, submission to closure. */
    static final int ROWS_PER_APPLICATION = 250;

    /**
     * Issue 21: the rows a two-year grant leaves in the database from submission to closure (the benchmark's
     * lifecycle, {@code bench/LifecycleDriver}), counted per table (net: runtime rows deleted since do not
     * count), stay within the budget. Printed per table, so that a change of the lifecycle shows its cost.
     */
    @Test
    void aTwoYearGrantLeavesAtMost250RowsFromSubmissionToClosure() {
        Campaign campaign = openCampaign();
        Structure structure = registerStructure("porteur", LegalForm.ASSOCIATION);
        Application draft = draft(campaign, structure, "porteur", Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, 2,
                TWENTY_K);
        Map<String, Long> before = rowsPerTable();
        new fr.agir.bench.LifecycleDriver(context).drive(draft.getId());
        Map<String, Long> after = rowsPerTable();
        Map<String, Long> added = new java.util.TreeMap<>();
        after.forEach((table, count) -> {
            long delta = count - before.getOrDefault(table, 0L);
            if (delta > 0) {
                added.put(table, delta);
            }
        });
        long total = added.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder byTable = new StringBuilder();
        added.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> byTable.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        System.out.println("[rows] one two-year grant, submission to closure: " + total + " rows:" + byTable);
        assertThat(total).as("rows per application:" + byTable).isLessThanOrEqualTo(ROWS_PER_APPLICATION);
    }

    private Map<String, Long> rowsPerTable() {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = database() and table_type = 'BASE TABLE'", String.class)) {
            counts.put(table.toLowerCase(java.util.Locale.ROOT),
                    jdbc.queryForObject("select count(*) from `" + table + "`", Long.class));
        }
        return counts;
    }

    @Autowired
    fr.agir.application.ApplicationHistory history;
    @Autowired
    fr.agir.reporting.LateReportFollowUp followUps;

    private Application lateReport() {
        Application app = grantedAndSigned(1);
        payInstallment(app, 1, Installment.Kind.ADVANCE);
        fireTimer(app.getReference(), "Event_ReportOverdue");
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT);
        return app;
    }

    @Test
    void theInstructorsRelanceEndsTheFollowUpAndTheFormalNoticeStillGoesAtItsDateIfTheReportDoesNotCome() {
        Application app = lateReport();
        Report late = reportOf(app, 1);
        java.util.Date noticeAt = timerDue(app, "Event_FormalNoticeDue");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(app.getReference())
                .taskDefinitionKey(ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT).singleResult().getDueDate())
                .as("the follow-up is due when the formal notice goes").isEqualTo(noticeAt);

        // Bad input: nothing recorded, the step still open.
        assertThatThrownBy(() -> as("instructeur", () -> followUps.done(late.getId(), null,
                LocalDate.now().plusDays(1), null))).isInstanceOf(fr.agir.shared.InvalidInputException.class)
                .satisfies(e -> assertThat(((fr.agir.shared.InvalidInputException) e).fieldErrors())
                        .containsKeys("channel", "contactedOn"));
        assertThatThrownBy(() -> as("porteur", () -> followUps.done(late.getId(),
                fr.agir.reporting.LateReportFollowUp.Channel.TELEPHONE, LocalDate.now(), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT);

        as("instructeur", () -> followUps.done(late.getId(), fr.agir.reporting.LateReportFollowUp.Channel.TELEPHONE,
                LocalDate.now(), "La trésorière envoie le compte-rendu la semaine prochaine."));
        executeAsyncJobs();
        assertThat(instructorTasks(app)).as("the follow-up is done").isEmpty();
        assertThat(auditRows.findByApplicationIdOrderByIdAsc(app.getId())).extracting(AuditEvent::getAction)
                .contains("REPORT_FOLLOWED_UP");
        assertThatThrownBy(() -> as("instructeur", () -> followUps.done(late.getId(),
                fr.agir.reporting.LateReportFollowUp.Channel.EMAIL, LocalDate.now(), null)))
                .as("done once").isInstanceOf(StateConflictException.class);

        // The report still does not come: the formal notice goes at the date set when it became late.
        assertThat(timerDue(app, "Event_FormalNoticeStillDue")).isEqualTo(noticeAt);
        assertThat(mailsTo(app, "Mise en demeure")).isEmpty();
        fireTimer(app.getReference(), "Event_FormalNoticeStillDue");
        assertThat(reportOf(app, 1).getFormalNoticeAt()).isNotNull();
        assertThat(mailsTo(app, "Mise en demeure")).hasSize(1);

        submitReport(app, 1);
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_VALIDATE_REPORT);
    }

    @Test
    void aReportArrivingAfterTheRelanceIsNotSentAFormalNotice() {
        Application app = lateReport();
        Report late = reportOf(app, 1);
        as("instructeur", () -> followUps.done(late.getId(), fr.agir.reporting.LateReportFollowUp.Channel.EMAIL,
                LocalDate.now(), null));
        executeAsyncJobs();
        submitReport(app, 1);
        fireTimer(app.getReference(), "Event_FormalNoticeStillDue");
        assertThat(reportOf(app, 1).getFormalNoticeAt()).isNull();
        assertThat(mailsTo(app, "Mise en demeure")).isEmpty();
        assertThat(instructorTasks(app)).containsExactly(ProcessKeys.TASK_VALIDATE_REPORT);
        // The structure never reads the DIEESS's follow-up; the instructor reads it with the instructor's name.
        assertThat(as("porteur", () -> reportHistory.of(late.getId()))).extracting(e -> e.kind().name())
                .doesNotContain("FOLLOWED_UP");
        assertThat(as("instructeur", () -> reportHistory.of(late.getId()))).filteredOn(e -> e.kind().name()
                .equals("FOLLOWED_UP")).singleElement().satisfies(e -> {
                    assertThat(e.who()).isNotBlank().doesNotStartWith("instructeur");
                    assertThat(e.comment()).startsWith("Structure contactée par e-mail le ");
                });
    }

    @Autowired
    fr.agir.reporting.ReportHistory reportHistory;
}
