package fr.agir.reporting.process;

import fr.agir.reporting.ReportReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("remindReportDelegate")
public class RemindReportDelegate implements JavaDelegate {
    private final ReportReminders reminders;

    public RemindReportDelegate(ReportReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind((Long) execution.getVariable("agreementId"), ((Number) execution.getVariable("year")).intValue());
    }
}
