package fr.agir.reporting.process;

import fr.agir.payment.PaymentService;
import fr.agir.reporting.Report;
import fr.agir.reporting.ReportingService;
import fr.agir.shared.TimeConfig;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a grant year: its installments, and its expected report whose due date feeds the timer. */
@Component("openGrantYearDelegate")
public class OpenGrantYearDelegate implements JavaDelegate {
    private final PaymentService payments;
    private final ReportingService reporting;

    public OpenGrantYearDelegate(PaymentService payments, ReportingService reporting) {
        this.payments = payments;
        this.reporting = reporting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long agreementId = (Long) execution.getVariable("agreementId");
        int year = ((Number) execution.getVariable("year")).intValue();
        PaymentService.YearSchedule schedule = payments.scheduleYear(agreementId, year);
        Report report = reporting.expect(agreementId, year);
        execution.setVariable("advanceInstallmentId", schedule.advanceInstallmentId());
        execution.setVariable("balanceInstallmentId", schedule.balanceInstallmentId());
        execution.setVariable("reportDueAt",
                Date.from(report.getDueDate().plusDays(1).atStartOfDay(TimeConfig.PARIS).toInstant()));
    }
}
