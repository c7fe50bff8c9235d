package fr.agir.jury.process;

import fr.agir.jury.JurySessionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shortly before scoring closes: each member with scores still to submit gets one e-mail. */
@Component("remindJurorsDelegate")
public class RemindJurorsDelegate implements JavaDelegate {
    private final JurySessionService sessions;

    public RemindJurorsDelegate(JurySessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sessions.remindJurors((Long) execution.getVariable("sessionId"));
    }
}
