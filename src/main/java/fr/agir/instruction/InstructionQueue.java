package fr.agir.instruction;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.shared.InvalidInputException;
import fr.agir.structure.Ept;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DIEESS instructors' work queue: every open step of the instructor team, with what an
 * instructor filters and sorts by (campaign, thematic, stage, EPT, amount, deadline, who holds it),
 * counts per stage, and claiming, assigning and releasing a step.
 */
@Service
public class InstructionQueue {
    static final String TEAM = Role.INSTRUCTOR.candidateGroup();

    private final Workflow workflow;
    private final ApplicationService applications;
    private final StructureService structures;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final People people;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<AgreementsAwaitingSignature> agreementsAwaiting;
    private final org.springframework.beans.factory.ObjectProvider<ReportingRecord> reportingRecord;

    public InstructionQueue(Workflow workflow, ApplicationService applications, StructureService structures,
                            AuditTrail audit, CurrentUser currentUser, People people, Clock clock,
                            org.springframework.beans.factory.ObjectProvider<AgreementsAwaitingSignature> agreementsAwaiting,
                            org.springframework.beans.factory.ObjectProvider<ReportingRecord> reportingRecord) {
        this.agreementsAwaiting = agreementsAwaiting;
        this.reportingRecord = reportingRecord;
        this.workflow = workflow;
        this.applications = applications;
        this.structures = structures;
        this.audit = audit;
        this.currentUser = currentUser;
        this.people = people;
        this.clock = clock;
    }

    public enum Assignment { ANY, MINE, UNASSIGNED }

    public enum Sort { OLDEST, DEADLINE, AMOUNT }

    /** What the instructor asks for; null fields do not filter. */
    public record Filter(Long campaignId, Thematic thematic, ApplicationStatus stage, Ept ept, BigDecimal minAmount,
                         BigDecimal maxAmount, boolean overdueOnly, Assignment assignment, Sort sort) {
        public Filter {
            assignment = assignment == null ? Assignment.ANY : assignment;
            sort = sort == null ? Sort.OLDEST : sort;
        }

        public static Filter all() {
            return new Filter(null, null, null, null, null, null, false, null, null);
        }
    }

    /** One step of the queue, with the application it concerns. */
    public record Item(String taskId, String taskKey, String step, Long applicationId, String reference, String title,
                       Long campaignId, String structureName, Ept ept, Thematic thematic, ApplicationStatus stage,
                       BigDecimal requestedTotal, Date created, Date due, boolean overdue, String assignee,
                       String detail, String href) {
    }

    public record Result(List<Item> items, long total, int page, int size, Map<ApplicationStatus, Long> countsByStage) {
    }

    /**
     * The instructor team's steps at each stage of an application: a step belongs to one stage, so
     * the engine filters and counts by step while the user thinks in stages.
     */
    static final Map<ApplicationStatus, List<String>> STEPS_OF_STAGE = new EnumMap<>(Map.of(
            ApplicationStatus.SUBMITTED, List.of(ProcessKeys.TASK_CHECK_COMPLETENESS),
            ApplicationStatus.UNDER_REVIEW, List.of(ProcessKeys.TASK_WRITE_SYNTHESIS),
            ApplicationStatus.GRANTED, List.of(ProcessKeys.TASK_COUNTERSIGN_AGREEMENT),
            ApplicationStatus.IN_PROGRESS, List.of(ProcessKeys.TASK_VALIDATE_REPORT,
                    ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT)));

    private static final List<String> ALL_STEPS = STEPS_OF_STAGE.values().stream().flatMap(List::stream).toList();

    /**
     * One page of the queue, read from the open tasks projection ({@code workflow/TaskProjection}, kept
     * by the engine's task listener): one grouped count for the stages and the total, one indexed range
     * query for the page (filtered on the facts the lifecycle carries: campaign, thematic, EPT, amount
     * requested); only the page's applications are then read from Agir's tables.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Result queue(Filter filter, int page, int size) {
        if (filter.minAmount() != null && filter.maxAmount() != null
                && filter.minAmount().compareTo(filter.maxAmount()) > 0) {
            throw new InvalidInputException("Fourchette de montants invalide.",
                    Map.of("maxAmount", "Le montant maximum doit être supérieur ou égal au minimum"));
        }
        // One grouped count over the open tasks projection gives the count of every stage and the total.
        Map<String, Long> perStep = workflow.countTeamTasksByStep(taskFilter(filter, ALL_STEPS));
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        STEPS_OF_STAGE.forEach((stage, stageSteps) -> {
            long n = stageSteps.stream().mapToLong(step -> perStep.getOrDefault(step, 0L)).sum();
            if (n > 0) {
                counts.put(stage, n);
            }
        });
        // Every step of an application's lifecycle, and nothing else the team does (a jury session's phases).
        List<String> steps = filter.stage() == null ? ALL_STEPS
                : STEPS_OF_STAGE.getOrDefault(filter.stage(), List.of());
        Workflow.TaskFilter tasks = taskFilter(filter, steps);
        long total = steps.stream().mapToLong(step -> perStep.getOrDefault(step, 0L)).sum();
        if (total == 0) {
            return new Result(List.of(), 0, page, size, counts);
        }
        Workflow.TaskOrder order = switch (filter.sort()) {
            case OLDEST -> Workflow.TaskOrder.CREATED;
            case DEADLINE -> Workflow.TaskOrder.DUE;
            case AMOUNT -> Workflow.TaskOrder.VARIABLE_DESC;
        };
        return new Result(items(workflow.teamTasks(tasks, order, "totalRequested", page * size, size)), total, page,
                size, counts);
    }

    private Workflow.TaskFilter taskFilter(Filter f, List<String> steps) {
        Map<String, Object> equals = new java.util.HashMap<>();
        if (f.campaignId() != null) {
            equals.put("campaignId", f.campaignId());
        }
        if (f.thematic() != null) {
            equals.put("thematic", f.thematic().name());
        }
        if (f.ept() != null) {
            equals.put("ept", f.ept().name());
        }
        // The lifecycle carries the total requested in whole euros: a bound with cents is rounded outwards.
        Long atLeast = f.minAmount() == null ? null
                : f.minAmount().setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        Long atMost = f.maxAmount() == null ? null
                : f.maxAmount().setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        return new Workflow.TaskFilter(TEAM, steps, equals, "totalRequested", atLeast, "totalRequested", atMost,
                f.overdueOnly(), f.assignment() == Assignment.MINE ? currentUser.username() : null,
                f.assignment() == Assignment.UNASSIGNED);
    }

    /**
     * "Conventions à signer": the agreements waiting for the structure's signature or the Département's
     * countersignature, the longest waiting first, with the reminders sent and whether they are overdue.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<AgreementsAwaitingSignature.Waiting> agreementsToSign() {
        AgreementsAwaitingSignature source = agreementsAwaiting.getIfAvailable();
        return source == null ? List.of() : source.all();
    }

    /** How many agreements "Conventions à signer" lists: a count, for the queue page's link. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public long agreementsToSignCount() {
        AgreementsAwaitingSignature source = agreementsAwaiting.getIfAvailable();
        return source == null ? 0 : source.count();
    }

    /** The team's open steps on one application (claimed or not). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Workflow.TeamTask> tasksOf(String reference) {
        return workflow.openTasksOfGroup(TEAM, reference);
    }

    /** The caller takes the step. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Workflow.TeamTask claim(String taskId) {
        return assign(taskId, currentUser.username(), AuditAction.TASK_CLAIMED);
    }

    /** Gives the step to a colleague of the team. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Workflow.TeamTask assignTo(String taskId, String colleague) {
        String who = colleague == null ? "" : colleague.strip();
        if (who.isEmpty() || who.length() > 100 || !who.matches("[\\p{L}\\p{N}._@-]+")) {
            throw new InvalidInputException("Collègue invalide.", Map.of("assignee",
                    "Indiquez l'identifiant de connexion d'un agent de la DIEESS"));
        }
        return assign(taskId, who, AuditAction.TASK_ASSIGNED);
    }

    /** Puts the step back in the team's queue. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Workflow.TeamTask release(String taskId) {
        return assign(taskId, null, AuditAction.TASK_RELEASED);
    }

    private Workflow.TeamTask assign(String taskId, String assignee, AuditAction action) {
        Workflow.TeamTask task = workflow.assign(taskId, TEAM, assignee);
        List<Application> concerned = applications.byReferences(Set.of(task.businessKey()));
        Long applicationId = concerned.isEmpty() ? null : concerned.get(0).getId();
        audit.record("TASK", null, applicationId, action, null, null, "« " + task.name() + " » "
                + (assignee == null ? "remise dans la file de l'équipe" : "confiée à " + people.name(assignee))
                + " par " + currentUser.displayName());
        return task;
    }

    private List<Item> items(List<Workflow.TeamTask> tasks) {
        Set<String> references = tasks.stream().map(Workflow.TeamTask::businessKey).collect(Collectors.toSet());
        Map<String, Application> byReference = applications.byReferences(references).stream()
                .collect(Collectors.toMap(Application::getReference, a -> a));
        Set<Long> applicationIds = new HashSet<>();
        Set<Long> structureIds = new HashSet<>();
        byReference.values().forEach(a -> {
            applicationIds.add(a.getId());
            structureIds.add(a.getStructureId());
        });
        Map<Long, BigDecimal> requested = applications.totals(applicationIds, AmountKind.REQUESTED);
        Map<Long, Structure> structureById = structures.byIds(structureIds);
        ReportingRecord record = reportingRecord.getIfAvailable();
        Set<Long> reporting = byReference.values().stream().filter(a -> tasks.stream().anyMatch(t ->
                a.getReference().equals(t.businessKey()) && REPORT_STEPS.contains(t.taskKey()))).map(Application::getId)
                .collect(Collectors.toSet());
        Map<Long, ReportingRecord.Line> reports = record == null || reporting.isEmpty() ? Map.of()
                : record.pending(reporting);
        Date now = Date.from(Instant.now(clock));
        return tasks.stream().filter(t -> byReference.containsKey(t.businessKey())).map(t -> {
            Application a = byReference.get(t.businessKey());
            Structure s = structureById.get(a.getStructureId());
            ReportingRecord.Line report = REPORT_STEPS.contains(t.taskKey()) ? reports.get(a.getId()) : null;
            return new Item(t.taskId(), t.taskKey(), t.name(), a.getId(), a.getReference(), a.getTitle(),
                    a.getCampaignId(), s == null ? null : s.getName(), s == null ? null : s.getEpt(), a.getThematic(),
                    a.getStatus(), requested.getOrDefault(a.getId(), BigDecimal.ZERO), t.created(), t.due(),
                    t.due() != null && t.due().before(now), t.assignee(), detail(t.taskKey(), report),
                    href(t.taskKey(), report));
        }).toList();
    }

    /** « 30 juin 2027 », as the queue's deadlines. */
    private static final java.time.format.DateTimeFormatter LONG_DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH);

    private static final Set<String> REPORT_STEPS = Set.of(ProcessKeys.TASK_VALIDATE_REPORT,
            ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT);

    /** « Compte-rendu de l'année 1, attendu le 30 juin 2027 — en retard de 12 jours ». */
    private static String detail(String taskKey, ReportingRecord.Line report) {
        if (report == null) {
            return null;
        }
        String text = "Compte-rendu de l'année " + report.grantYear() + ", attendu le "
                + LONG_DAY.format(report.dueDate());
        if (ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT.equals(taskKey) && report.lateDays() > 0) {
            text += " — en retard de " + report.lateDays() + (report.lateDays() == 1 ? " jour" : " jours");
        }
        return text;
    }

    private static String href(String taskKey, ReportingRecord.Line report) {
        if (report == null) {
            return null;
        }
        return "/instruction/comptes-rendus/" + report.reportId()
                + (ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT.equals(taskKey) ? "/relance" : "");
    }





}
