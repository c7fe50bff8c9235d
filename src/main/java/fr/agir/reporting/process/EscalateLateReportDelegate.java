package fr.agir.reporting.process;

import fr.agir.reporting.ReportDeadlines;
import fr.agir.reporting.ReportingService;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("escalateLateReportDelegate")
public class EscalateLateReportDelegate implements JavaDelegate {
    private final ReportingService reporting;
    private final ReportDeadlines deadlines;
    private final Clock clock;

    public EscalateLateReportDelegate(ReportingService reporting, ReportDeadlines deadlines, Clock clock) {
        this.reporting = reporting;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // reportLate: a first escalation opens the instructor's follow-up; none when already done or sent on time
        boolean late = reporting.flagOverdue((Long) execution.getVariable("agreementId"),
                ((Number) execution.getVariable("year")).intValue());
        execution.setVariable("reportLate", late);
        if (late) {
            // One date for the formal notice, whether the follow-up is still open or was marked done before it.
            execution.setVariable("formalNoticeAt", deadlines.formalNoticeAt(clock.instant()));
        }
    }
}
