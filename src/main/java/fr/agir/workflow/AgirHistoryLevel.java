package fr.agir.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.PvmScope;
import org.springframework.stereotype.Component;

/**
 * The engine history level {@code agir} (issue 21): the level {@code audit}, less two kinds of rows that
 * nobody reads and that were a third of the rows a grant writes.
 * <ul>
 *   <li>Variable history is kept for the facts of a case's main process only (its instance-level variables:
 *       applicationId, thematic, completeness, juryVerdict, voteOutcome, legalInstrument, grantSettled…).
 *       Not kept: the variables of the processes it calls (copies of the main process's facts given by
 *       {@code camunda:in}, and ids of Agir's rows whose state Agir's tables hold: installment, report), and
 *       the local variables of inner scopes (the multi-instance counters {@code nrOfInstances},
 *       {@code loopCounter}… and the element variables).</li>
 *   <li>Activity history is kept for every activity but the gateways and the multi-instance bodies: the
 *       path a case took is the tasks and events it passed, each of which stays.</li>
 * </ul>
 * Who reads the engine's history: the processing times (instruction/ProcessingTimes) read the task history
 * (act_hi_taskinst, unchanged); the process tests' {@code hasPassed} read the activity history of tasks and
 * events (unchanged); who did what is Agir's audit trail. Runtime variables and the engine's behaviour are
 * untouched: only what is written to the history tables changes.
 */
@Component
class AgirHistoryLevel extends AbstractProcessEnginePlugin {
    static final HistoryLevel LEVEL = new Level();

    /** Activity types whose instances are not written to the history. */
    private static final Set<String> UNRECORDED_ACTIVITIES = Set.of("exclusiveGateway", "parallelGateway",
            "inclusiveGateway", "eventBasedGateway", "multiInstanceBody");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }

    static final class Level extends AbstractHistoryLevel {
        @Override
        public int getId() {
            return 21;
        }

        @Override
        public String getName() {
            return "agir";
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (!HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            // null: asked once per element when the models are parsed (whether to listen at all).
            if (entity instanceof VariableInstanceEntity variable && isVariableEvent(eventType)) {
                return recordsVariable(variable);
            }
            if (entity instanceof ExecutionEntity execution && isActivityEvent(eventType)) {
                return recordsActivity(execution);
            }
            return true;
        }

        private static boolean isVariableEvent(HistoryEventType type) {
            return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
        }

        private static boolean isActivityEvent(HistoryEventType type) {
            return type == HistoryEventTypes.ACTIVITY_INSTANCE_START || type == HistoryEventTypes.ACTIVITY_INSTANCE_END
                    || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE;
        }

        /** A fact of a main process: a variable of the process instance itself, which no process called. */
        static boolean recordsVariable(VariableInstanceEntity variable) {
            String executionId = variable.getExecutionId();
            if (executionId == null) {
                // Not a process's variable (a case or a standalone task's): as audit.
                return true;
            }
            if (!executionId.equals(variable.getProcessInstanceId())) {
                return false;
            }
            ExecutionEntity instance = variable.getExecution();
            return instance == null || instance.getSuperExecutionId() == null;
        }

        /** The same activity the history event would name (the producer's own rule). */
        static boolean recordsActivity(ExecutionEntity execution) {
            PvmScope activity = execution.getActivity();
            if (activity == null && execution.getEventSource() instanceof PvmScope source) {
                activity = source;
            }
            return activity == null || !UNRECORDED_ACTIVITIES.contains(String.valueOf(activity.getProperty("type")));
        }
    }
}
