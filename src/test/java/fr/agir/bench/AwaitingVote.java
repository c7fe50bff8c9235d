package fr.agir.bench;

import fr.agir.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applications awaiting the Commission permanente's vote, as the jury leaves them: structures,
 * applications (status AWAITING_VOTE), requested and jury amounts, the jury's result — rows written
 * straight to the tables in batches, as {@link DataGenerator} does — and for each a real lifecycle
 * started at the vote's catch event {@code Event_VoteReceived}, with the variables the path before it
 * sets. What is not real: the instruction and the jury before (no opinions, no session rows, no audit).
 */
public final class AwaitingVote {
    public static final String VOTE_EVENT = "Event_VoteReceived";

    /** One application waiting for the vote. */
    public record Line(long applicationId, String reference, long structureId, String siret, int years) {
    }

    /** The amounts of one line: per year, requested and proposed by the jury. */
    public record Amounts(int years, int requested, int proposed) {
    }

    private AwaitingVote() {
    }

    /** {@code amounts.size()} applications of the campaign, the i-th with {@code amounts.get(i)}. */
    public static List<Line> create(JdbcTemplate jdbc, RuntimeService runtime, long campaignId, List<Amounts> amounts) {
        Timestamp now = Timestamp.from(Instant.now());
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
        List<Object[]> structures = new ArrayList<>();
        List<String> sirets = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            String siret = TestData.randomSiret();
            sirets.add(siret);
            structures.add(new Object[]{"Association " + tag + " " + i, siret, siret.substring(0, 9), now});
        }
        jdbc.batchUpdate("insert into structure (name, legal_form, siret, siren, address_line, postal_code, commune, "
                + "commune_insee, ept, legal_rep_name, legal_rep_email, created_by, created_at) values "
                + "(?, 'ASSOCIATION', ?, ?, '1 place de la Mairie', '93200', 'Saint-Denis', '93066', "
                + "'PLAINE_COMMUNE', 'Awa Diallo', 'awa@example.org', 'porteur', ?)", structures);
        Map<String, Long> structureIds = new HashMap<>();
        jdbc.query("select id, name from structure where name like ?", rs -> {
            structureIds.put(rs.getString(2), rs.getLong(1));
        }, "Association " + tag + " %");
        List<Object[]> applications = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            applications.add(new Object[]{"AGIR-V-" + tag + "-" + i, campaignId,
                    structureIds.get("Association " + tag + " " + i), "Projet " + i, amounts.get(i).years(), now, now, now});
        }
        jdbc.batchUpdate("insert into application (reference, campaign_id, structure_id, title, description, thematic, "
                + "target_public, territory, duration_years, status, submitted_at, submitted_by, created_by, "
                + "created_at, updated_at) values (?, ?, ?, ?, 'Projet de quartier', 'TRANSITION_ECOLOGIQUE', "
                + "'JEUNES', 'Saint-Denis', ?, 'AWAITING_VOTE', ?, 'porteur', 'porteur', ?, ?)", applications);
        Map<String, Long> applicationIds = new HashMap<>();
        jdbc.query("select id, reference from application where reference like ?", rs -> {
            applicationIds.put(rs.getString(2), rs.getLong(1));
        }, "AGIR-V-" + tag + "-%");
        List<Object[]> amountRows = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Amounts a = amounts.get(i);
            String reference = "AGIR-V-" + tag + "-" + i;
            long applicationId = applicationIds.get(reference);
            for (int year = 1; year <= a.years(); year++) {
                amountRows.add(new Object[]{applicationId, year, "REQUESTED", a.requested()});
                amountRows.add(new Object[]{applicationId, year, "JURY", a.proposed()});
            }
            results.add(new Object[]{applicationId, a.years(), now});
            lines.add(new Line(applicationId, reference, structureIds.get("Association " + tag + " " + i),
                    sirets.get(i), a.years()));
        }
        jdbc.batchUpdate("insert into application_amount (application_id, grant_year, kind, amount) values (?, ?, ?, ?)",
                amountRows);
        jdbc.batchUpdate("insert into jury_result (application_id, verdict, duration_years, recorded_by, recorded_at) "
                + "values (?, 'FAVORABLE', ?, 'instructeur', ?)", results);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            runtime.createProcessInstanceByKey("application-lifecycle").businessKey(line.reference())
                    .startBeforeActivity(VOTE_EVENT)
                    .setVariables(Map.of("applicationId", line.applicationId(), "thematic", "TRANSITION_ECOLOGIQUE",
                            "targetPublic", "JEUNES", "legalForm", "ASSOCIATION",
                            "totalRequested", (long) amounts.get(i).requested() * line.years(),
                            "campaignId", campaignId, "ept", "PLAINE_COMMUNE"))
                    .execute();
        }
        return lines;
    }
}
