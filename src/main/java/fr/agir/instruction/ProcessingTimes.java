package fr.agir.instruction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long each step of a campaign's applications takes, from the engine's history: median and 90th
 * percentile in days per step, and the team's overdue steps.
 *
 * <p>The percentiles are computed by the database in one grouped query over the engine's history tables
 * (its finished tasks, through their process instance's business key, the application's reference), not
 * by loading every finished task through the engine's query API in chunks of business keys: at 16× data that
 * was most of the steering dashboard's second (docs/PERFORMANCE.md, "Steering").
 */
@Service
public class ProcessingTimes {
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000L);

    /**
     * Nearest-rank percentiles ({@code PERCENTILE_DISC}: the first duration whose cumulative share reaches
     * the percentage), per step, in the order the steps were first reached; the step's name is its first
     * task's (the first row by start time: its start is the step's first; not {@code MIN() OVER}, which MariaDB
     * recomputes for every row of the partition — 7 s at 16×). Window functions, so the same SQL runs on MariaDB
     * and on the embedded H2.
     */
    private static final String STEPS = """
            SELECT task_key, name, finished, median_ms, p90_ms FROM (
              SELECT t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS name,
                COUNT(*) OVER (PARTITION BY t.TASK_DEF_KEY_) AS finished,
                PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.DURATION_) OVER (PARTITION BY t.TASK_DEF_KEY_) AS median_ms,
                PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY t.DURATION_) OVER (PARTITION BY t.TASK_DEF_KEY_) AS p90_ms,
                ROW_NUMBER() OVER (PARTITION BY t.TASK_DEF_KEY_ ORDER BY t.START_TIME_, t.ID_) AS nth,
                t.START_TIME_ AS first_start
              FROM application a
              JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = %s
              JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = p.ID_
              WHERE a.campaign_id = ? AND t.END_TIME_ IS NOT NULL AND t.DURATION_ IS NOT NULL
            ) steps WHERE nth = 1 ORDER BY first_start, task_key""";
    /**
     * On MariaDB the engine's tables are utf8mb3 (binary collation) and Agir's utf8mb4: compared as they are, the
     * business key is converted and its index ({@code ACT_IDX_HI_PRO_I_BUSKEY}) cannot serve, so every historic
     * process instance is scanned. The reference converted to the engine's character set keeps the index.
     */
    private static final String MARIADB_KEY = "CONVERT(a.reference USING utf8mb3) COLLATE utf8mb3_bin";

    private final JdbcTemplate jdbc;
    private final InstructionQueue queue;
    private volatile String steps;

    public ProcessingTimes(JdbcTemplate jdbc, InstructionQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    public record StepTimes(String taskKey, String step, int finished, BigDecimal medianDays, BigDecimal p90Days) {
    }

    public record Dashboard(Long campaignId, List<StepTimes> steps, List<InstructionQueue.Item> overdue) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Dashboard of(Long campaignId) {
        InstructionQueue.Filter overdue = new InstructionQueue.Filter(campaignId, null, null, null, null, null, true,
                null, InstructionQueue.Sort.DEADLINE);
        return new Dashboard(campaignId, steps(campaignId), queue.queue(overdue, 0, 200).items());
    }

    /** The finished steps' times alone (the steering dashboard's chart), without the team's overdue list. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<StepTimes> steps(Long campaignId) {
        return jdbc.query(stepsSql(), (rs, i) -> new StepTimes(rs.getString(1), rs.getString(2), rs.getInt(3),
                days(rs.getLong(4)), days(rs.getLong(5))), campaignId);
    }

    private String stepsSql() {
        if (steps == null) {
            String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
            boolean mariaDb = product != null && (product.contains("MariaDB") || product.contains("MySQL"));
            steps = STEPS.formatted(mariaDb ? MARIADB_KEY : "a.reference");
        }
        return steps;
    }

    private static BigDecimal days(long millis) {
        return BigDecimal.valueOf(millis).divide(MILLIS_PER_DAY, 1, RoundingMode.HALF_UP);
    }
}
