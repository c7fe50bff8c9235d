package fr.agir.reporting;

import fr.agir.payment.PaymentService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instructor's review of a submitted report: validate, return with comments (the structure corrects and
 * resubmits), or validate with a recovery of the unspent part (editable, with a reason), which then goes to
 * finance as a recovery order through grant-year's RECOVERY outcome ({@code IssueRecoveryOrderDelegate}).
 * Each decision is kept in the report's history.
 */
@Service
public class ReportReviewService {
    private final ReportingService reporting;
    private final ReportContentService contents;
    private final ReportRepository reports;
    private final ReportHistory history;
    private final PaymentService payments;

    ReportReviewService(ReportingService reporting, ReportContentService contents, ReportRepository reports,
                        ReportHistory history, PaymentService payments) {
        this.reporting = reporting;
        this.contents = contents;
        this.reports = reports;
        this.history = history;
        this.payments = payments;
    }

    /** What the review page shows. */
    public record Review(ReportSheet sheet, List<ReportSheet> earlier, BigDecimal paid, BigDecimal proposedRecovery,
                         boolean awaitingDecision) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Review review(Long reportId) {
        ReportSheet sheet = contents.sheet(reportId);
        Report report = sheet.report();
        List<ReportSheet> earlier = reports.findByApplicationIdOrderByGrantYear(report.getApplicationId()).stream()
                .filter(r -> r.getGrantYear() < report.getGrantYear()).map(r -> contents.sheet(r.getId())).toList();
        BigDecimal paid = payments.paidFor(report.getAgreementId(), report.getGrantYear());
        return new Review(sheet, earlier, paid, ReportRules.proposedRecovery(sheet.content().unspent(), paid),
                report.getStatus() == Report.Status.SUBMITTED);
    }

    /** The reports the structures have sent and nobody has decided on yet, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<ReportSheet> awaitingReview() {
        return reports.findByStatusOrderBySubmittedAt(Report.Status.SUBMITTED).stream()
                .map(r -> contents.sheet(r.getId())).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Report decide(Long reportId, Report.Outcome outcome, BigDecimal recoveryAmount, String reason) {
        Report report = reporting.review(reportId, outcome, recoveryAmount, reason);
        history.record(reportId, ReportHistory.of(outcome), report.getReviewReason(), report.getRecoveryAmount());
        return report;
    }
}
