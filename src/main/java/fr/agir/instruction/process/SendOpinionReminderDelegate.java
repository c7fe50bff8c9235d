package fr.agir.instruction.process;

import fr.agir.instruction.OpinionReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder timer fired before the opinion's deadline: e-mail the directorate. */
@Component("sendOpinionReminderDelegate")
public class SendOpinionReminderDelegate implements JavaDelegate {
    private final OpinionReminders reminders;

    public SendOpinionReminderDelegate(OpinionReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind((Long) execution.getVariable("applicationId"), (String) execution.getVariable("directorate"));
    }
}
