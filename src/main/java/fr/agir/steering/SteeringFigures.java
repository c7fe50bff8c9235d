package fr.agir.steering;

import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.instruction.ProcessingTimes;
import fr.agir.structure.Commune;
import fr.agir.structure.Ept;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering dashboard's figures for one campaign and across editions. Every figure is a grouped SQL
 * query over Agir's tables (a handful of rows per query, whatever the number of applications); only the
 * processing times come from the engine's history through {@link ProcessingTimes}.
 */
@Service
public class SteeringFigures {
    /** The stages an application has passed, for the funnel: each includes the next. */
    static final List<ApplicationStatus> ADMISSIBLE = List.of(ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.AWAITING_JURY, ApplicationStatus.AWAITING_VOTE, ApplicationStatus.REJECTED,
            ApplicationStatus.GRANTED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.CLOSED,
            ApplicationStatus.GRANT_WITHDRAWN);
    static final List<ApplicationStatus> INSTRUCTED = ADMISSIBLE.subList(1, ADMISSIBLE.size());
    static final List<ApplicationStatus> VOTED = ADMISSIBLE.subList(3, ADMISSIBLE.size());
    /** A grant: voted and not withdrawn. */
    static final List<ApplicationStatus> GRANTED = List.of(ApplicationStatus.GRANTED, ApplicationStatus.IN_PROGRESS,
            ApplicationStatus.CLOSED);
    static final String GRANTED_IN = "('GRANTED','IN_PROGRESS','CLOSED')";

    private final JdbcTemplate jdbc;
    private final CampaignService campaigns;
    private final ProcessingTimes processingTimes;

    public SteeringFigures(JdbcTemplate jdbc, CampaignService campaigns, ProcessingTimes processingTimes) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.processingTimes = processingTimes;
    }

    public record CampaignRef(long id, String code, String name) {
    }

    public record Count(String code, String label, long count) {
    }

    /** Applications, grants, requested and granted amounts of a group (a thematic, an EPT, a commune, an edition). */
    public record Group(String code, String label, long applications, long grants, BigDecimal requested,
                        BigDecimal granted) {
    }

    public record Amount(String code, String label, BigDecimal amount) {
    }

    public record Time(String step, long finished, BigDecimal medianDays, BigDecimal p90Days) {
    }

    public record Dashboard(CampaignRef campaign, List<CampaignRef> campaigns, List<Count> funnel,
                            List<Count> byStatus, List<Group> byThematic, List<Group> byEpt, List<Group> byCommune,
                            List<Amount> amounts, List<Time> times, List<Group> years) {
        /** The same figures with another list of campaigns (the selector's, read at each call). */
        public Dashboard withCampaigns(List<CampaignRef> list) {
            return new Dashboard(campaign, list, funnel, byStatus, byThematic, byEpt, byCommune, amounts, times, years);
        }
    }

    /** The campaigns, the latest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<CampaignRef> campaigns() {
        return campaigns.all().stream().map(c -> new CampaignRef(c.getId(), c.getCode(), c.getName())).toList();
    }

    /** The dashboard of a campaign (the latest when none or an unknown one is asked for); empty without any. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Optional<Dashboard> of(Long campaignId) {
        List<Campaign> all = campaigns.all();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Campaign c = all.stream().filter(x -> x.getId().equals(campaignId)).findFirst().orElse(all.get(0));
        long id = c.getId();
        List<Count> byStatus = byStatus(id);
        return Optional.of(new Dashboard(new CampaignRef(id, c.getCode(), c.getName()),
                all.stream().map(x -> new CampaignRef(x.getId(), x.getCode(), x.getName())).toList(),
                funnel(byStatus), byStatus, byThematic(id), byEpt(id), byCommune(id), amounts(c), times(id), years()));
    }

    private List<Count> byStatus(long campaignId) {
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM application WHERE campaign_id = ? AND status <> 'DRAFT' GROUP BY status",
                rs -> {
                    counts.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, campaignId);
        List<Count> result = new ArrayList<>();
        counts.forEach((s, n) -> result.add(new Count(s.name(), s.label(), n)));
        return result;
    }

    private static List<Count> funnel(List<Count> byStatus) {
        return List.of(new Count("DEPOSEES", "Déposées", sum(byStatus, null)),
                new Count("RECEVABLES", "Recevables", sum(byStatus, ADMISSIBLE)),
                new Count("INSTRUITES", "Instruites", sum(byStatus, INSTRUCTED)),
                new Count("VOTEES", "Votées", sum(byStatus, VOTED)),
                new Count("SUBVENTIONNEES", "Subventionnées", sum(byStatus, GRANTED)));
    }

    private static long sum(List<Count> byStatus, List<ApplicationStatus> among) {
        return byStatus.stream().filter(c -> among == null || among.contains(ApplicationStatus.valueOf(c.code())))
                .mapToLong(Count::count).sum();
    }

    // Applications, grants, requested (submitted ones) and granted (grants) amounts, grouped by a column.
    private static String grouped(String column, String joins, String where) {
        return "SELECT " + column + "," + GROUP_FIGURES + " FROM application a " + joins
                + " LEFT JOIN application_amount m ON m.application_id = a.id"
                + " WHERE a.status <> 'DRAFT' " + where + " GROUP BY " + column;
    }

    // Over application a LEFT JOIN application_amount m: one row per amount, so applications are counted distinct.
    private static final String GROUP_FIGURES = " COUNT(DISTINCT a.id),"
            + " COUNT(DISTINCT CASE WHEN a.status IN " + GRANTED_IN + " THEN a.id END),"
            + " COALESCE(SUM(CASE WHEN m.kind = 'REQUESTED' THEN m.amount END), 0),"
            + " COALESCE(SUM(CASE WHEN m.kind = 'GRANTED' AND a.status IN " + GRANTED_IN + " THEN m.amount END), 0)";

    private Map<String, Group> groups(String sql, Object... args) {
        Map<String, Group> result = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            String code = rs.getString(1);
            result.put(code == null ? "" : code, new Group(code, code, rs.getLong(2), rs.getLong(3),
                    rs.getBigDecimal(4), rs.getBigDecimal(5)));
        }, args);
        return result;
    }

    private static Group named(Group g, String code, String label) {
        return g == null ? new Group(code, label, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2))
                : new Group(code, label, g.applications(), g.grants(), g.requested(), g.granted());
    }

    private List<Group> byThematic(long campaignId) {
        Map<String, Group> found = groups(grouped("a.thematic", "", "AND a.campaign_id = ?"), campaignId);
        List<Group> result = new ArrayList<>();
        for (Thematic t : Thematic.values()) {
            result.add(named(found.remove(t.name()), t.name(), t.label()));
        }
        found.forEach((code, g) -> result.add(named(g, code, code.isEmpty() ? "Sans thématique" : code)));
        return result;
    }

    private List<Group> byEpt(long campaignId) {
        Map<String, Group> found = groups(grouped("s.ept", "JOIN structure s ON s.id = a.structure_id",
                "AND a.campaign_id = ?"), campaignId);
        List<Group> result = new ArrayList<>();
        for (Ept e : Ept.values()) {
            result.add(named(found.remove(e.name()), e.name(), e.label()));
        }
        found.forEach((code, g) -> result.add(named(g, code, "Hors Seine-Saint-Denis ou non renseigné")));
        return result;
    }

    /** The 40 communes by INSEE code (all of them, zeros included), then structures outside them. */
    private List<Group> byCommune(long campaignId) {
        Map<String, Group> found = groups(grouped("s.commune_insee", "JOIN structure s ON s.id = a.structure_id",
                "AND a.campaign_id = ?"), campaignId);
        List<Group> result = new ArrayList<>();
        for (Commune c : communes()) {
            result.add(named(found.remove(c.insee()), c.insee(), c.label()));
        }
        found.forEach((code, g) -> result.add(named(g, code, "Hors Seine-Saint-Denis ou non renseignée")));
        return result;
    }

    /** One commune per INSEE code, by name (Commune lists a merged commune under its former code too). */
    static List<Commune> communes() {
        Map<String, Commune> byCode = new LinkedHashMap<>();
        Commune.byName().forEach(c -> byCode.putIfAbsent(c.insee(), c));
        return List.copyOf(byCode.values());
    }

    private List<Amount> amounts(Campaign c) {
        long id = c.getId();
        Map<String, Object> kinds = jdbc.queryForMap("SELECT"
                + " COALESCE(SUM(CASE WHEN m.kind = 'REQUESTED' THEN m.amount END), 0) AS requested,"
                + " COALESCE(SUM(CASE WHEN m.kind = 'PROPOSED' THEN m.amount END), 0) AS proposed,"
                + " COALESCE(SUM(CASE WHEN m.kind = 'GRANTED' AND a.status IN " + GRANTED_IN + " THEN m.amount END), 0)"
                + " AS granted FROM application a JOIN application_amount m ON m.application_id = a.id"
                + " WHERE a.campaign_id = ? AND a.status <> 'DRAFT'", id);
        BigDecimal paid = jdbc.queryForObject("SELECT COALESCE(SUM(i.amount), 0) FROM installment i JOIN application a"
                + " ON a.id = i.application_id WHERE a.campaign_id = ? AND i.status = 'PAID'", BigDecimal.class, id);
        BigDecimal ae = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM credit_ae WHERE campaign_id = ?",
                BigDecimal.class, id);
        BigDecimal committed = jdbc.queryForObject("SELECT COALESCE(SUM(k.amount), 0) FROM credit_commitment k"
                + " JOIN application a ON a.id = k.application_id WHERE a.campaign_id = ?", BigDecimal.class, id);
        BigDecimal cp = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM credit_cp WHERE campaign_id = ?",
                BigDecimal.class, id);
        return List.of(
                new Amount("ENVELOPPE", "Enveloppe de l'appel", c.getEnvelopeOperating().add(c.getEnvelopeInvestment())),
                new Amount("DEMANDE", "Demandé", (BigDecimal) kinds.get("requested")),
                new Amount("PROPOSE", "Proposé à l'instruction", (BigDecimal) kinds.get("proposed")),
                new Amount("ATTRIBUE", "Attribué (voté)", (BigDecimal) kinds.get("granted")),
                new Amount("PAYE", "Payé", paid),
                new Amount("AE", "Autorisations d'engagement (AE)", ae),
                new Amount("ENGAGE", "Engagé sur les AE", committed),
                new Amount("CP", "Crédits de paiement (CP)", cp));
    }

    private List<Time> times(long campaignId) {
        return processingTimes.steps(campaignId).stream()
                .map(t -> new Time(t.step(), t.finished(), t.medianDays(), t.p90Days())).toList();
    }

    /** Every edition, the oldest first (year over year). */
    private List<Group> years() {
        List<Group> result = new ArrayList<>();
        jdbc.query("SELECT c.code, c.name," + GROUP_FIGURES
                + " FROM campaign c LEFT JOIN application a ON a.campaign_id = c.id AND a.status <> 'DRAFT'"
                + " LEFT JOIN application_amount m ON m.application_id = a.id"
                + " GROUP BY c.id, c.code, c.name, c.opening_date ORDER BY c.opening_date, c.id",
                rs -> {
                    result.add(new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                });
        return result;
    }
}
