package fr.agir.payment.process;

import fr.agir.workflow.ProcessKeys;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stamps {@code installment.payable_since} the first time the installment's liquidation step
 * (Task_PreparePayment of bpmn/installment-payment.bpmn) opens: that is when its condition is met
 * (agreement countersigned or arrêté in force for an advance, report validated for a balance), and
 * the 60-day clock starts. A task listener added at parse time, so that the models stay as they are;
 * the update runs in the engine's transaction (same data source). A return to liquidation opens the
 * step again and keeps the first date.
 */
@Component
public class PayableSinceStamp extends AbstractProcessEnginePlugin {
    private final ObjectProvider<JdbcTemplate> jdbc;

    public PayableSinceStamp(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    private void stamp(org.camunda.bpm.engine.delegate.DelegateTask task) {
        Object id = task.getVariable("installmentId");
        if (id instanceof Number installmentId) {
            this.jdbc.getObject().update("UPDATE installment SET payable_since = ? WHERE id = ? AND payable_since IS NULL",
                    Timestamp.from(task.getCreateTime().toInstant()), installmentId.longValue());
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (ProcessKeys.TASK_PREPARE_PAYMENT.equals(activity.getId())) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, PayableSinceStamp.this::stamp);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
