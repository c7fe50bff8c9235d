package fr.agir.reporting.process;

import fr.agir.reporting.ReportingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("escalateLateReportDelegate")
public class EscalateLateReportDelegate implements JavaDelegate {
    private final ReportingService reporting;

    public EscalateLateReportDelegate(ReportingService reporting) {
        this.reporting = reporting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // reportLate: a first escalation opens the instructor's follow-up; none when already done or sent on time
        execution.setVariable("reportLate", reporting.flagOverdue((Long) execution.getVariable("agreementId"), ((Number) execution.getVariable("year")).intValue()));
    }
}
