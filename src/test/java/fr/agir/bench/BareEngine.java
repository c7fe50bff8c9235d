package fr.agir.bench;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ApplicationContext;

/**
 * The baseline: a minimal process with the same number of wait states as the Agir path driven,
 * deployed by the benchmark only (never in bpmn/), on the same engine, configuration and
 * database. Each wait state is a user task; with {@code saveAfterEachTask}, each has an
 * {@code asyncAfter} save point as Agir's user tasks do, run by the driving thread.
 */
final class BareEngine {
    /**
     * Agir refuses to complete a user task without its transient marker (workflow/StepsThroughAgirOnly,
     * a parse listener on every user task of the engine): the bare process gets the same listener and
     * passes the marker, as Workflow.complete does.
     */
    private static final String AGIR_MARKER = "completedThroughAgir";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final String key;
    private final int waitStates;
    private final boolean saveAfterEachTask;

    BareEngine(ApplicationContext context, int waitStates, boolean saveAfterEachTask) {
        repository = context.getBean(RepositoryService.class);
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        management = context.getBean(ManagementService.class);
        this.waitStates = waitStates;
        this.saveAfterEachTask = saveAfterEachTask;
        key = "bench-bare-" + waitStates + (saveAfterEachTask ? "-async" : "");
    }

    void deploy() {
        AbstractFlowNodeBuilder<?, ?> node = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180)
                .startEvent("Event_Start");
        for (int i = 1; i <= waitStates; i++) {
            node = node.userTask("Task_" + i).camundaCandidateGroups("instructor");
            if (saveAfterEachTask) {
                node = node.camundaAsyncAfter();
            }
        }
        BpmnModelInstance model = node.endEvent("Event_End").done();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).enableDuplicateFiltering(true)
                .deploy();
    }

    /** One instance from start to end. */
    void drive(int n) {
        String instance = runtime.startProcessInstanceByKey(key, key + "-" + n).getId();
        for (int i = 0; i < waitStates; i++) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            VariableMap marker = Variables.createVariables()
                    .putValueTyped(AGIR_MARKER, Variables.booleanValue(true, true));
            tasks.complete(task.getId(), marker);
            if (saveAfterEachTask) {
                Job job = management.createJobQuery().processInstanceId(instance).singleResult();
                management.executeJob(job.getId());
            }
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException(key + " instance " + instance + " did not end");
        }
    }

    int waitStates() {
        return waitStates;
    }

    String key() {
        return key;
    }
}
