package fr.agir.payment.desk;

import fr.agir.payment.Installment;
import fr.agir.payment.PaymentService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installment's page for finance: the condition met and by which event, the bank details against
 * the case file's RIB piece, the payee's identifiers, the act's schedule, the 60-day clock, and which
 * actions the current officer may take.
 */
@Service
public class InstallmentChecklist {
    private final FinanceDesk desk;
    private final BankDetailsCheck bankDetails;
    private final PaymentService payments;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;

    public InstallmentChecklist(FinanceDesk desk, BankDetailsCheck bankDetails, PaymentService payments,
                                JdbcTemplate jdbc, CurrentUser currentUser) {
        this.desk = desk;
        this.bankDetails = bankDetails;
        this.payments = payments;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The payee as the payment order names it. */
    public record Payee(String name, String siret, String rna, String addressLine, String postalCode, String commune) {
    }

    /** The event that made the installment payable (null at: not yet). */
    public record Condition(String event, Instant at) {
    }

    public record Checklist(FinanceDesk.Row row, Installment installment, Condition condition,
                            BankDetailsCheck.Result bank, Payee payee, List<FinanceDesk.Row> schedule,
                            boolean canPrepare, boolean canValidate, boolean ownLiquidation) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public Checklist of(Long installmentId) {
        FinanceDesk.Row row = desk.row(installmentId);
        if (row == null) {
            throw NotFoundException.notYours();
        }
        Installment installment = payments.get(installmentId);
        Map<String, Object> s = jdbc.queryForMap("SELECT s.name, s.siret, s.rna, s.address_line, s.postal_code, "
                + "s.commune FROM structure s JOIN application a ON a.structure_id = s.id WHERE a.id = ?",
                row.applicationId());
        Payee payee = new Payee((String) s.get("name"), (String) s.get("siret"), (String) s.get("rna"),
                (String) s.get("address_line"), (String) s.get("postal_code"), (String) s.get("commune"));
        BankDetailsCheck.Result bank = bankDetails.ofApplication(row.applicationId());
        boolean own = currentUser.username().equals(installment.getPreparedBy());
        boolean canPrepare = installment.getStatus() == Installment.Status.SCHEDULED && row.payableSince() != null
                && bank.ok();
        boolean canValidate = installment.getStatus() == Installment.Status.PREPARED && !own;
        return new Checklist(row, installment, condition(installment, row), bank, payee,
                desk.schedule(installmentId), canPrepare, canValidate, own);
    }

    private Condition condition(Installment i, FinanceDesk.Row row) {
        if (i.getKind() == Installment.Kind.BALANCE || i.getGrantYear() > 1) {
            int year = i.getKind() == Installment.Kind.BALANCE ? i.getGrantYear() : i.getGrantYear() - 1;
            Instant at = first("SELECT reviewed_at FROM report WHERE agreement_id = ? AND grant_year = ? "
                    + "AND status = 'VALIDATED'", i.getAgreementId(), year);
            return new Condition("Compte-rendu financier de l'année " + year + " validé", at);
        }
        if (row.arrete()) {
            Instant at = first("SELECT MIN(occurred_at) FROM audit_event WHERE application_id = ? "
                    + "AND action = 'ARRETE_IN_FORCE'", i.getApplicationId());
            return new Condition("Arrêté attributif en vigueur (notifié à la structure)", at);
        }
        Instant at = first("SELECT countersigned_at FROM agreement WHERE id = ?", i.getAgreementId());
        return new Condition("Convention contresignée par le Département", at);
    }

    private Instant first(String sql, Object... args) {
        List<Timestamp> found = jdbc.queryForList(sql, Timestamp.class, args);
        return found.isEmpty() || found.get(0) == null ? null : found.get(0).toInstant();
    }
}
