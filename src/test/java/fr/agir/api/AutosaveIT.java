package fr.agir.api;

import static fr.agir.api.SqlStatementCounter.grouped;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portal's autosave ({@code PUT /api/applications/{id}/form}, issue 21): a save writes what changed and
 * nothing else, in a fixed number of SQL statements however many budget lines the draft has, and the draft read
 * back is what was sent. Sent as the portal sends it: the signed-in session's cookie and CSRF header. Statements
 * counted per request by {@link SqlStatementCounter}.
 */
@Import(SqlStatementCounter.class)
class AutosaveIT extends ApiTestSupport {
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private String session;
    private String csrfHeader;
    private String csrfToken;

    @BeforeEach
    void signIn() {
        session = signedInSession("porteur");
        String home = browser(session, HttpMethod.GET, "/portail", null).getBody();
        csrfToken = home.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\">.*", "$1");
        csrfHeader = home.replaceAll("(?s).*<meta name=\"_csrf_header\" content=\"([^\"]+)\">.*", "$1");
    }

    @Test
    void aSaveWritesOnlyWhatChangedAndTheDraftReadBackIsWhatWasSent() {
        Map<String, Object> campaign = openCampaign(30);
        Object structure = registerStructure("porteur").get("id");
        Object id = draft("porteur", campaign.get("id"), structure, 2,
                List.of(budget(1, 10000, 20000), budget(2, 12000, 22000))).get("id");
        Map<String, Object> data = formData(id);
        assertThat(data).containsKeys("budget1", "budget2").containsEntry("durationYears", "2");

        // One amount typed: the application's row (its date of update) and that line, nothing else.
        Map<String, Map<String, Object>> rowsBefore = rows(id);
        budget(data, 1).put("l64", 20100);
        List<String> oneAmount = save(id, data);
        assertThat(writes(oneAmount)).as(grouped(oneAmount)).containsExactlyInAnyOrder("update application",
                "update budget_line");
        Map<String, Map<String, Object>> rowsAfter = rows(id);
        assertThat(rowsAfter.keySet()).as("the same rows, none deleted and inserted again").isEqualTo(rowsBefore.keySet());
        rowsBefore.forEach((row, before) -> {
            if (!row.equals("budget_line 1 64")) {
                assertThat(rowsAfter.get(row)).as(row).isEqualTo(before);
            }
        });
        assertThat((BigDecimal) rowsAfter.get("budget_line 1 64").get("amount")).isEqualByComparingTo("20100");
        assertSameForm(formData(id), data);

        // Nothing typed since: the budget is not written at all.
        List<String> unchanged = save(id, data);
        assertThat(writes(unchanged)).as(grouped(unchanged)).containsExactly("update application");
        assertThat(rows(id)).isEqualTo(rowsAfter);

        // A line added, one changed, one removed, the amount requested changed: one statement for each.
        budget(data, 1).put("l62", 750);
        budget(data, 1).remove("l86");
        budget(data, 1).remove("l87");
        budget(data, 2).put("l60", 3100);
        budget(data, 2).put("l74_departement", 11500);
        budget(data, 2).put("l70", 22000 + 3000 - 11500);
        data.put("description", data.get("description") + ", et des ateliers");
        List<String> mixed = save(id, data);
        assertThat(writes(mixed)).as(grouped(mixed)).containsExactlyInAnyOrder("update application",
                "insert into budget_line", "update budget_line", "delete from budget_line", "update application_amount");
        assertSameForm(formData(id), data);
        assertThat(jdbc.queryForObject("select amount from application_amount where application_id = ? and grant_year = 2 "
                + "and kind = 'REQUESTED'", BigDecimal.class, id)).isEqualByComparingTo("11500");

        // The duration back to 1 year, the form no longer showing year 2: year 2's lines and amount go.
        data.put("durationYears", "1");
        data.remove("budget2");
        save(id, data);
        assertSameForm(formData(id), data);
        assertThat(count("select count(*) from budget_line where application_id = ? and grant_year = 2", id)).isZero();
        assertThat(count("select count(*) from application_amount where application_id = ? and grant_year = 2", id))
                .isZero();
        assertThat(count("select count(*) from application_amount where application_id = ? and grant_year = 1 "
                + "and kind = 'REQUESTED' and amount = 10000", id)).isOne();

        // The whole budget emptied, then typed again.
        data.remove("budget1");
        save(id, data);
        assertThat(count("select count(*) from budget_line where application_id = ?", id)).isZero();
        assertThat(count("select count(*) from application_amount where application_id = ?", id)).isZero();
        data.put("budget1", new LinkedHashMap<>(Map.of("l64", 9000, "l74_departement", 9000)));
        save(id, data);
        assertSameForm(formData(id), data);
        assertThat(count("select count(*) from application_amount where application_id = ? and grant_year = 1 "
                + "and kind = 'REQUESTED' and amount = 9000", id)).isOne();
    }

    @Test
    void aSaveRunsAsManyStatementsForOneBudgetLineAsForTwenty() {
        Map<String, Object> campaign = openCampaign(30);
        Object structure = registerStructure("porteur").get("id");
        Object small = draft("porteur", campaign.get("id"), structure, 1,
                List.of(Map.of("year", 1, "requestedAmount", 5000, "lines", Map.of("74-DEPARTEMENT", 5000)))).get("id");
        Object large = draft("porteur", campaign.get("id"), structure, 2,
                List.of(tenLines(1), tenLines(2))).get("id");
        assertThat(count("select count(*) from budget_line where application_id = ?", small)).isOne();
        assertThat(count("select count(*) from budget_line where application_id = ?", large)).isEqualTo(20);

        Map<String, Object> smallData = formData(small);
        Map<String, Object> largeData = formData(large);
        save(small, smallData);  // the first save of the session warms what is cached
        save(large, largeData);
        smallData.put("description", "Un mot de plus");
        budget(smallData, 1).put("l74_departement", 5100);
        List<String> few = save(small, smallData);
        largeData.put("description", "Un mot de plus");
        budget(largeData, 1).put("l74_departement", 5100);
        List<String> many = save(large, largeData);
        assertThat(many.size()).as("statements of a save, 1 line:\n%s\n20 lines:\n%s", grouped(few), grouped(many))
                .isEqualTo(few.size());

        // Every line and amount of both years typed again at once: still one statement for each table.
        for (int year = 1; year <= 2; year++) {
            budget(largeData, year).replaceAll((k, v) -> new BigDecimal(String.valueOf(v)).add(BigDecimal.ONE));
        }
        List<String> all = save(large, largeData);
        assertThat(writes(all)).as(grouped(all)).containsExactlyInAnyOrder("update application",
                "update budget_line", "update application_amount");
        assertThat(all.size()).as(grouped(all)).isEqualTo(few.size());
        assertSameForm(formData(large), largeData);
    }

    /** Ten lines of the Cerfa for one year, balanced, the Département's line the amount requested. */
    private static Map<String, Object> tenLines(int year) {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("60", 1000);
        lines.put("61", 2000);
        lines.put("62", 3000);
        lines.put("63", 500);
        lines.put("64", 20000);
        lines.put("65", 500);
        lines.put("70", 4000);
        lines.put("74-COMMUNE", 8000);
        lines.put("74-REGION", 5000);
        lines.put("74-DEPARTEMENT", 10000);
        return Map.of("year", year, "requestedAmount", 10000, "lines", lines);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> formData(Object id) {
        Map<String, Object> data = (Map<String, Object>) get("porteur", "/api/applications/" + id + "/form").get("data");
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.replaceAll((k, v) -> v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : v);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> budget(Map<String, Object> data, int year) {
        return (Map<String, Object>) data.get("budget" + year);
    }

    /** The autosave as the portal sends it; returns the SQL statements it ran. */
    private List<String> save(Object id, Map<String, Object> data) {
        String key = UUID.randomUUID().toString();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.add(csrfHeader, csrfToken);
        headers.add(SqlStatementCounter.HEADER, key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<Map<String, Object>> saved = http.exchange("/api/applications/" + id + "/form", HttpMethod.PUT,
                new HttpEntity<>(Map.of("data", data), headers), MAP);
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        return SqlStatementCounter.statementsOf(key);
    }

    /** The writes among the statements: their verb and table, in order. */
    private static List<String> writes(List<String> statements) {
        return statements.stream().map(s -> s.strip().toLowerCase().replaceAll("\\s+", " "))
                .filter(s -> s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete"))
                .map(s -> s.replaceAll("^(insert into|update|delete from) ([a-z_]+).*", "$1 $2")).toList();
    }

    /** Every budget line and amount of the application: id, and amount (by table, year and code or kind). */
    private Map<String, Map<String, Object>> rows(Object id) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        jdbc.query("select id, grant_year, code, amount from budget_line where application_id = ?", rs -> {
            rows.put("budget_line " + rs.getInt(2) + " " + rs.getString(3),
                    Map.of("id", rs.getLong(1), "amount", rs.getBigDecimal(4)));
        }, id);
        jdbc.query("select id, grant_year, kind, amount from application_amount where application_id = ?", rs -> {
            rows.put("application_amount " + rs.getInt(2) + " " + rs.getString(3),
                    Map.of("id", rs.getLong(1), "amount", rs.getBigDecimal(4)));
        }, id);
        return rows;
    }

    /** The form read back is the one sent: same fields, same amounts (2000 and 2000.00 are the same). */
    private static void assertSameForm(Map<String, Object> actual, Map<String, Object> sent) {
        assertThat(normalized(actual)).isEqualTo(normalized(sent));
    }

    @SuppressWarnings("unchecked")
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, normalized(v)));
            return out;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value;
    }
}
