package fr.agir.payment.desk;

import fr.agir.payment.Installment;
import fr.agir.shared.RecentValues;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The finance officers' lists, in SQL: one page of one tab (status), filtered, with the counts of every
 * tab and the 60-day clock of each row (days from {@code payable_since} to the payment, or to now).
 * Reads installments with their application, structure (name only), campaign and act: never a case
 * file's piece, an opinion or the jury.
 */
@Service
public class FinanceDesk {
    /** Statutory delay (loi 2000-321 art. 10 as amended by loi 2021-875) and when the list warns. */
    public static final int DELAY_DAYS = 60;
    public static final int NEAR_DAYS = 45;

    public enum Tab {
        READY("a-liquider", "À liquider",
                "i.status = 'SCHEDULED' AND i.payable_since IS NOT NULL AND i.return_reason IS NULL"),
        AWAITING("a-valider", "À valider", "i.status = 'PREPARED'"),
        RETURNED("renvoyees", "Renvoyées en liquidation", "i.status = 'SCHEDULED' AND i.return_reason IS NOT NULL"),
        VALIDATED("validees", "Validées, mandat en cours", "i.status IN ('VALIDATED', 'EXPORTED')"),
        PAID("payees", "Payées", "i.status = 'PAID'");

        private final String slug;
        private final String label;
        private final String where;

        Tab(String slug, String label, String where) {
            this.slug = slug;
            this.label = label;
            this.where = where;
        }

        public String slug() {
            return slug;
        }

        public String label() {
            return label;
        }

        public static Tab of(String slug) {
            for (Tab tab : values()) {
                if (tab.slug.equals(slug)) {
                    return tab;
                }
            }
            return READY;
        }
    }

    /** The budget part of the grant (fonctionnement / investissement), as the credits impute it. */
    public enum Part {
        OPERATING("Fonctionnement"), INVESTMENT("Investissement");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Near: 45 days or more; past: more than 60 days. */
    public enum Delay { NEAR, PAST }

    public record Filter(Long campaignId, Integer budgetYear, Integer grantYear, BigDecimal minAmount,
                         BigDecimal maxAmount, Delay delay, Part part) {
    }

    /** One installment of a list. */
    public record Row(Long id, Long applicationId, String reference, String structureName, String agreementNumber,
                      boolean arrete, Installment.Kind kind, int grantYear, int budgetYear, BigDecimal amount,
                      Installment.Status status, String preparedBy, String returnReason, String orderNumber,
                      Instant paidAt, Instant payableSince, Integer days, String campaignName, Part part,
                      Long bordereauId, Integer bordereauNumber, Integer bordereauYear, Integer pieceNumber,
                      java.time.LocalDate paymentDate) {
        /** Validated and not yet in a bordereau: it leaves with the next « Générer les bordereaux du jour ». */
        public boolean waitingForBordereau() {
            return status == Installment.Status.VALIDATED && bordereauId == null;
        }

        public String partLabel() {
            return part.label();
        }

        /** "J+45": days since the condition was met (to the payment once paid); null before. */
        public String clock() {
            return days == null ? null : "J+" + days;
        }

        public boolean late() {
            return days != null && days > DELAY_DAYS;
        }

        public boolean near() {
            return days != null && days >= NEAR_DAYS && days <= DELAY_DAYS;
        }

        public String kindLabel() {
            return kind.label();
        }
    }

    public record Result(List<Row> rows, long total, Map<Tab, Long> counts) {
    }

    /** Median and 90th percentile of the payment delay of a campaign's paid installments, in days. */
    public record DelayFigure(Long campaignId, String campaignName, long paid, BigDecimal median, BigDecimal p90,
                              long late) {
    }

    /** The payment order of an exported installment (payment/order's tables), null columns before the export. */
    private static final String ORDER_JOIN = "LEFT JOIN payment_order po ON po.installment_id = i.id "
            + "LEFT JOIN bordereau b ON b.id = po.bordereau_id ";
    private static final String FROM = " FROM installment i JOIN application a ON a.id = i.application_id "
            + "JOIN structure s ON s.id = a.structure_id JOIN campaign c ON c.id = a.campaign_id "
            + "JOIN agreement ag ON ag.id = i.agreement_id " + ORDER_JOIN;
    /** Calendar days from payable to paid (or now): TIMESTAMPDIFF on dates, which MariaDB and H2 both read. */
    private static final String DAYS = days("COALESCE(i.paid_at, :now)");
    /** The grant's part, by the credits' own rule ({@code GrantPart.sql}): a filter in the WHERE, pagination right. */
    static final String PART = fr.agir.payment.credit.GrantPart.sql("i.application_id");
    private static final String SELECT = "SELECT i.id, i.application_id, a.reference, s.name, ag.agreement_number, "
            + "ag.instrument, i.kind, i.grant_year, YEAR(c.opening_date) + i.grant_year - 1, i.amount, i.status, "
            + "i.prepared_by, i.return_reason, i.payment_order_number, i.paid_at, i.payable_since, " + DAYS
            + ", c.name, " + PART + ", b.id, b.bordereau_number, b.budget_year, po.piece_number, po.payment_date";

    static final Duration DELAY_FIGURES_KEPT = Duration.ofMinutes(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final RecentValues<Boolean, List<DelayFigure>> recentDelayFigures;

    private static String days(String until) {
        return "TIMESTAMPDIFF(DAY, CAST(i.payable_since AS DATE), CAST(" + until + " AS DATE))";
    }

    public FinanceDesk(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.recentDelayFigures = new RecentValues<>(clock, 1);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public Result list(Tab tab, Filter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(Instant.now(clock)));
        String where = filters(filter, params);
        String from = narrowFrom(filter);
        long offset = (long) Math.max(page, 0) * size;
        params.addValue("limit", size).addValue("offset", offset).addValue("upTo", offset + size);
        // The page's ids first, from the installments alone (and the tables the filters name), in the list's order
        // (payable_since, id, then those without a date): each half reads ix_installment_status_since in order
        // and stops at the page's end, instead of joining and sorting every installment of the tab (issue 21).
        String tabWhere = "WHERE " + tab.where + where;
        List<Long> ids = jdbc.queryForList("SELECT x.id FROM ("
                + "(SELECT i.id, 0 AS undated, i.payable_since AS since" + from + tabWhere
                + " AND i.payable_since IS NOT NULL ORDER BY i.payable_since, i.id LIMIT :upTo)"
                + " UNION ALL (SELECT i.id, 1 AS undated, NULL AS since" + from + tabWhere
                + " AND i.payable_since IS NULL ORDER BY i.id LIMIT :upTo)"
                + ") x ORDER BY x.undated, x.since, x.id LIMIT :limit OFFSET :offset", params, Long.class);
        List<Row> rows = ids.isEmpty() ? List.of() : jdbc.query(SELECT + FROM + "WHERE i.id IN (:ids)"
                        + " ORDER BY i.payable_since IS NULL, i.payable_since, i.id",
                new MapSqlParameterSource("now", params.getValue("now")).addValue("ids", ids), FinanceDesk::row);
        // The counts of every tab, from the installments alone: the paid ones (most of them, and more every year)
        // counted on the index, the others by tab.
        Map<Tab, Long> counts = new EnumMap<>(Tab.class);
        StringBuilder cases = new StringBuilder("CASE");
        for (Tab t : Tab.values()) {
            if (t != Tab.PAID) {
                cases.append(" WHEN ").append(t.where).append(" THEN '").append(t.name()).append("'");
            }
        }
        cases.append(" END");
        jdbc.query("SELECT " + cases + " AS tab, COUNT(*)" + from + "WHERE i.status IN ('SCHEDULED', 'PREPARED', "
                + "'VALIDATED', 'EXPORTED')" + where + " GROUP BY tab UNION ALL SELECT 'PAID', COUNT(*)" + from + "WHERE "
                + Tab.PAID.where + where, params, rs -> {
            String name = rs.getString(1);
            if (name != null) {
                counts.merge(Tab.valueOf(name), rs.getLong(2), Long::sum);
            }
        });
        for (Tab t : Tab.values()) {
            counts.putIfAbsent(t, 0L);
        }
        return new Result(rows, counts.get(tab), counts);
    }

    /** The installments and only the tables the filters read (the campaign's, for its id and opening year). */
    private static String narrowFrom(Filter filter) {
        return filter.campaignId() == null && filter.budgetYear() == null ? " FROM installment i "
                : " FROM installment i JOIN application a ON a.id = i.application_id JOIN campaign c ON c.id = a.campaign_id ";
    }

    /**
     * Every installment of a tab and its filters, in the list's order, handed one by one as a JDBC cursor
     * reads them (fetch size {@value #EXPORT_FETCH_SIZE}): the exports write them as they come (issue 20).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public void each(Tab tab, Filter filter, java.util.function.Consumer<Row> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(Instant.now(clock)));
        String where = filters(filter, params);
        org.springframework.jdbc.core.JdbcTemplate cursor =
                new org.springframework.jdbc.core.JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        new NamedParameterJdbcTemplate(cursor).query(SELECT + FROM + "WHERE " + tab.where + where
                        + " ORDER BY i.payable_since IS NULL, i.payable_since, i.id", params,
                (ResultSet rs) -> consumer.accept(row(rs, 0)));
    }

    static final int EXPORT_FETCH_SIZE = 500;

    /** One installment, as the lists show it (404 through the caller when absent). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public Row row(Long installmentId) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(Instant.now(clock)))
                .addValue("id", installmentId);
        List<Row> rows = jdbc.query(SELECT + FROM + "WHERE i.id = :id", params, FinanceDesk::row);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The act's schedule: every installment of the agreement or arrêté, in order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public List<Row> schedule(Long installmentId) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(Instant.now(clock)))
                .addValue("id", installmentId);
        return jdbc.query(SELECT + FROM + "WHERE i.agreement_id = (SELECT agreement_id FROM installment WHERE id = :id) "
                + "ORDER BY i.grant_year, FIELD(i.kind, 'SINGLE', 'ADVANCE', 'BALANCE')", params, FinanceDesk::row);
    }

    /**
     * {@link #delayFigures()} kept {@link #DELAY_FIGURES_KEPT} and computed by one caller at a time (issue 21:
     * they read every paid installment of every campaign, more each year, and move only when a payment comes
     * back); the page says when they were computed.
     */
    @PreAuthorize("hasRole('FINANCE')")
    public RecentValues.Stamped<List<DelayFigure>> recentDelayFigures() {
        return recentDelayFigures.get(Boolean.TRUE, DELAY_FIGURES_KEPT, this::computeDelayFigures);
    }

    /** Per campaign, the delay of its paid installments: median, 90th percentile, and how many past 60 days. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public List<DelayFigure> delayFigures() {
        return computeDelayFigures();
    }

    private List<DelayFigure> computeDelayFigures() {
        return jdbc.query("SELECT DISTINCT x.cid, c.name, COUNT(*) OVER (PARTITION BY x.cid), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.d) OVER (PARTITION BY x.cid), "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.d) OVER (PARTITION BY x.cid), "
                + "SUM(CASE WHEN x.d > " + DELAY_DAYS + " THEN 1 ELSE 0 END) OVER (PARTITION BY x.cid) "
                + "FROM (SELECT a.campaign_id AS cid, " + days("i.paid_at") + " AS d FROM installment i "
                + "JOIN application a ON a.id = i.application_id WHERE i.status = 'PAID' "
                + "AND i.payable_since IS NOT NULL AND i.paid_at IS NOT NULL) x JOIN campaign c ON c.id = x.cid "
                + "ORDER BY c.name", new MapSqlParameterSource(),
                (rs, n) -> new DelayFigure(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        scaled(rs.getBigDecimal(4)), scaled(rs.getBigDecimal(5)), rs.getLong(6)));
    }

    /** How many validated installments wait for the next bordereau (not yet in a payment order). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public long waitingForBordereau() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM installment i WHERE i.status = 'VALIDATED' "
                + "AND NOT EXISTS (SELECT 1 FROM payment_order o WHERE o.installment_id = i.id)",
                new MapSqlParameterSource(), Long.class);
        return n == null ? 0 : n;
    }

    /** Campaigns that have installments, for the filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public Map<String, String> campaignOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        jdbc.query("SELECT c.id, c.name FROM campaign c WHERE EXISTS (SELECT 1 FROM application a "
                + "JOIN installment i ON i.application_id = a.id WHERE a.campaign_id = c.id) ORDER BY c.opening_date DESC, c.id DESC",
                new MapSqlParameterSource(), rs -> {
                    options.put(String.valueOf(rs.getLong(1)), rs.getString(2));
                });
        return options;
    }

    private static String filters(Filter filter, MapSqlParameterSource params) {
        List<String> and = new ArrayList<>();
        if (filter.campaignId() != null) {
            and.add("a.campaign_id = :campaign");
            params.addValue("campaign", filter.campaignId());
        }
        if (filter.budgetYear() != null) {
            and.add("YEAR(c.opening_date) + i.grant_year - 1 = :budgetYear");
            params.addValue("budgetYear", filter.budgetYear());
        }
        if (filter.grantYear() != null) {
            and.add("i.grant_year = :grantYear");
            params.addValue("grantYear", filter.grantYear());
        }
        if (filter.minAmount() != null) {
            and.add("i.amount >= :minAmount");
            params.addValue("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            and.add("i.amount <= :maxAmount");
            params.addValue("maxAmount", filter.maxAmount());
        }
        if (filter.part() != null) {
            and.add(PART + " = :part");
            params.addValue("part", filter.part().name());
        }
        if (filter.delay() == Delay.NEAR) {
            and.add(DAYS + " >= " + NEAR_DAYS);
        } else if (filter.delay() == Delay.PAST) {
            and.add(DAYS + " > " + DELAY_DAYS);
        }
        return and.isEmpty() ? "" : " AND " + String.join(" AND ", and);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp paid = rs.getTimestamp(15);
        Timestamp since = rs.getTimestamp(16);
        Integer days = since == null ? null : rs.getInt(17);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                "ARRETE".equals(rs.getString(6)), Installment.Kind.valueOf(rs.getString(7)), rs.getInt(8), rs.getInt(9),
                rs.getBigDecimal(10), Installment.Status.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                rs.getString(14), paid == null ? null : paid.toInstant(), since == null ? null : since.toInstant(),
                days, rs.getString(18), Part.valueOf(rs.getString(19)), (Long) rs.getObject(20, Long.class),
                (Integer) rs.getObject(21, Integer.class), (Integer) rs.getObject(22, Integer.class),
                (Integer) rs.getObject(23, Integer.class), rs.getObject(24, java.time.LocalDate.class));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
