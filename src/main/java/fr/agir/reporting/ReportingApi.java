package fr.agir.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comptes-rendus", description = "Compte-rendu financier annuel")
public class ReportingApi {
    private final ReportingService service;
    private final ReportReviewService reviews;
    private final ReportHistory history;

    public ReportingApi(ReportingService service, ReportReviewService reviews, ReportHistory history) {
        this.service = service;
        this.reviews = reviews;
        this.history = history;
    }

    public record SubmitReport(BigDecimal actualCharges, BigDecimal actualProducts, BigDecimal spentGrant,
                               String qualitativeReport) {
    }

    public record ReviewReport(@NotNull(message = "Choisissez une décision") Report.Outcome outcome,
                               BigDecimal recoveryAmount, String reason) {
    }

    public record ReportView(Long id, Long agreementId, int year, Report.Status status, LocalDate dueDate,
                             boolean overdue, BigDecimal actualCharges, BigDecimal actualProducts,
                             BigDecimal spentGrant, String qualitativeReport, Instant submittedAt, String reviewReason,
                             BigDecimal recoveryAmount, String recoveryOrderNumber) {
        static ReportView of(Report r) {
            return new ReportView(r.getId(), r.getAgreementId(), r.getGrantYear(), r.getStatus(), r.getDueDate(),
                    r.isOverdue(), r.getActualCharges(), r.getActualProducts(), r.getSpentGrant(),
                    r.getQualitativeReport(), r.getSubmittedAt(), r.getReviewReason(), r.getRecoveryAmount(),
                    r.getRecoveryOrderNumber());
        }
    }

    @GetMapping("/api/applications/{id}/reports")
    @Operation(summary = "Comptes-rendus attendus et remis d'une candidature")
    public List<ReportView> ofApplication(@PathVariable Long id) {
        return service.ofApplication(id).stream().map(ReportView::of).toList();
    }

    @PostMapping("/api/reports/{id}/submit")
    @Operation(summary = "Remettre les seuls totaux du compte-rendu (intégrations ; le portail remet le Cerfa "
            + "complet par /api/reports/{id}/form)")
    public ReportView submit(@PathVariable Long id, @RequestBody SubmitReport in) {
        Report report = service.submit(id, new ReportingService.Submission(in.actualCharges(), in.actualProducts(),
                in.spentGrant(), in.qualitativeReport()));
        history.record(id, ReportEvent.Kind.SUBMITTED, null, null);
        return ReportView.of(report);
    }

    @PostMapping("/api/reports/{id}/review")
    @Operation(summary = "Valider, renvoyer à compléter, ou demander un reversement (instructeur)")
    public ReportView review(@PathVariable Long id, @Valid @RequestBody ReviewReport in) {
        return ReportView.of(reviews.decide(id, in.outcome(), in.recoveryAmount(), in.reason()));
    }
}
