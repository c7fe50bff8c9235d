package fr.agir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.TargetPublic;
import fr.agir.application.YearBudget;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignStatus;
import fr.agir.campaign.Thematic;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.LegalForm;
import fr.agir.structure.SampleFiles;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the process path tests: the whole application on the real engine and the real
 * MariaDB, job executor off so that tests drive async continuations and timers themselves.
 * Flow-node and sequence-flow coverage is measured per test class and must reach 95%.
 */
@SpringBootTest
@ActiveProfiles({"mariadb", "test"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessTestSupport.CoverageThreshold.class})
public abstract class ProcessTestSupport {

    @TestConfiguration
    static class CoverageThreshold {
        /** Primary: the coverage library also registers a default (threshold-free) bean. */
        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.95).build();
        }
    }

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected CampaignService campaigns;
    @Autowired
    protected StructureService structures;
    @Autowired
    protected DocumentVault vault;
    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    protected ApplicationService applications;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** After every process test, whatever it drove: the open tasks projection is the engine's task list. */
    @AfterEach
    void openTasksProjectionIsTheEnginesTaskList() {
        assertOpenTasksProjectionMatchesEngine();
    }

    /**
     * The open tasks projection (workflow/TaskProjection, table open_task) holds exactly one row per open
     * task of the engine and candidate group, with the task's step, name, case, assignee, deadline, creation
     * time and the case's facts (campaign, thematic, EPT, total requested) as the process carries them, and
     * what tells the case's tasks at one step apart: the first of installmentId, year, directorate its process
     * holds, as {@code name=value}.
     */
    protected void assertOpenTasksProjectionMatchesEngine() {
        List<String> engineRows = new ArrayList<>();
        for (org.camunda.bpm.engine.task.Task task : engine.getTaskService().createTaskQuery().list()) {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            Map<String, Object> facts = runtime.getVariables(task.getProcessInstanceId(),
                    List.of("campaignId", "thematic", "ept", "totalRequested", "installmentId", "year", "directorate"));
            String discriminator = "null";
            for (String name : List.of("installmentId", "year", "directorate")) {
                if (facts.get(name) != null) {
                    Object value = facts.get(name);
                    discriminator = name + "=" + (value instanceof Number n ? String.valueOf(n.longValue()) : value);
                    break;
                }
            }
            for (var link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
                if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
                    engineRows.add(String.join("|", task.getId(), link.getGroupId(), task.getTaskDefinitionKey(),
                            task.getName(), instance.getBusinessKey(), String.valueOf(task.getAssignee()),
                            seconds(task.getDueDate()), seconds(task.getCreateTime()), String.valueOf(facts.get("campaignId")),
                            String.valueOf(facts.get("thematic")), String.valueOf(facts.get("ept")),
                            String.valueOf(facts.get("totalRequested")), discriminator));
                }
            }
        }
        List<String> projected = jdbc.query("select task_id, candidate_group, task_key, task_name, business_key, "
                        + "assignee, due_at, created_at, campaign_id, thematic, ept, amount, discriminator from open_task",
                (rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), String.valueOf(rs.getString(6)),
                        seconds(rs.getTimestamp(7)), seconds(rs.getTimestamp(8)), String.valueOf(rs.getObject(9)),
                        String.valueOf(rs.getString(10)), String.valueOf(rs.getString(11)),
                        String.valueOf(rs.getObject(12)), String.valueOf(rs.getString(13))));
        assertThat(projected).as("open_task against the engine's open tasks").containsExactlyInAnyOrderElementsOf(engineRows);
    }

    /** The engine's MySQL/MariaDB schema keeps its task times to the second; the projection to the millisecond. */
    private static String seconds(java.util.Date date) {
        return date == null ? "null" : String.valueOf(Math.floorDiv(date.getTime(), 1000L));
    }

    // ---- acting as the seeded demo accounts

    protected static <T> T as(String username, Supplier<T> action) {
        return Actors.as(username, action);
    }

    protected static void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    // ---- driving the engine as its job executor would

    /** Runs the pending async continuations (save points), never the timers, until none is left. */
    protected void executeAsyncJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Async jobs keep coming");
    }

    /** Fires the timer waiting at {@code activityId} in the given process instance tree, then its follow-ups. */
    protected void fireTimer(String businessKey, String activityId) {
        List<Job> timers = management.createJobQuery().timers().activityId(activityId).list().stream()
                .filter(job -> businessKey.equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
        assertThat(timers).as("timer at " + activityId).isNotEmpty();
        timers.forEach(job -> management.executeJob(job.getId()));
        executeAsyncJobs();
    }

    protected ProcessInstance lifecycle(Application application) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("application-lifecycle")
                .processInstanceBusinessKey(application.getReference()).singleResult();
    }

    // ---- fixtures

    /** A campaign whose opening timer has fired: it accepts submissions. */
    protected Campaign openCampaign() {
        return openCampaign(new BigDecimal("1000000.00"), new BigDecimal("100000.00"));
    }

    /** An open campaign with this envelope (operating, investment). */
    protected Campaign openCampaign(BigDecimal envelopeOperating, BigDecimal envelopeInvestment) {
        String code = "T-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Campaign campaign = as("admin", () -> campaigns.create(new CampaignService.NewCampaign(code,
                "Appel à Agir de test " + code, LocalDate.now(TimeConfig.PARIS).minusDays(1), LocalDate.now(TimeConfig.PARIS).plusDays(30),
                envelopeOperating, envelopeInvestment, 2, EnumSet.allOf(Thematic.class))));
        fireTimer(code, "Event_OpeningDateReached");
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.OPEN);
        return campaign;
    }

    /** A structure of {@code applicant}, with the pieces its case file needs for applying. */
    protected Structure registerStructure(String applicant, LegalForm legalForm) {
        Structure structure = as(applicant, () -> structures.register(new StructureService.Registration(
                "Structure " + System.nanoTime(), legalForm, TestData.randomSiret(), null, "1 place de la Mairie",
                "93200", "Saint-Denis", "Awa Diallo", "awa@example.org", "FR7630006000011234567890189", "AGRIFRPP")));
        for (DocumentType type : DocumentType.required()) {
            as(applicant, () -> (Object) vault.upload(structure.getId(), type, type.name().toLowerCase() + ".pdf",
                    new java.io.ByteArrayInputStream(SampleFiles.pdf(type.label() + " " + structure.getId())), null));
        }
        return structure;
    }

    protected Application draft(Campaign campaign, Structure structure, String applicant, Thematic thematic,
                                TargetPublic target, int years, BigDecimal requestedPerYear) {
        List<YearBudget> budgets = new ArrayList<>();
        for (int year = 1; year <= years; year++) {
            budgets.add(balancedBudget(year, requestedPerYear));
        }
        return as(applicant, () -> applications.createDraft(campaign.getId(), structure.getId(),
                new ApplicationService.Draft("Projet " + thematic, "Description du projet", thematic, target,
                        "Saint-Denis", years, budgets)));
    }

    /** A submitted application of a fresh structure, in a fresh open campaign. */
    protected Application submitted(Thematic thematic, TargetPublic target, int years, BigDecimal requestedPerYear) {
        Campaign campaign = openCampaign();
        Structure structure = registerStructure("porteur", LegalForm.ASSOCIATION);
        Application draft = draft(campaign, structure, "porteur", thematic, target, years, requestedPerYear);
        return as("porteur", () -> applications.submit(draft.getId()));
    }

    protected static YearBudget balancedBudget(int year, BigDecimal requested) {
        Map<BudgetLineCode, BigDecimal> lines = YearBudget.emptyLines();
        lines.put(BudgetLineCode.C64, requested.add(new BigDecimal("10000.00")));
        lines.put(BudgetLineCode.P70, new BigDecimal("10000.00"));
        lines.put(BudgetLineCode.P74_DEPARTEMENT, requested);
        return new YearBudget(year, requested, lines);
    }

    /** A valid SIRET (Luhn) that no other test uses. */
}
