package fr.agir.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a draft's budget lines ({@code budget_line}) and requested amounts ({@code application_amount}, kind
 * REQUESTED) as the difference between what is stored and what the applicant sent (issue 21, the autosave): one
 * query reads both, then at most one statement per table and kind of change (insert the new rows, update the
 * changed amounts, delete the rows no longer sent), nothing when nothing changed. What is stored afterwards is
 * exactly what was sent, as when every row was deleted and inserted again: a row is identified by its
 * application, year and code (or kind), the tables' unique keys.
 *
 * <p>Plain JDBC in the caller's transaction (the application row is locked by it, so two saves of one draft do
 * not interleave): no entity of these tables is loaded, so Hibernate holds none that could go stale. Callers must
 * not have loaded {@link BudgetLine} or REQUESTED {@link ApplicationAmount} entities in the same transaction.
 */
@Component
class DraftBudgetWriter {
    private static final String REQUESTED = AmountKind.REQUESTED.name();

    private final JdbcTemplate jdbc;

    DraftBudgetWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of either table: its year and its code (budget line) or kind (amount). */
    record Key(int year, String code) {
    }

    /**
     * Makes the stored budget of {@code applicationId} equal to {@code budgets}: each year's non-null lines, and
     * each year's non-null requested amount. A year sent twice: the last one counts.
     */
    void replace(long applicationId, List<YearBudget> budgets) {
        Map<Key, BigDecimal> lines = new LinkedHashMap<>();
        Map<Key, BigDecimal> requested = new LinkedHashMap<>();
        for (YearBudget budget : budgets) {
            lines.keySet().removeIf(k -> k.year() == budget.year());
            budget.lines().forEach((code, amount) -> {
                if (amount != null) {
                    lines.put(new Key(budget.year(), code.code()), amount);
                }
            });
            requested.remove(new Key(budget.year(), REQUESTED));
            if (budget.requestedAmount() != null) {
                requested.put(new Key(budget.year(), REQUESTED), budget.requestedAmount());
            }
        }
        Map<Key, BigDecimal> storedLines = new HashMap<>();
        Map<Key, BigDecimal> storedRequested = new HashMap<>();
        jdbc.query("select 'L', grant_year, code, amount from budget_line where application_id = ? "
                + "union all select 'A', grant_year, kind, amount from application_amount "
                + "where application_id = ? and kind = ?", rs -> {
            ("L".equals(rs.getString(1)) ? storedLines : storedRequested)
                    .put(new Key(rs.getInt(2), rs.getString(3)), rs.getBigDecimal(4));
        }, applicationId, applicationId, REQUESTED);
        write("budget_line", "code", applicationId, storedLines, lines);
        write("application_amount", "kind", applicationId, storedRequested, requested);
    }

    /**
     * The three statements of one table, each only if needed: rows are named by year and {@code codeColumn} (the
     * line's code, or the amount's kind).
     */
    private void write(String table, String codeColumn, long applicationId, Map<Key, BigDecimal> stored,
                        Map<Key, BigDecimal> wanted) {
        List<Map.Entry<Key, BigDecimal>> inserted = new ArrayList<>();
        List<Map.Entry<Key, BigDecimal>> updated = new ArrayList<>();
        for (Map.Entry<Key, BigDecimal> e : wanted.entrySet()) {
            BigDecimal before = stored.get(e.getKey());
            if (before == null) {
                inserted.add(e);
            } else if (before.compareTo(e.getValue()) != 0) {
                updated.add(e);
            }
        }
        List<Key> deleted = stored.keySet().stream().filter(k -> !wanted.containsKey(k)).toList();
        if (!inserted.isEmpty()) {
            StringJoiner values = new StringJoiner(", ");
            List<Object> args = new ArrayList<>();
            for (Map.Entry<Key, BigDecimal> e : inserted) {
                values.add("(?, ?, ?, ?)");
                args.addAll(List.of(applicationId, e.getKey().year(), e.getKey().code(), e.getValue()));
            }
            jdbc.update("insert into " + table + " (application_id, grant_year, " + codeColumn + ", amount) values "
                    + values, args.toArray());
        }
        if (!updated.isEmpty()) {
            StringBuilder cases = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (Map.Entry<Key, BigDecimal> e : updated) {
                cases.append(" when grant_year = ? and ").append(codeColumn).append(" = ? then ?");
                args.addAll(List.of(e.getKey().year(), e.getKey().code(), e.getValue()));
            }
            args.add(applicationId);
            jdbc.update("update " + table + " set amount = case" + cases + " else amount end where application_id = ? and "
                    + rows(codeColumn, updated.stream().map(Map.Entry::getKey).toList(), args), args.toArray());
        }
        if (!deleted.isEmpty()) {
            List<Object> args = new ArrayList<>(List.of(applicationId));
            jdbc.update("delete from " + table + " where application_id = ? and " + rows(codeColumn, deleted, args),
                    args.toArray());
        }
    }

    /** {@code ((grant_year = ? and code = ?) or …)} for these rows, their values added to {@code args}. */
    private static String rows(String codeColumn, List<Key> keys, List<Object> args) {
        StringJoiner rows = new StringJoiner(" or ", "(", ")");
        for (Key k : keys) {
            rows.add("(grant_year = ? and " + codeColumn + " = ?)");
            args.add(k.year());
            args.add(k.code());
        }
        return rows.toString();
    }
}
