package fr.agir.reporting.process;

import fr.agir.reporting.ReportReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendFormalNoticeDelegate")
public class SendFormalNoticeDelegate implements JavaDelegate {
    private final ReportReminders reminders;

    public SendFormalNoticeDelegate(ReportReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.sendFormalNotice((Long) execution.getVariable("agreementId"),
                ((Number) execution.getVariable("year")).intValue());
    }
}
