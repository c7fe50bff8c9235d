package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The instructors' queue on a seeded campaign of 500 applications from structures of the four EPTs:
 * counts per stage, filters, paging, claiming and assigning, and who may use it.
 */
class InstructionQueueIT extends ApiTestSupport {
    private static final int APPLICATIONS = 500;
    private static final String[][] COMMUNES = {{"93200", "Saint-Denis"}, {"93600", "Aulnay-sous-Bois"},
            {"93100", "Montreuil"}, {"93160", "Noisy-le-Grand"}};
    private static final String[] THEMATICS = {"NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN"};

    private Object campaignId;

    @Test
    @SuppressWarnings("unchecked")
    void theQueueCountsFiltersPagesAndAssignsASeededCampaignOf500Applications() {
        Map<String, Object> campaign = openCampaign(30);
        campaignId = campaign.get("id");
        List<Object> structures = new ArrayList<>();
        for (String[] commune : COMMUNES) {
            Object id = registerStructureWithoutDocuments("porteur", "awa@example.org", commune[0], commune[1]).get("id");
            provideRequiredPieces("porteur", id);
            structures.add(id);
        }
        // Created and submitted through the API by four clients at once (as applicants do in the last hours of a
        // campaign), so that the server's requests and the database's commits overlap. ids.get(i) is application i.
        String[] seeded = new String[APPLICATIONS];
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < APPLICATIONS; n++) {
                int i = n;
                done.add(clients.submit(() -> {
                    int requested = 1000 * (1 + i % 20);  // 1,000 to 20,000 €
                    Map<String, Object> draft = post("porteur", "/api/applications", Map.of("campaignId", campaignId,
                            "structureId", structures.get(i % 4), "title", "Projet " + i, "description", "Description",
                            "thematic", THEMATICS[i % 3], "targetPublic", "JEUNES", "territory", "Seine-Saint-Denis",
                            "durationYears", 1, "budgets", List.of(budget(1, requested, requested + 5000))));
                    post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
                    seeded[i] = String.valueOf(draft.get("id"));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("seeding the campaign", e);
        } finally {
            clients.shutdownNow();
        }
        List<String> ids = List.of(seeded);
        await().atMost(Duration.ofMinutes(3)).until(() -> count("select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e "
                + "on t.PROC_INST_ID_ = e.ID_ join application a on a.reference = e.BUSINESS_KEY_ "
                + "where t.TASK_DEF_KEY_ = 'Task_CheckCompleteness' and a.campaign_id = ?", campaignId) == APPLICATIONS);
        // 50 sent back to the applicant for missing pieces: they leave the instructors' queue.
        for (String id : ids.subList(0, 50)) {
            post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "MISSING_PIECES",
                    "missingPieces", "Budget signé"));
        }

        Map<String, Object> all = get("instructeur", "/api/instruction/queue?campaignId=" + campaignId + "&size=200");
        assertThat(((Number) all.get("total")).intValue()).isEqualTo(APPLICATIONS - 50);
        assertThat((Map<String, Object>) all.get("countsByStage")).containsExactly(Map.entry("SUBMITTED", APPLICATIONS - 50));
        assertThat((List<Object>) all.get("items")).hasSize(200);
        Map<String, Object> lastPage = get("instructeur", "/api/instruction/queue?campaignId=" + campaignId
                + "&size=200&page=2");
        assertThat((List<Object>) lastPage.get("items")).hasSize(APPLICATIONS - 50 - 400);

        // Filters, against the seeded distribution (application i: structure i % 4, thematic i % 3,
        // 1,000 × (1 + i % 20) €), the first 50 being out of the queue.
        assertThat(total("&ept=EST_ENSEMBLE")).isEqualTo(expected(i -> i % 4 == 2));
        assertThat(total("&thematic=ENGAGEMENT_CITOYEN")).isEqualTo(expected(i -> i % 3 == 2));
        assertThat(total("&minAmount=15000")).isEqualTo(expected(i -> 1000 * (1 + i % 20) >= 15000));
        assertThat(total("&minAmount=5000&maxAmount=5000&ept=PLAINE_COMMUNE"))
                .isEqualTo(expected(i -> 1000 * (1 + i % 20) == 5000 && i % 4 == 0));
        assertThat(total("&stage=AWAITING_PIECES")).isZero();
        assertThat(total("&overdue=true")).isZero();

        // The processing times, from the engine's history: the 50 completeness checks already done.
        Map<String, Object> dashboard = get("instructeur", "/api/instruction/dashboard?campaignId=" + campaignId);
        assertThat((List<Map<String, Object>>) dashboard.get("steps")).filteredOn(t -> "Task_CheckCompleteness"
                .equals(t.get("taskKey"))).singleElement().satisfies(t -> assertThat(t.get("finished")).isEqualTo(50));
        assertThat((List<Object>) dashboard.get("overdue")).isEmpty();

        // Sorted by amount, the largest first.
        List<Map<String, Object>> byAmount = (List<Map<String, Object>>) get("instructeur",
                "/api/instruction/queue?campaignId=" + campaignId + "&sort=AMOUNT&size=5").get("items");
        assertThat(byAmount).allSatisfy(i -> assertThat(((Number) i.get("requestedTotal")).intValue()).isEqualTo(20000));

        // Claim, assign to a colleague, release.
        String first = String.valueOf(byAmount.get(0).get("taskId"));
        String second = String.valueOf(byAmount.get(1).get("taskId"));
        post("instructeur", "/api/instruction/tasks/" + first + "/claim", null);
        post("instructeur", "/api/instruction/tasks/" + second + "/assign", Map.of("assignee", "instructrice"));
        assertThat(total("&assignment=MINE")).isEqualTo(1);
        assertThat(((Number) get("instructrice", "/api/instruction/queue?campaignId=" + campaignId
                + "&assignment=MINE").get("total")).intValue()).isEqualTo(1);
        assertThat(total("&assignment=UNASSIGNED")).isEqualTo(APPLICATIONS - 50 - 2);
        post("instructeur", "/api/instruction/tasks/" + first + "/release", null);
        assertThat(total("&assignment=MINE")).isZero();
        assertThat(count("select count(*) from audit_event where action in ('TASK_CLAIMED', 'TASK_ASSIGNED', "
                + "'TASK_RELEASED') and application_id in (select id from application where campaign_id = ?)",
                campaignId)).isEqualTo(3);

        // One message to several applications chosen in the queue; an unknown one is reported, not fatal.
        List<Object> chosen = byAmount.stream().limit(3).map(i -> i.get("applicationId")).toList();
        List<Object> withUnknown = new ArrayList<>(chosen);
        withUnknown.add(999999999L);
        ResponseEntity<java.util.List<Map<String, Object>>> report = http.exchange("/api/instruction/messages",
                HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("applicationIds", withUnknown,
                        "body", "Le jury se réunira le 12 mars."), jsonHeaders("instructeur")),
                new org.springframework.core.ParameterizedTypeReference<>() {
                });
        assertThat(report.getBody()).extracting(o -> o.get("sent")).containsExactly(true, true, true, false);
        assertThat(String.valueOf(report.getBody().get(3).get("error"))).contains("Introuvable");
        for (Object id : chosen) {
            assertThat(count("select count(*) from application_message where application_id = ? and body like ?", id,
                    "Le jury se réunira%")).isEqualTo(1);
        }

        // Bad input and other roles.
        assertProblem(call("instructeur", HttpMethod.GET, "/api/instruction/queue?minAmount=9000&maxAmount=100", null),
                422, "urn:agir:probleme:saisie-invalide");
        assertProblem(call("instructeur", HttpMethod.POST, "/api/instruction/tasks/" + second + "/assign",
                Map.of("assignee", "<script>")), 422, "urn:agir:probleme:saisie-invalide");
        assertThat(call("instructeur", HttpMethod.POST, "/api/instruction/tasks/inconnue/claim", null)
                .getStatusCode().value()).isEqualTo(404);
        for (String user : List.of("porteur", "avis-dter", "jury", "finances1")) {
            assertThat(call(user, HttpMethod.GET, "/api/instruction/queue", null).getStatusCode().value()).as(user)
                    .isEqualTo(403);
            assertThat(call(user, HttpMethod.POST, "/api/instruction/tasks/" + first + "/claim", null)
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
        String campaignQueue = "/instruction?campaignId=" + campaignId + "&ept=GRAND_PARIS_GRAND_EST";
        String page = browser(signedInSession("instructeur"), HttpMethod.GET, campaignQueue, null).getBody();
        assertThat(page).contains(expected(i -> i % 4 == 3) + " tâches", "Grand Paris Grand Est",
                "<option value=\"instructrice\">Inès Instructrice</option>").doesNotContain("(s)");
        assertThat(jdbc.queryForObject("select reason from audit_event where action = 'TASK_ASSIGNED' and "
                + "application_id in (select id from application where campaign_id = ?)", String.class, campaignId))
                .as("the colleague by name").contains("confiée à Inès Instructrice");
    }

    @Test
    void tickedApplicationsGoToTheJuryWithTheProposedSynthesisAndTheOthersAreReported() {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> draft = oneYearDraft(budget(1, 15000 + i * 1000, 30000));
            String id = String.valueOf(draft.get("id"));
            String reference = (String) draft.get("reference");
            submitAndAwaitOpinions(id, reference);
            await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
            post("avis-dter", "/api/applications/" + id + "/opinions/DTER", Map.of("verdict", "FAVORABLE", "comment", "Oui"));
            post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "FAVORABLE", "comment", "Oui"));
            awaitWaitingAt(reference, "Task_WriteSynthesis");
            ready.add(id);
        }
        Map<String, Object> early = oneYearDraft(budget(1, 9000, 20000));
        post("porteur", "/api/applications/" + early.get("id") + "/submit", null);

        List<Object> chosen = new ArrayList<>(ready);
        chosen.add(early.get("id"));
        ResponseEntity<List<Map<String, Object>>> report = http.exchange("/api/instruction/jury", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("applicationIds", chosen), jsonHeaders("instructeur")),
                new org.springframework.core.ParameterizedTypeReference<>() {
                });
        assertThat(report.getBody()).extracting(o -> o.get("sent")).containsExactly(true, true, false);
        assertThat(String.valueOf(report.getBody().get(2).get("error"))).contains("n'est pas attendue");
        for (int i = 0; i < 2; i++) {
            String id = ready.get(i);
            assertThat(get("instructeur", "/api/applications/" + id).get("status")).isEqualTo("AWAITING_JURY");
            assertThat(jdbc.queryForObject("select amount from application_amount where application_id = ? and kind = "
                    + "'PROPOSED'", java.math.BigDecimal.class, Long.valueOf(id))).isEqualByComparingTo(15000 + i * 1000 + "");
        }
        assertThat(get("instructeur", "/api/applications/" + early.get("id")).get("status")).isEqualTo("SUBMITTED");
        assertThat(call("avis-dter", HttpMethod.POST, "/api/instruction/jury", Map.of("applicationIds", chosen))
                .getStatusCode().value()).isEqualTo(403);
    }

    private org.springframework.http.HttpHeaders jsonHeaders(String user) {
        org.springframework.http.HttpHeaders headers = headersFor(user);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }

    private int total(String filters) {
        return ((Number) get("instructeur", "/api/instruction/queue?size=1&campaignId=" + campaignId + filters)
                .get("total")).intValue();
    }

    private static int expected(java.util.function.IntPredicate seeded) {
        int n = 0;
        for (int i = 50; i < APPLICATIONS; i++) {
            if (seeded.test(i)) {
                n++;
            }
        }
        return n;
    }
}
