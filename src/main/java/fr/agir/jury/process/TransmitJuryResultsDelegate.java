package fr.agir.jury.process;

import fr.agir.jury.JurySessionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the session closes (a save point before it): each application's lifecycle receives the jury's result. */
@Component("transmitJuryResultsDelegate")
public class TransmitJuryResultsDelegate implements JavaDelegate {
    private final JurySessionService sessions;

    public TransmitJuryResultsDelegate(JurySessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sessions.transmitResults((Long) execution.getVariable("sessionId"));
    }
}
