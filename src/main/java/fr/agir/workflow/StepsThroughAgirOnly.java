package fr.agir.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A user task is completed through Agir's services only, which write the business rows and the
 * audit trail with it. Completing it elsewhere (Camunda Tasklist, the engine REST API) would move
 * the process without them, so it is refused with a {@link StepRefusedException}: the engine wraps
 * what a task listener throws in a plain {@link ProcessEngineException}, which its REST API answers
 * 500, so a command interceptor hands the refusal itself back to the caller. Being an
 * {@link AuthorizationException}, it reaches the REST API's exception mappers (403; Agir's
 * {@code web/EngineRestProblems} answers it as problem+json on /engine-rest).
 */
@Component
public class StepsThroughAgirOnly extends AbstractProcessEnginePlugin {
    /** Transient variable set by {@link Workflow#complete}: never stored. */
    static final String MARKER = "completedThroughAgir";

    /** A step refused because it was not completed through Agir: the guard held, nothing moved. */
    public static class StepRefusedException extends AuthorizationException {
        StepRefusedException(String message) {
            super(message);
        }
    }

    private static final TaskListener REFUSE_FOREIGN_COMPLETION = task -> {
        // Transient only: a stored variable of that name (set through Tasklist or REST) does not count.
        TypedValue marker = task.getVariableTyped(MARKER);
        if (marker == null || !marker.isTransient() || !Boolean.TRUE.equals(marker.getValue())) {
            throw new StepRefusedException("Cette étape se fait dans Agir, qui enregistre le dossier et son "
                    + "historique avec elle : elle ne peut pas être terminée depuis Tasklist ou l'API du moteur.");
        }
    };

    /** Outermost in the command chain (after the rollback): the refusal instead of the engine's wrapper. */
    private static final class RefusalToCaller extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof StepRefusedException refused) {
                        throw refused;
                    }
                }
                throw e;
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, REFUSE_FOREIGN_COMPLETION);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new RefusalToCaller());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
