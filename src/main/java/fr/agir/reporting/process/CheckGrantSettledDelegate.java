package fr.agir.reporting.process;

import fr.agir.reporting.GrantClosure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the last grant year: whether the grant is settled ({@code grantSettled}), else checked again later. */
@Component("checkGrantSettledDelegate")
public class CheckGrantSettledDelegate implements JavaDelegate {
    private final GrantClosure closure;

    public CheckGrantSettledDelegate(GrantClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("grantSettled", closure.check((Long) execution.getVariable("applicationId")).settled());
    }
}
