package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.bench.SeededCampaign;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The steering dashboard and the process map: on a seeded campaign of 500 applications, every figure of the
 * dashboard's JSON equals a direct SQL count; the process map's counts equal the engine's tasks; CSV downloads;
 * instructors and the administrator only.
 */
class SteeringIT extends ApiTestSupport {
    private static final String GRANTED = "('GRANTED','IN_PROGRESS','CLOSED')";

    @Autowired
    private DataSource dataSource;

    private long seededCampaign() throws Exception {
        // A past edition (the generator writes a finished campaign): dated decades back, its rows never come first
        // in the lists other tests of the shared database read newest first.
        int year = 1990;
        while (count("select count(*) from campaign where code = ?", "AAA-" + year) > 0) {
            year++;
        }
        return SeededCampaign.seed(dataSource, year, 60, 500);
    }

    private static BigDecimal dec(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private BigDecimal sum(String sql, Object... args) {
        BigDecimal value = jdbc.queryForObject(sql, BigDecimal.class, args);
        return value == null ? BigDecimal.ZERO : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rowsOf(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> dashboard, String key) {
        return (List<Map<String, Object>>) dashboard.get(key);
    }

    @Test
    void theDashboardsFiguresEqualSqlCountsOnASeededCampaignOf500Applications() throws Exception {
        long campaign = seededCampaign();
        Map<String, Object> d = get("instructeur", "/pilotage/donnees?campagne=" + campaign);
        assertThat(rowsOf(d.get("campaign")).get("id")).isEqualTo((int) campaign);

        Map<String, Long> funnel = rows(d, "funnel").stream().collect(Collectors.toMap(r -> (String) r.get("code"),
                r -> ((Number) r.get("count")).longValue()));
        String where = "select count(*) from application where campaign_id = ? and status ";
        assertThat(funnel).containsEntry("DEPOSEES", 500L)
                .containsEntry("DEPOSEES", (long) count(where + "<> 'DRAFT'", campaign))
                .containsEntry("RECEVABLES", (long) count(where + "not in ('DRAFT','SUBMITTED','AWAITING_PIECES',"
                        + "'INADMISSIBLE','WITHDRAWN')", campaign))
                .containsEntry("VOTEES", (long) count(where + "in ('REJECTED','GRANTED','IN_PROGRESS','CLOSED',"
                        + "'GRANT_WITHDRAWN')", campaign))
                .containsEntry("SUBVENTIONNEES", (long) count(where + "in " + GRANTED, campaign));
        assertThat(funnel.get("SUBVENTIONNEES")).isPositive();
        for (Map<String, Object> s : rows(d, "byStatus")) {
            assertThat(((Number) s.get("count")).intValue()).as("status %s", s.get("code"))
                    .isEqualTo(count(where + "= ?", campaign, s.get("code")));
        }

        for (Map<String, Object> t : rows(d, "byThematic")) {
            assertThat(((Number) t.get("applications")).intValue()).as("thematic %s", t.get("code"))
                    .isEqualTo(count(where + "<> 'DRAFT' and thematic = ?", campaign, t.get("code")));
            assertThat(dec(t.get("granted"))).as("granted, thematic %s", t.get("code")).isEqualByComparingTo(
                    sum("select sum(m.amount) from application_amount m join application a on a.id = m.application_id "
                            + "where a.campaign_id = ? and a.thematic = ? and m.kind = 'GRANTED' and a.status in "
                            + GRANTED, campaign, t.get("code")));
            assertThat(dec(t.get("requested"))).isEqualByComparingTo(
                    sum("select sum(m.amount) from application_amount m join application a on a.id = m.application_id "
                            + "where a.campaign_id = ? and a.thematic = ? and m.kind = 'REQUESTED'", campaign, t.get("code")));
        }
        for (Map<String, Object> e : rows(d, "byEpt")) {
            assertThat(((Number) e.get("grants")).intValue()).as("EPT %s", e.get("code")).isEqualTo(count(
                    "select count(*) from application a join structure s on s.id = a.structure_id where "
                            + "a.campaign_id = ? and s.ept = ? and a.status in " + GRANTED, campaign, e.get("code")));
        }
        List<Map<String, Object>> communes = rows(d, "byCommune");
        assertThat(communes).hasSize(40);
        for (Map<String, Object> c : communes) {
            assertThat(((Number) c.get("applications")).intValue()).as("commune %s", c.get("code")).isEqualTo(count(
                    "select count(*) from application a join structure s on s.id = a.structure_id where "
                            + "a.campaign_id = ? and s.commune_insee = ? and a.status <> 'DRAFT'", campaign, c.get("code")));
            assertThat(dec(c.get("granted"))).as("commune %s", c.get("code")).isEqualByComparingTo(sum(
                    "select sum(m.amount) from application_amount m join application a on a.id = m.application_id "
                            + "join structure s on s.id = a.structure_id where a.campaign_id = ? and s.commune_insee = ? "
                            + "and m.kind = 'GRANTED' and a.status in " + GRANTED, campaign, c.get("code")));
        }

        Map<String, BigDecimal> amounts = rows(d, "amounts").stream().collect(Collectors.toMap(
                r -> (String) r.get("code"), r -> dec(r.get("amount"))));
        assertThat(amounts.get("DEMANDE")).isEqualByComparingTo(sum("select sum(m.amount) from application_amount m "
                + "join application a on a.id = m.application_id where a.campaign_id = ? and m.kind = 'REQUESTED'", campaign));
        assertThat(amounts.get("ATTRIBUE")).isPositive().isEqualByComparingTo(sum("select sum(m.amount) from "
                + "application_amount m join application a on a.id = m.application_id where a.campaign_id = ? "
                + "and m.kind = 'GRANTED' and a.status in " + GRANTED, campaign));
        assertThat(amounts.get("PAYE")).isPositive().isEqualByComparingTo(sum("select sum(i.amount) from installment i "
                + "join application a on a.id = i.application_id where a.campaign_id = ? and i.status = 'PAID'", campaign));
        assertThat(amounts.get("ENVELOPPE")).isEqualByComparingTo(sum("select envelope_operating + envelope_investment "
                + "from campaign where id = ?", campaign));

        String code = jdbc.queryForObject("select code from campaign where id = ?", String.class, campaign);
        Map<String, Object> edition = rows(d, "years").stream().filter(y -> code.equals(y.get("code"))).findFirst()
                .orElseThrow();
        assertThat(((Number) edition.get("applications")).intValue()).isEqualTo(500);
        assertThat(((Number) edition.get("grants")).longValue()).isEqualTo(funnel.get("SUBVENTIONNEES"));
        assertThat(rows(d, "years")).hasSize(count("select count(*) from campaign"));

        // The page shows the same figures in its tables; each table downloads as CSV.
        String page = callForText("admin", HttpMethod.GET, "/pilotage?campagne=" + campaign).getBody();
        assertThat(page).contains("Candidatures de l'appel par étape franchie", "data-graphique=\"carte\"",
                "Licence Ouverte", "/pilotage/csv/communes?campagne=" + campaign, "Chiffres calculés à ");
        ResponseEntity<String> csv = callForText("admin", HttpMethod.GET, "/pilotage/csv/communes?campagne=" + campaign);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("pilotage-par-commune-" + code + ".csv");
        assertThat(csv.getBody()).startsWith("Code INSEE;Commune;Candidatures;Subventions;").contains("93066;Saint-Denis;");
        assertThat(csv.getBody().split("\r\n")).hasSize(41);
        for (String table : List.of("etapes", "thematiques", "ept", "montants", "delais", "editions")) {
            ResponseEntity<String> file = callForText("instructeur", HttpMethod.GET, "/pilotage/csv/" + table
                    + "?campagne=" + campaign);
            assertThat(file.getStatusCode().value()).as(table).isEqualTo(200);
        }
        assertThat(callForText("instructeur", HttpMethod.GET, "/pilotage/csv/inconnu").getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void theProcessMapsCountsAreTheEnginesTasksAndAStepListsItsApplications() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> first = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 12000, 20000)));
        Map<String, Object> second = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 15000, 20000)));
        String reference = (String) first.get("reference");
        post("porteur", "/api/applications/" + first.get("id") + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        submitAndAwaitOpinions(String.valueOf(second.get("id")), (String) second.get("reference"));
        // the first one is overdue: its task's due date is yesterday
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
        taskService.setDueDate(taskId, Date.from(Instant.now().minusSeconds(86_400)));

        Map<String, Object> map = get("instructeur", "/pilotage/processus/donnees");
        Map<String, Map<String, Object>> steps = rows(map, "steps").stream().collect(Collectors.toMap(
                s -> (String) s.get("activityId"), s -> s));
        for (String key : List.of("Task_CheckCompleteness", "Task_WriteSynthesis", "Task_SignAgreement",
                "Task_CountersignAgreement", "Task_ProvideMissingPieces")) {
            Set<String> waiting = taskService.createTaskQuery().processDefinitionKey("application-lifecycle")
                    .taskDefinitionKey(key).list().stream().map(t -> runtime.createProcessInstanceQuery()
                            .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey())
                    .collect(Collectors.toSet());
            assertThat(((Number) steps.get(key).get("waiting")).intValue()).as(key).isEqualTo(waiting.size());
            long overdue = taskService.createTaskQuery().processDefinitionKey("application-lifecycle")
                    .taskDefinitionKey(key).dueBefore(new Date()).count();
            assertThat(((Number) steps.get(key).get("overdue")).longValue()).as("overdue at %s", key).isEqualTo(overdue);
        }
        assertThat(((Number) steps.get("Task_CheckCompleteness").get("overdue")).intValue()).isPositive();
        Set<String> inOpinions = new HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionKey("directorate-opinion").list()
                .forEach(p -> inOpinions.add(p.getBusinessKey()));
        assertThat(((Number) steps.get("Activity_CollectOpinions").get("waiting")).intValue())
                .isEqualTo(inOpinions.size()).isPositive();
        assertThat(steps.get("Task_CheckCompleteness").get("name")).isEqualTo("Vérifier la recevabilité");

        String list = callForText("instructeur", HttpMethod.GET,
                "/pilotage/processus?etape=Task_CheckCompleteness").getBody();
        assertThat(list).contains("En attente à l’étape « Vérifier la recevabilité »", reference,
                "/instruction/candidatures/" + first.get("id"), "En retard");
        assertThat(callForText("admin", HttpMethod.GET, "/pilotage/processus?processus=grant-year").getStatusCode()
                .value()).isEqualTo(200);
        assertThat(callForText("admin", HttpMethod.GET, "/pilotage/processus/diagramme").getBody())
                .contains("bpmndi:BPMNDiagram", "Task_CheckCompleteness");
        assertThat(callForText("admin", HttpMethod.GET, "/pilotage/processus?etape=Task_Inconnue").getStatusCode()
                .value()).isEqualTo(404);
        assertThat(callForText("admin", HttpMethod.GET, "/pilotage/processus?processus=campaign").getStatusCode()
                .value()).isEqualTo(404);
    }

    @Test
    void onlyInstructorsAndTheAdministratorSeeTheSteeringPages() {
        for (String path : List.of("/pilotage", "/pilotage/donnees", "/pilotage/csv/communes", "/pilotage/processus",
                "/pilotage/processus/donnees", "/pilotage/processus/diagramme")) {
            for (String user : List.of("instructeur", "admin")) {
                assertThat(callForText(user, HttpMethod.GET, path).getStatusCode().value()).as("%s by %s", path, user)
                        .isEqualTo(200);
            }
            for (String user : List.of("porteur", "finances1", "avis-dter", "jury")) {
                assertThat(callForText(user, HttpMethod.GET, path).getStatusCode().value()).as("%s by %s", path, user)
                        .isIn(403, 404);
            }
            assertThat(http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects
                    .DONT_FOLLOW).getForEntity(path, String.class).getStatusCode().value()).as("%s signed out", path)
                    .isIn(302, 401);
        }
    }
}
