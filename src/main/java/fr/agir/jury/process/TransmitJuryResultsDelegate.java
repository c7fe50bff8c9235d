package fr.agir.jury.process;

import fr.agir.jury.JuryDeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the session closes (a save point before it): each application's lifecycle receives the jury's result. */
@Component("transmitJuryResultsDelegate")
public class TransmitJuryResultsDelegate implements JavaDelegate {
    private final JuryDeliberationService deliberations;

    public TransmitJuryResultsDelegate(JuryDeliberationService deliberations) {
        this.deliberations = deliberations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliberations.transmitResults((Long) execution.getVariable("sessionId"));
    }
}
