package fr.agir.workflow;

import fr.agir.security.CurrentUser;
import fr.agir.shared.StateConflictException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one place the capabilities talk to the engine: start processes, find the pending step of
 * an application, complete it as the current user, correlate messages. Business keys are
 * application references and are handed down to called processes.
 */
@Component
public class Workflow {
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser currentUser;

    private final org.camunda.bpm.engine.DecisionService decisions;
    private final TaskProjection projection;
    private final org.camunda.bpm.engine.ManagementService management;

    public Workflow(RuntimeService runtime, TaskService tasks, IdentityService identity, CurrentUser currentUser,
                    org.camunda.bpm.engine.DecisionService decisions,
                    TaskProjection projection, org.camunda.bpm.engine.ManagementService management) {
        this.projection = projection;
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.currentUser = currentUser;
        this.decisions = decisions;
    }

    /**
     * What a decision table (hit policy COLLECT) answers on the variables of a running case: the
     * values of {@code output}, in rule order, without duplicates.
     */
    public List<String> decide(String decisionKey, String processKey, String businessKey, String output) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().singleResult();
        if (instance == null) {
            throw new StateConflictException("Ce dossier n'est plus en cours : rien à décider.");
        }
        return decisions.evaluateDecisionTableByKey(decisionKey).variables(runtime.getVariables(instance.getId()))
                .evaluate().collectEntries(output).stream().map(String::valueOf).distinct().toList();
    }

    /**
     * What a decision table (hit policy COLLECT) answers on the given facts (a simulation: no case
     * is read nor changed): the values of {@code output}, in rule order, without duplicates.
     */
    public List<String> simulate(String decisionKey, Map<String, Object> facts, String output) {
        return decisions.evaluateDecisionTableByKey(decisionKey).variables(facts).evaluate().collectEntries(output)
                .stream().map(String::valueOf).distinct().toList();
    }

    /**
     * Moves a waiting timer of a running process (a campaign's opening or closing date changed) and keeps
     * the variable that feeds it in step (a timer not reached yet reads it when reached). False when no
     * such process runs.
     */
    public boolean reschedule(String processKey, String businessKey, String timerActivityId, String variable,
                              java.util.Date due) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().singleResult();
        if (instance == null) {
            return false;
        }
        runtime.setVariable(instance.getId(), variable, due);
        org.camunda.bpm.engine.runtime.Job job = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(timerActivityId).timers().singleResult();
        if (job != null) {
            management.setJobDuedate(job.getId(), due);
        }
        return true;
    }

    /**
     * Replaces a process that has not passed its first wait state under a new business key (a scheduled
     * campaign whose code changed): the old instance is deleted with the reason, a new one starts.
     */
    public String restart(String processKey, String oldBusinessKey, String newBusinessKey, Map<String, Object> variables,
                          String reason) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(oldBusinessKey).active().singleResult();
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), reason);
        }
        return start(processKey, newBusinessKey, variables);
    }

    /** An open task of a team's work queue, claimed or not. */
    public record TeamTask(String taskId, String taskKey, String name, String businessKey, java.util.Date created,
                           java.util.Date due, String assignee) {
    }

    /**
     * What a team's queue asks of the engine: facts of the case (process variables), who holds the
     * step, its deadline. Null fields do not filter.
     */
    public record TaskFilter(String group, List<String> taskKeys, Map<String, Object> equals, String variableAtLeast,
                             Long atLeast, String variableAtMost, Long atMost, boolean overdueOnly, String assignee,
                             boolean unassignedOnly) {
    }

    public enum TaskOrder { CREATED, DUE, VARIABLE_DESC }

    /**
     * One page of a team's tasks, filtered and sorted on the open tasks projection ({@link TaskProjection}):
     * one indexed range query, nothing loaded beyond the page. {@code orderVariable} must be a fact the
     * projection carries (campaignId, thematic, ept, totalRequested).
     */
    public List<TeamTask> teamTasks(TaskFilter filter, TaskOrder order, String orderVariable, int first, int max) {
        if (order == TaskOrder.VARIABLE_DESC && !"totalRequested".equals(orderVariable)) {
            throw new IllegalArgumentException("Only totalRequested orders the open tasks projection");
        }
        return projection.page(filter, order, first, max);
    }

    public long countTeamTasks(TaskFilter filter) {
        return countTeamTasksByStep(filter).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A team's tasks matching the filter, counted per step (task key): one grouped query. */
    public Map<String, Long> countTeamTasksByStep(TaskFilter filter) {
        return projection.countByStep(filter);
    }

    /** The open tasks offered to {@code group} on one case, claimed or not. */
    public List<TeamTask> openTasksOfGroup(String group, String businessKey) {
        return teamTasks(tasks.createTaskQuery().active().taskCandidateGroup(group).includeAssignedTasks()
                .processInstanceBusinessKey(businessKey));
    }

    private List<TeamTask> teamTasks(TaskQuery query) {
        List<Task> open = query.orderByTaskCreateTime().asc().list();
        Map<String, String> keys = businessKeys(open);
        return open.stream().map(t -> new TeamTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                keys.get(t.getProcessInstanceId()), t.getCreateTime(), t.getDueDate(), t.getAssignee())).toList();
    }

    /**
     * Gives an open task of {@code group} to {@code assignee} (claim: the caller himself; assign: a
     * colleague; null: back to the team). A task of another team is "not found".
     */
    public TeamTask assign(String taskId, String group, String assignee) {
        Task task = tasks.createTaskQuery().taskId(taskId).active().taskCandidateGroup(group).includeAssignedTasks()
                .singleResult();
        if (task == null) {
            throw new fr.agir.shared.NotFoundException("Cette tâche n'existe pas ou n'est plus à faire.");
        }
        tasks.setAssignee(taskId, assignee);
        Map<String, String> keys = businessKeys(List.of(task));
        return new TeamTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                keys.get(task.getProcessInstanceId()), task.getCreateTime(), task.getDueDate(), assignee);
    }

    private Map<String, String> businessKeys(List<Task> list) {
        Map<String, String> keys = new java.util.HashMap<>();
        if (!list.isEmpty()) {
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                    .list().forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
        }
        return keys;
    }

    /** A step (user task) waiting for someone; completing it moves the process on. */
    public record PendingStep(String taskId) {
    }

    /** An open task as shown in a work list. */
    public record OpenTask(String taskId, String taskKey, String name, String businessKey, java.util.Date created,
                           java.util.Date due) {
    }

    /** Starts a case again at one of its steps (a reopened decision), with its business key and facts. */
    public String startAt(String processKey, String businessKey, String activityId, Map<String, Object> variables) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .active().count() > 0) {
            throw new StateConflictException("Ce dossier est déjà en cours : rien à rouvrir.");
        }
        return asCurrentUser(() -> runtime.createProcessInstanceByKey(processKey).businessKey(businessKey)
                .setVariables(variables).startBeforeActivity(activityId).execute().getId());
    }

    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = asCurrentUser(() -> runtime.startProcessInstanceByKey(processKey, businessKey, variables));
        return instance.getId();
    }

    /**
     * The task waiting at {@code taskKey} for this business key (and matching the given process
     * variables), or a 409 problem when the step is not, or no longer, expected.
     */
    public PendingStep pendingTask(String businessKey, String taskKey, Map<String, Object> matching) {
        // The open tasks projection answers by (business key, step) on its index, without the engine's task
        // query joining executions, and by (business key, step, discriminating variable) for the steps told
        // apart by one (payments by installment, reports by year, opinions by directorate); the engine's query
        // below stays for other conditions, and for a task the projection would not hold.
        String projected = null;
        if (matching.isEmpty()) {
            projected = projection.taskOf(businessKey, taskKey);
        } else if (matching.size() == 1) {
            var condition = matching.entrySet().iterator().next();
            projected = projection.taskOf(businessKey, taskKey, condition.getKey(), condition.getValue());
        }
        if (projected != null) {
            return new PendingStep(projected);
        }
        TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey);
        matching.forEach(query::processVariableValueEquals);
        List<Task> found = query.list();
        if (found.isEmpty()) {
            throw new StateConflictException("Cette étape n'est pas attendue pour ce dossier : "
                    + "elle a peut-être déjà été faite, ou le dossier est à une autre étape.");
        }
        return new PendingStep(found.get(0).getId());
    }

    /**
     * Completes the task as the current user. No separate assignee call before (issue 21: it cost an
     * update, an identity link and an operation log row per step): who did what is Agir's audit trail.
     */
    public void complete(PendingStep step, Map<String, Object> variables) {
        try {
            asCurrentUser(() -> {
                tasks.complete(step.taskId(), Variables.fromMap(variables)
                        .putValueTyped(StepsThroughAgirOnly.MARKER, Variables.booleanValue(true, true)));
                return null;
            });
        } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
            if (tasks.createTaskQuery().taskId(step.taskId()).count() == 0) {
                // Done by someone else between the lookup and now.
                throw new StateConflictException("Cette étape n'est pas attendue pour ce dossier : "
                        + "elle a peut-être déjà été faite, ou le dossier est à une autre étape.");
            }
            throw gone;
        }
    }

    /** Correlates a message to the application's main process, or 409 if it is not waiting for it. */
    public void correlate(String message, String businessKey, String waitingAt, Map<String, Object> variables) {
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .activityId(waitingAt).count() > 0;
        if (!waiting) {
            throw new StateConflictException("Ce dossier n'attend pas cette décision à son étape actuelle.");
        }
        asCurrentUser(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlateWithResult());
    }

    /**
     * Correlates a message to the case's executions waiting for it whose process variables match (e.g. the
     * installment-payment waiting at "Paiement confirmé" for one installment), in the caller's transaction;
     * returns how many received it (0: none waits, nothing happens).
     */
    public int correlateWaiting(String message, String businessKey, Map<String, Object> matching) {
        return asCurrentUser(() -> {
            var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey);
            matching.forEach(correlation::processInstanceVariableEquals);
            return correlation.correlateAllWithResult().size();
        });
    }

    /**
     * Correlates a message that interrupts the case's running process wherever it waits (an
     * interrupting event sub-process), in the caller's transaction; 409 if no such process runs.
     */
    public void interrupt(String message, String processKey, String businessKey, Map<String, Object> variables) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().list();
        if (running.isEmpty()) {
            throw new StateConflictException("Ce dossier n'est plus en cours : rien à interrompre.");
        }
        asCurrentUser(() -> runtime.createMessageCorrelation(message).processInstanceId(running.get(0).getId())
                .setVariables(variables).correlateWithResult());
    }

    /**
     * Where a case stands: the activities its running process ({@code processKey}) and the processes it
     * called wait at (e.g. Task_SignAgreement, Task_PreparePayment), and one of its facts (a process
     * variable); not running: no activity.
     */
    public record CaseStand(boolean running, java.util.Set<String> waitingAt, Map<String, Object> facts) {
        public boolean isWaitingAt(String activityId) {
            return waitingAt.contains(activityId);
        }
    }

    public CaseStand stand(String processKey, String businessKey, String... factNames) {
        List<ProcessInstance> main = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().list();
        if (main.isEmpty()) {
            return new CaseStand(false, java.util.Set.of(), Map.of());
        }
        java.util.Set<String> waiting = new java.util.TreeSet<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list()
                .forEach(pi -> waiting.addAll(runtime.getActiveActivityIds(pi.getId())));
        Map<String, Object> facts = new java.util.HashMap<>();
        for (String name : factNames) {
            Object value = runtime.getVariable(main.get(0).getId(), name);
            if (value != null) {
                facts.put(name, value);
            }
        }
        return new CaseStand(true, waiting, facts);
    }

    /**
     * Sets a fact (a process variable) on the case's running process ({@code processKey}), in the caller's
     * transaction: a later condition of the model reads it (e.g. {@code lastGrantYear}, which ends the grant-year
     * loop early). False if no such process runs.
     */
    public boolean setCaseFact(String processKey, String businessKey, String name, Object value) {
        List<ProcessInstance> main = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().list();
        main.forEach(pi -> runtime.setVariable(pi.getId(), name, value));
        return !main.isEmpty();
    }

    /**
     * Correlates a message that starts a non-interrupting event sub-process of the case's running
     * process, in the caller's transaction; 409 if no such process runs.
     */
    public void notifyCase(String message, String processKey, String businessKey, Map<String, Object> variables) {
        interrupt(message, processKey, businessKey, variables);
    }

    public List<OpenTask> openTasksFor(List<String> candidateGroups, List<String> businessKeys, int first, int max) {
        if (candidateGroups.isEmpty() || businessKeys != null && businessKeys.isEmpty()) {
            return List.of();
        }
        // The open tasks projection: unclaimed tasks of these groups, oldest first (as the engine's
        // taskCandidateGroupIn query without includeAssignedTasks), one indexed range query.
        return projection.unclaimed(candidateGroups, businessKeys, first, max);
    }

    private <T> T asCurrentUser(java.util.function.Supplier<T> action) {
        var auth = currentUser.authentication();
        if (auth.isEmpty()) {
            return action.get();
        }
        identity.setAuthentication(auth.get().getName(), currentUser.candidateGroups());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
