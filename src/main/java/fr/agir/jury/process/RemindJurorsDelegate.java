package fr.agir.jury.process;

import fr.agir.jury.JuryReminderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shortly before scoring closes: each member with scores still to submit gets one e-mail. */
@Component("remindJurorsDelegate")
public class RemindJurorsDelegate implements JavaDelegate {
    private final JuryReminderService reminders;

    public RemindJurorsDelegate(JuryReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindJurors((Long) execution.getVariable("sessionId"));
    }
}
