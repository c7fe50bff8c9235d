package fr.agir.payment.credit;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.BindingCommitments;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.jury.SessionApplication.Nature;
import fr.agir.payment.Installment;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.TimeConfig;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget credits (issue 17): per campaign and part an authorisation of commitment (AE) with its budget
 * imputation, per budget year the payment credits (CP). A grant that becomes binding is committed against
 * the AE ({@link #commit}); a payment validated by the second finance officer consumes the CP of its year
 * ({@link #consume}). Both are refused one cent beyond the credit, with the figures; the credit's row is
 * locked (select … for update) while checking, so two concurrent steps cannot both take its last euros.
 * A consumption counts while its installment is validated or paid: a cancelled or returned one releases it.
 */
@Service
public class CreditService implements BindingCommitments {
    static final String AE = "CREDIT_AE";
    static final String CP = "CREDIT_CP";
    static final String COMMITMENT = "COMMITMENT";
    /** The installment statuses whose consumption no longer counts (not yet validated, or cancelled). */
    private static final String NOT_COUNTED = "('SCHEDULED','PREPARED','CANCELLED')";

    private final JdbcTemplate jdbc;
    private final ApplicationService applications;
    private final CampaignService campaigns;
    private final GrantPart parts;
    private final CreditProperties properties;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entities;

    public CreditService(JdbcTemplate jdbc, ApplicationService applications, CampaignService campaigns,
                         GrantPart parts, CreditProperties properties, AuditTrail audit, CurrentUser currentUser,
                         Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.campaigns = campaigns;
        this.parts = parts;
        this.properties = properties;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---- commitments (AE)

    /** The act became binding: its total is committed against its campaign part's AE (again: its new total). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void commit(Agreement act) {
        record(act.getApplicationId(), act.getId(), Money.euros(act.getTotalAmount(), "amount"), true);
    }

    /**
     * An avenant or a délibération modificative changed the grant: its commitment follows the act's total in
     * force (a withdrawn grant keeps only what was validated or paid). Nothing when the grant is not yet
     * binding. Raising it is checked against the AE like a commitment; lowering it frees AE.
     */
    @Transactional
    public void recommit(Long applicationId) {
        Optional<Map<String, Object>> existing = commitmentRow(applicationId);
        if (existing.isEmpty()) {
            return;
        }
        entities.flush(); // the caller's changes (cancelled installments, status) before the sums read them
        Application application = applications.get(applicationId);
        // The act's total as it stands: the voted amounts, changed by a délibération modificative or by the
        // last avenant in force (AmendmentService), which both rewrite agreement.total_amount.
        Long agreementId = ((Number) existing.get().get("agreement_id")).longValue();
        BigDecimal amount = application.getStatus() == ApplicationStatus.GRANT_WITHDRAWN
                ? counted("i.application_id = ?", applicationId)
                : jdbc.queryForObject("select total_amount from agreement where id = ?", BigDecimal.class, agreementId);
        record(applicationId, ((Number) existing.get().get("agreement_id")).longValue(), amount.setScale(2), false);
    }

    /** {@link #recommit} for the grant of an act: an avenant came into force (its installments followed it). */
    @Transactional
    public void recommitAct(Long agreementId) {
        recommit(jdbc.queryForObject("select application_id from agreement where id = ?", Long.class, agreementId));
    }

    private void record(Long applicationId, Long agreementId, BigDecimal amount, boolean binding) {
        entities.flush();
        Application application = applications.get(applicationId);
        Campaign campaign = campaigns.get(application.getCampaignId());
        Nature part = parts.of(applicationId);
        Optional<Map<String, Object>> ae = jdbc.queryForList(
                "select id, amount from credit_ae where campaign_id = ? and part = ? for update",
                campaign.getId(), part.name()).stream().findFirst();
        Optional<Map<String, Object>> existing = commitmentRow(applicationId);
        BigDecimal before = existing.map(r -> (BigDecimal) r.get("amount")).orElse(null);
        if (before != null && before.compareTo(amount) == 0) {
            return;
        }
        Long aeId = ae.map(r -> ((Number) r.get("id")).longValue()).orElse(null);
        String where = "campagne " + campaign.getCode() + ", " + part.label().toLowerCase(java.util.Locale.FRENCH);
        if (ae.isEmpty()) {
            if (properties.isRequired()) {
                throw new StateConflictException("Aucune autorisation d'engagement (AE) n'est ouverte (" + where
                        + ") : engagement " + Money.format(amount) + " impossible. Ouvrez l'AE sur la page "
                        + "« Crédits (AE/CP) » des finances avant de recommencer.");
            }
        } else if (before == null || amount.compareTo(before) > 0) {
            BigDecimal byOthers = jdbc.queryForObject("select coalesce(sum(amount), 0) from credit_commitment "
                    + "where ae_id = ? and application_id <> ?", BigDecimal.class, aeId, applicationId);
            CreditArithmetic.check("Autorisation d'engagement insuffisante (" + where + ")", "AE disponible",
                    "engagement", (BigDecimal) ae.get().get("amount"), byOthers, amount,
                    "Rien n'a été modifié : relevez l'AE sur la page « Crédits (AE/CP) » avant de recommencer.");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (existing.isEmpty()) {
            jdbc.update("insert into credit_commitment (application_id, agreement_id, ae_id, amount, committed_at, "
                    + "updated_at) values (?, ?, ?, ?, ?, ?)", applicationId, agreementId, aeId, amount, now, now);
        } else {
            jdbc.update("update credit_commitment set amount = ?, ae_id = ?, updated_at = ? where application_id = ?",
                    amount, aeId, now, applicationId);
        }
        audit.record(COMMITMENT, agreementId, applicationId,
                before == null ? AuditAction.COMMITMENT_RECORDED : AuditAction.COMMITMENT_CHANGED, null, null,
                (before == null ? "Engagement de " : "Engagement porté à ") + Money.format(amount)
                        + (before == null ? "" : " au lieu de " + Money.format(before)) + " (" + where
                        + (ae.isEmpty() ? ", hors AE : aucune AE ouverte" : "") + ")"
                        + (binding ? "" : " après modification de la subvention"));
    }

    private Optional<Map<String, Object>> commitmentRow(Long applicationId) {
        return jdbc.queryForList("select agreement_id, amount from credit_commitment where application_id = ?",
                applicationId).stream().findFirst();
    }

    // ---- consumption (CP)

    /**
     * The second officer validated the installment: its amount consumes the CP of the budget year (the
     * validation date's year) of its campaign part. One cent over: refused with the figures, and the caller's
     * transaction (the validation) rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(Installment installment) {
        // The sums below are SQL: the caller's pending changes first (several validations in one transaction).
        entities.flush();
        Application application = applications.get(installment.getApplicationId());
        Campaign campaign = campaigns.get(application.getCampaignId());
        Nature part = parts.of(application.getId());
        int year = LocalDate.now(clock.withZone(TimeConfig.PARIS)).getYear();
        BigDecimal amount = installment.getAmount().setScale(2);
        String where = "campagne " + campaign.getCode() + ", " + part.label().toLowerCase(java.util.Locale.FRENCH)
                + ", exercice " + year;
        Optional<Map<String, Object>> cp = jdbc.queryForList("select id, amount from credit_cp where campaign_id = ? "
                + "and part = ? and budget_year = ? for update", campaign.getId(), part.name(), year).stream().findFirst();
        Long cpId = cp.map(r -> ((Number) r.get("id")).longValue()).orElse(null);
        if (cp.isEmpty()) {
            if (properties.isRequired()) {
                throw new StateConflictException("Aucun crédit de paiement (CP) n'est ouvert (" + where + ") : paiement "
                        + Money.format(amount) + " impossible. Rien n'a été modifié : ouvrez les CP sur la page "
                        + "« Crédits (AE/CP) » avant de valider.");
            }
        } else {
            BigDecimal byOthers = jdbc.queryForObject("select coalesce(sum(c.amount), 0) from credit_consumption c "
                    + "join installment i on i.id = c.installment_id where c.cp_id = ? and i.status not in "
                    + NOT_COUNTED + " and c.installment_id <> ?", BigDecimal.class, cpId, installment.getId());
            CreditArithmetic.check("Crédits de paiement insuffisants (" + where + ")", "CP disponibles", "paiement",
                    (BigDecimal) cp.get().get("amount"), byOthers, amount,
                    "Rien n'a été modifié : relevez les CP sur la page « Crédits (AE/CP) » avant de valider.");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.update("update credit_consumption set cp_id = ?, budget_year = ?, amount = ?, consumed_at = ? "
                + "where installment_id = ?", cpId, year, amount, now, installment.getId()) == 0) {
            jdbc.update("insert into credit_consumption (installment_id, cp_id, budget_year, amount, consumed_at) "
                    + "values (?, ?, ?, ?, ?)", installment.getId(), cpId, year, amount, now);
        }
    }

    /** The consumption of the installments matching {@code condition} that still counts. */
    private BigDecimal counted(String condition, Object arg) {
        return jdbc.queryForObject("select coalesce(sum(c.amount), 0) from credit_consumption c join installment i "
                + "on i.id = c.installment_id where i.status not in " + NOT_COUNTED + " and " + condition,
                BigDecimal.class, arg);
    }

    // ---- setting the credits

    /** Opens or changes a campaign part's AE and its imputation; never below what is committed on it. */
    @Transactional
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public void setAe(Long campaignId, Nature part, BigDecimal amount, String chapter, String article,
                      String function) {
        Campaign campaign = campaigns.get(campaignId);
        BigDecimal euros = Money.euros(amount, "amount");
        CreditProperties.Imputation imputation = properties.defaultImputation(part);
        String c = code(chapter, imputation.chapter(), "chapter");
        String a = code(article, imputation.article(), "article");
        String f = code(function, imputation.function(), "function");
        Optional<Map<String, Object>> row = jdbc.queryForList("select id, amount from credit_ae where campaign_id = ? "
                + "and part = ? for update", campaignId, part.name()).stream().findFirst();
        String what = "L'AE (campagne " + campaign.getCode() + ", " + part.label().toLowerCase(java.util.Locale.FRENCH) + ")";
        Timestamp now = Timestamp.from(Instant.now(clock));
        Long id;
        if (row.isPresent()) {
            id = ((Number) row.get().get("id")).longValue();
            CreditArithmetic.checkNotBelowUsed(what, euros, jdbc.queryForObject("select coalesce(sum(amount), 0) "
                    + "from credit_commitment where ae_id = ?", BigDecimal.class, id), "engagé");
            jdbc.update("update credit_ae set amount = ?, chapter = ?, article = ?, function_code = ?, updated_at = ?, "
                    + "updated_by = ?, version = version + 1 where id = ?", euros, c, a, f, now, currentUser.username(), id);
        } else {
            jdbc.update("insert into credit_ae (campaign_id, part, chapter, article, function_code, amount, updated_at, "
                    + "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)", campaignId, part.name(), c, a, f, euros, now,
                    currentUser.username());
            id = jdbc.queryForObject("select id from credit_ae where campaign_id = ? and part = ?", Long.class,
                    campaignId, part.name());
        }
        audit.record(AE, id, null, AuditAction.CREDIT_SET, null, null, what + " : " + Money.format(euros)
                + row.map(r -> " au lieu de " + Money.format((BigDecimal) r.get("amount"))).orElse(" (ouverture)")
                + ", imputation " + c + " / " + a + " / " + f);
    }

    /** Opens or changes a campaign part's CP for a budget year; never below what is consumed on it. */
    @Transactional
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public void setCp(Long campaignId, Nature part, int budgetYear, BigDecimal amount) {
        Campaign campaign = campaigns.get(campaignId);
        BigDecimal euros = Money.euros(amount, "amount");
        if (budgetYear < 2000 || budgetYear > 2100) {
            throw new InvalidInputException("L'exercice budgétaire est une année, par exemple 2026.",
                    Map.of("budgetYear", "Année sur quatre chiffres, par exemple 2026"));
        }
        Optional<Map<String, Object>> row = jdbc.queryForList("select id, amount from credit_cp where campaign_id = ? "
                + "and part = ? and budget_year = ? for update", campaignId, part.name(), budgetYear).stream().findFirst();
        String what = "Les CP (campagne " + campaign.getCode() + ", " + part.label().toLowerCase(java.util.Locale.FRENCH)
                + ", exercice " + budgetYear + ")";
        Timestamp now = Timestamp.from(Instant.now(clock));
        Long id;
        if (row.isPresent()) {
            id = ((Number) row.get().get("id")).longValue();
            CreditArithmetic.checkNotBelowUsed(what, euros, counted("c.cp_id = ?", id), "consommé");
            jdbc.update("update credit_cp set amount = ?, updated_at = ?, updated_by = ?, version = version + 1 "
                    + "where id = ?", euros, now, currentUser.username(), id);
        } else {
            jdbc.update("insert into credit_cp (campaign_id, part, budget_year, amount, updated_at, updated_by) "
                    + "values (?, ?, ?, ?, ?, ?)", campaignId, part.name(), budgetYear, euros, now, currentUser.username());
            id = jdbc.queryForObject("select id from credit_cp where campaign_id = ? and part = ? and budget_year = ?",
                    Long.class, campaignId, part.name(), budgetYear);
        }
        audit.record(CP, id, null, AuditAction.CREDIT_SET, null, null, what + " : " + Money.format(euros)
                + row.map(r -> " au lieu de " + Money.format((BigDecimal) r.get("amount"))).orElse(" (ouverture)"));
    }

    private static String code(String typed, String fallback, String field) {
        String value = typed == null || typed.isBlank() ? fallback : typed.strip();
        if (!value.matches("[0-9A-Za-z]{1,10}")) {
            throw new InvalidInputException("Une imputation s'écrit en chiffres (par exemple 65 / 6574 / 93).",
                    Map.of(field, "Chiffres seulement, 10 au plus"));
        }
        return value;
    }

    // ---- the page's figures

    /** One AE: voted, committed, available, with its imputation. */
    public record AeLine(Long campaignId, String campaignCode, String campaignName, Nature part, String imputation,
                         BigDecimal voted, BigDecimal committed) {
        public BigDecimal available() {
            return CreditArithmetic.available(voted, committed);
        }
    }

    /** One year's CP: voted, consumed (validated + paid), of which paid, available. */
    public record CpLine(Long campaignId, String campaignCode, String campaignName, Nature part, int budgetYear,
                         BigDecimal voted, BigDecimal consumed, BigDecimal paid) {
        public BigDecimal available() {
            return CreditArithmetic.available(voted, consumed);
        }
    }

    public record Overview(List<AeLine> ae, List<CpLine> cp) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public Overview overview() {
        List<AeLine> ae = jdbc.query("""
                select a.campaign_id, c.code, c.name, a.part, a.chapter, a.article, a.function_code, a.amount,
                       (select coalesce(sum(m.amount), 0) from credit_commitment m where m.ae_id = a.id) committed
                from credit_ae a join campaign c on c.id = a.campaign_id
                order by c.opening_date desc, c.id desc, a.part desc""", (rs, n) -> new AeLine(rs.getLong(1),
                rs.getString(2), rs.getString(3), Nature.valueOf(rs.getString(4)),
                rs.getString(5) + " / " + rs.getString(6) + " / " + rs.getString(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9).setScale(2)));
        List<CpLine> cp = jdbc.query("""
                select p.campaign_id, c.code, c.name, p.part, p.budget_year, p.amount,
                       (select coalesce(sum(x.amount), 0) from credit_consumption x join installment i
                          on i.id = x.installment_id where x.cp_id = p.id and i.status not in """ + NOT_COUNTED + """
                       ) consumed,
                       (select coalesce(sum(x.amount), 0) from credit_consumption x join installment i
                          on i.id = x.installment_id where x.cp_id = p.id and i.status = 'PAID') paid
                from credit_cp p join campaign c on c.id = p.campaign_id
                order by c.opening_date desc, c.id desc, p.part desc, p.budget_year""", (rs, n) -> new CpLine(
                rs.getLong(1), rs.getString(2), rs.getString(3), Nature.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7).setScale(2), rs.getBigDecimal(8).setScale(2)));
        return new Overview(ae, cp);
    }

    /** The campaigns a credit can be opened for, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public List<Campaign> campaigns() {
        return campaigns.all();
    }

    /** A grant's budget part and the imputation its payment orders carry. */
    public record Imputed(Nature part, CreditProperties.Imputation imputation) {
    }

    /**
     * The budget part of a grant ({@link GrantPart}) and its imputation: the one of its campaign part's AE, else
     * the configured default of the part ({@code agir.finance.imputation.*}). The payment orders' export uses it,
     * so a payment is imputed where its commitment was.
     */
    @Transactional(readOnly = true)
    public Imputed imputationOf(Long applicationId) {
        Nature part = parts.of(applicationId);
        Long campaignId = applications.get(applicationId).getCampaignId();
        CreditProperties.Imputation imputation = jdbc.query("select chapter, article, function_code from credit_ae "
                        + "where campaign_id = ? and part = ?",
                (rs, i) -> new CreditProperties.Imputation(rs.getString(1), rs.getString(2), rs.getString(3)),
                campaignId, part.name()).stream().findFirst().orElseGet(() -> properties.defaultImputation(part));
        return new Imputed(part, imputation);
    }

    /** The default imputation of each part (the forms' help). */
    public CreditProperties.Imputation defaultImputation(Nature part) {
        return properties.defaultImputation(part);
    }

    /** The budget year a validation made now consumes. */
    public int currentBudgetYear() {
        return LocalDate.now(clock.withZone(TimeConfig.PARIS)).getYear();
    }
}
