package fr.agir.integration;

import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API of other systems (docs/INTEGRATION.md), called with a client-credentials token of a
 * system client of the Keycloak realm; each route needs one scope ({@code SCOPE_…} authority). Only
 * public facts: references, campaigns, statuses, years, amounts and dates — never a bank detail, an
 * opinion, a juror, a score, a reviewer's reason nor a person's name. The finance software reads its
 * payment orders (with the payees' bank details, which it pays) on /api/payment-orders with
 * {@code payments:read} and posts its return on /api/payment-orders/returns with {@code payments:write}.
 * Cross-cutting like webhook: it reads the tables and knows no capability's classes.
 */
@RestController
@Tag(name = "Systèmes", description = "API des autres systèmes du Département (jetons client_credentials)")
@SecurityRequirement(name = "bearer")
public class SystemApi {
    private static final Set<String> INSTALLMENT_STATUSES = Set.of("SCHEDULED", "PREPARED", "VALIDATED", "PAID",
            "CANCELLED");
    private static final Set<String> REPORT_STATUSES = Set.of("EXPECTED", "SUBMITTED", "RETURNED", "VALIDATED",
            "RECOVERY");
    private final JdbcTemplate jdbc;

    public SystemApi(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Amount(int grantYear, BigDecimal amount) {
    }

    public record ApplicationFacts(Long id, String reference, String title, String status, Instant submittedAt,
                                   String campaignCode, String campaignName, String decisionOutcome,
                                   String deliberationNumber, LocalDate deliberationDate, List<Amount> amountsDecided) {
    }

    public record InstallmentFacts(Long id, Long applicationId, String applicationReference, Long agreementId,
                                   int grantYear, String kind, BigDecimal amount, String status,
                                   String paymentOrderNumber, Instant paidAt) {
    }

    public record ReportFacts(Long id, Long applicationId, String applicationReference, int grantYear, String status,
                              LocalDate dueDate, Instant submittedAt, Instant reviewedAt) {
    }

    @GetMapping("/api/systems/applications/{reference}")
    @PreAuthorize("hasAuthority('SCOPE_applications:read')")
    @Transactional(readOnly = true)
    @Operation(summary = "Faits publics d'une candidature (scope applications:read)",
            description = "Référence, campagne, statut, décision de la Commission permanente et montants décidés.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"id": 42, "reference": "AAP-2026-0042", "title": "Recyclerie solidaire", "status": "GRANTED",
             "submittedAt": "2026-03-02T09:14:00Z", "campaignCode": "AAP-2026", "campaignName": "Appel à Agir 2026",
             "decisionOutcome": "ADOPTED", "deliberationNumber": "CP-2026-11-043", "deliberationDate": "2026-11-16",
             "amountsDecided": [{"grantYear": 1, "amount": 27000.00}]}""")))
    @ApiResponse(responseCode = "404", description = "Aucune candidature déposée sous cette référence",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true),
                    examples = @ExampleObject(value = """
            {"type": "urn:agir:probleme:introuvable", "title": "Introuvable", "status": 404,
             "detail": "Aucune candidature déposée sous la référence AAP-2026-9999."}""")))
    public ApplicationFacts application(@PathVariable String reference) {
        List<Map<String, Object>> rows = jdbc.queryForList("select a.id, a.reference, a.title, a.status, a.submitted_at, "
                + "c.code, c.name, d.outcome, d.deliberation_number, d.deliberation_date from application a "
                + "join campaign c on c.id = a.campaign_id "
                + "left join decision d on d.application_id = a.id and d.superseded_at is null "
                + "where a.reference = ? and a.status <> 'DRAFT'", reference);
        if (rows.isEmpty()) {
            throw new NotFoundException("Aucune candidature déposée sous la référence " + reference + ".");
        }
        Map<String, Object> r = rows.get(0);
        Long id = ((Number) r.get("id")).longValue();
        List<Amount> amounts = jdbc.query("select grant_year, amount from application_amount where application_id = ? "
                + "and kind = 'GRANTED' order by grant_year", (rs, n) -> new Amount(rs.getInt(1), rs.getBigDecimal(2)), id);
        return new ApplicationFacts(id, (String) r.get("reference"), (String) r.get("title"), (String) r.get("status"),
                instant(r.get("submitted_at")), (String) r.get("code"), (String) r.get("name"),
                (String) r.get("outcome"), (String) r.get("deliberation_number"), day(r.get("deliberation_date")),
                amounts);
    }

    @GetMapping("/api/systems/installments")
    @PreAuthorize("hasAuthority('SCOPE_payments:read')")
    @Transactional(readOnly = true)
    @Operation(summary = "Échéances de paiement, les plus récentes d'abord (scope payments:read)",
            description = "Sans coordonnées bancaires. Filtre facultatif par statut (PAID, VALIDATED…) ; 500 au plus.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            [{"id": 7, "applicationId": 42, "applicationReference": "AAP-2026-0042", "agreementId": 5, "grantYear": 1,
              "kind": "ADVANCE", "amount": 18900.00, "status": "PAID", "paymentOrderNumber": "M-2026-000123",
              "paidAt": "2026-12-04T10:00:00Z"}]""")))
    @ApiResponse(responseCode = "422", description = "Statut inconnu", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    public List<InstallmentFacts> installments(
            @Parameter(description = "SCHEDULED, PREPARED, VALIDATED, PAID ou CANCELLED")
            @RequestParam(required = false) String status) {
        if (status != null && !INSTALLMENT_STATUSES.contains(status)) {
            throw new InvalidInputException("Statut d'échéance inconnu : " + status + ".", Map.of("status",
                    "Valeurs possibles : " + String.join(", ", INSTALLMENT_STATUSES.stream().sorted().toList())));
        }
        return jdbc.query("select i.id, i.application_id, a.reference, i.agreement_id, i.grant_year, i.kind, i.amount, "
                + "i.status, i.payment_order_number, i.paid_at from installment i join application a "
                + "on a.id = i.application_id where (? is null or i.status = ?) order by i.id desc limit 500",
                (rs, n) -> new InstallmentFacts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                        instant(rs.getTimestamp(10))), status, status);
    }

    @GetMapping("/api/systems/reports")
    @PreAuthorize("hasAuthority('SCOPE_reports:read')")
    @Transactional(readOnly = true)
    @Operation(summary = "Comptes rendus financiers attendus et remis, les plus récents d'abord (scope reports:read)",
            description = "Statut et dates seulement : ni le contenu du compte rendu ni le motif de l'examen. 500 au plus.")
    public List<ReportFacts> reports(@RequestParam(required = false) String status) {
        if (status != null && !REPORT_STATUSES.contains(status)) {
            throw new InvalidInputException("Statut de compte rendu inconnu : " + status + ".", Map.of("status",
                    "Valeurs possibles : " + String.join(", ", REPORT_STATUSES.stream().sorted().toList())));
        }
        return jdbc.query("select r.id, r.application_id, a.reference, r.grant_year, r.status, r.due_date, "
                + "r.submitted_at, r.reviewed_at from report r join application a on a.id = r.application_id "
                + "where (? is null or r.status = ?) order by r.id desc limit 500",
                (rs, n) -> new ReportFacts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        day(rs.getDate(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))), status, status);
    }

    /** Stored times are UTC (see AuditCanonical). */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static LocalDate day(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value instanceof LocalDate d ? d : null;
    }
}
