package fr.agir.reporting.process;

import fr.agir.reporting.GrantClosure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeGrantDelegate")
public class CloseGrantDelegate implements JavaDelegate {
    private final GrantClosure closure;

    public CloseGrantDelegate(GrantClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        closure.close((Long) execution.getVariable("applicationId"));
    }
}
