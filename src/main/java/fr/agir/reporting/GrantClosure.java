package fr.agir.reporting;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.payment.Installment;
import fr.agir.payment.InstallmentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a grant after its last year: it closes when every installment is paid or cancelled and every
 * year's report is validated (or ended with a recovery whose order is issued). The closure is audited
 * with what was settled (the structure reads it in its history), then the agreement (or arrêté) and the
 * application are closed; the case file keeps its whole history.
 */
@Service
public class GrantClosure {
    /**
     * The closure's own entity type: not APPLICATION, whose events are the application's state changes (each from
     * the state the previous one reached; the application's own CLOSED follows this event).
     */
    static final String ENTITY = "GRANT";

    private final AgreementService agreements;
    private final InstallmentRepository installments;
    private final ReportRepository reports;
    private final AuditTrail audit;

    GrantClosure(AgreementService agreements, InstallmentRepository installments, ReportRepository reports,
                 AuditTrail audit) {
        this.agreements = agreements;
        this.installments = installments;
        this.reports = reports;
        this.audit = audit;
    }

    /** What still stands in the way of closing (empty: the grant is settled). */
    public record Check(List<String> pending, String summary) {
        public boolean settled() {
            return pending.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Check check(Long applicationId) {
        Agreement agreement = agreements.ofApplication(applicationId);
        List<String> pending = new ArrayList<>();
        List<Installment> all = installments.findByApplicationIdOrderByGrantYearAscKindAsc(applicationId);
        for (Installment i : all) {
            if (i.getStatus() != Installment.Status.PAID && i.getStatus() != Installment.Status.CANCELLED) {
                pending.add("Versement (" + i.getKind().label() + ") de l'année " + i.getGrantYear() + " ni payé ni annulé");
            }
        }
        List<Report> yearReports = reports.findByApplicationIdOrderByGrantYear(applicationId);
        for (int year = 1; year <= agreement.getDurationYears(); year++) {
            int y = year;
            Report report = yearReports.stream().filter(r -> r.getGrantYear() == y).findFirst().orElse(null);
            if (report == null || !report.isSettled()) {
                pending.add("Compte-rendu de l'année " + year + (report == null ? " jamais ouvert" : " non validé"));
            }
        }
        long paid = all.stream().filter(i -> i.getStatus() == Installment.Status.PAID).count();
        long cancelled = all.stream().filter(i -> i.getStatus() == Installment.Status.CANCELLED).count();
        String recoveries = yearReports.stream().filter(r -> r.getRecoveryOrderNumber() != null)
                .map(r -> r.getRecoveryOrderNumber()).collect(Collectors.joining(", "));
        String summary = paid + (paid > 1 ? " versements payés" : " versement payé")
                + (cancelled == 0 ? "" : ", " + cancelled + (cancelled > 1 ? " annulés" : " annulé"))
                + " ; " + yearReports.size() + (yearReports.size() > 1 ? " comptes-rendus validés" : " compte-rendu validé")
                + (recoveries.isEmpty() ? "" : " ; reversement demandé (titre de recettes " + recoveries + ")");
        return new Check(List.copyOf(pending), summary);
    }

    /** Closes a settled grant: audited with what was settled, then the act and the application are closed. */
    @Transactional
    public void close(Long applicationId) {
        Check check = check(applicationId);
        if (!check.settled()) {
            throw new IllegalStateException("Grant of application " + applicationId + " is not settled: " + check.pending());
        }
        audit.record(ENTITY, applicationId, applicationId, AuditAction.GRANT_CLOSED, null, null, check.summary());
        agreements.closeAfterLastYear(applicationId);
    }
}
