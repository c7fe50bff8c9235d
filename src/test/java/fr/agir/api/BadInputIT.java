package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import static fr.agir.TestData.randomSiret;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad input gives a clear problem+json in French, and nothing changes in the database. */
class BadInputIT extends ApiTestSupport {

    @Autowired
    ManagementService management;

    @Test
    void anInvalidSiretIsRefusedAndNoStructureIsCreated() {
        int before = count("select count(*) from structure");
        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST, "/api/structures", Map.of(
                "name", "Asso", "legalForm", "ASSOCIATION", "siret", "73282932000075", "legalRepName", "A. B.",
                "legalRepEmail", "a@example.org"));

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsKey("siret");
        assertThat(count("select count(*) from structure")).isEqualTo(before);
    }

    @Test
    void anInvalidIbanAndRnaAreNamedField() {
        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST, "/api/structures", Map.of(
                "name", "Asso", "legalForm", "ASSOCIATION", "rna", "W12345", "iban", "FR7630006000011234567890188",
                "legalRepName", "A. B.", "legalRepEmail", "a@example.org"));

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsKeys("rna", "iban");
    }

    @Test
    void anUnbalancedBudgetCannotBeSubmittedAndTheDraftIsKept() {
        Map<String, Object> draft = oneYearDraft(Map.of("year", 1, "requestedAmount", 20000,
                "lines", Map.of("64", 50000, "74-DEPARTEMENT", 20000, "70", 10000)));
        long id = ((Number) draft.get("id")).longValue();
        int audit = count("select count(*) from audit_event where application_id = ?", id);

        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST,
                "/api/applications/" + id + "/submit", null);

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) response.getBody().get("detail")).contains("brouillon est conservé");
        assertThat(errors(response)).containsKey("budgets[1].balance");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, id))
                .isEqualTo("DRAFT");
        assertThat(count("select count(*) from budget_line where application_id = ?", id)).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where application_id = ?", id)).isEqualTo(audit);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) draft.get("reference"))
                .count()).isZero();
    }

    @Test
    void aDepartementLineDifferentFromTheRequestedAmountIsNamed() {
        Map<String, Object> draft = oneYearDraft(Map.of("year", 1, "requestedAmount", 25000,
                "lines", Map.of("64", 30000, "74-DEPARTEMENT", 20000, "70", 10000)));

        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST,
                "/api/applications/" + draft.get("id") + "/submit", null);

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsKey("budgets[1].lines.74-DEPARTEMENT");
    }

    @Test
    void aSubmissionAfterTheClosingIsRefused() {
        Map<String, Object> campaign = openCampaign(10);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 10000, 20000)));
        // Time passes: the closing timer of the campaign process fires.
        management.createJobQuery().timers().activityId("Event_ClosingDateReached").list().stream()
                .filter(job -> campaign.get("code").equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                .forEach(job -> management.executeJob(job.getId()));
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(get("admin", "/api/campaigns/" + campaign.get("id"))
                .get("status")));

        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST,
                "/api/applications/" + draft.get("id") + "/submit", null);

        assertProblem(response, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) response.getBody().get("detail")).contains("est clos");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                ((Number) draft.get("id")).longValue())).isEqualTo("DRAFT");
    }

    @Test
    void aStepByTheWrongRoleIsForbiddenAndAStepDoneTwiceIsAConflict() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String id = String.valueOf(draft.get("id"));
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt((String) draft.get("reference"), "Task_CheckCompleteness");

        assertProblem(call("porteur", HttpMethod.POST, "/api/applications/" + id + "/completeness",
                Map.of("outcome", "COMPLETE")), 403, "urn:agir:probleme:acces-refuse");
        assertProblem(call("finances1", HttpMethod.POST, "/api/applications/" + id + "/synthesis",
                Map.of("summary", "x")), 403, "urn:agir:probleme:acces-refuse");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                Long.parseLong(id))).isEqualTo("SUBMITTED");

        post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "COMPLETE"));
        awaitWaitingAt((String) draft.get("reference"), "Task_GiveOpinion");
        int audit = count("select count(*) from audit_event where application_id = ?", Long.parseLong(id));
        ResponseEntity<Map<String, Object>> twice = call("instructeur", HttpMethod.POST,
                "/api/applications/" + id + "/completeness", Map.of("outcome", "INELIGIBLE", "reason", "oups"));

        assertProblem(twice, 409, "urn:agir:probleme:etat-incompatible");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                Long.parseLong(id))).isEqualTo("UNDER_REVIEW");
        assertThat(count("select count(*) from audit_event where application_id = ?", Long.parseLong(id)))
                .isEqualTo(audit);

        assertProblem(call("avis-dter", HttpMethod.POST, "/api/applications/" + id + "/opinions/DJVA",
                Map.of("verdict", "FAVORABLE", "comment", "pas ma direction")), 403, "urn:agir:probleme:action-interdite");
        assertThat(count("select count(*) from opinion where application_id = ? and status = 'GIVEN'",
                Long.parseLong(id))).isZero();
    }

    @Test
    void anotherStructuresApplicationIsNotFoundForAnApplicant() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 10000, 20000)));

        assertProblem(call("porteuse", HttpMethod.GET, "/api/applications/" + draft.get("id"), null), 404,
                "urn:agir:probleme:introuvable");
        assertProblem(call("porteuse", HttpMethod.GET, "/api/structures/" + structure.get("id"), null), 404,
                "urn:agir:probleme:introuvable");
        assertProblem(call("porteuse", HttpMethod.POST, "/api/applications/" + draft.get("id") + "/submit", null),
                404, "urn:agir:probleme:introuvable");
        int before = count("select count(*) from application");
        assertProblem(call("porteuse", HttpMethod.POST, "/api/applications", Map.of("campaignId", campaign.get("id"),
                "structureId", structure.get("id"), "title", "Intrus")), 404, "urn:agir:probleme:introuvable");
        assertThat(count("select count(*) from application")).isEqualTo(before);
        assertThat(list("porteuse", "/api/applications")).noneMatch(a -> draft.get("id").equals(a.get("id")));
    }

    @Test
    void withoutCredentialsOrWithUnreadableJsonTheAnswerIsAProblem() {
        assertProblem(call(null, HttpMethod.GET, "/api/applications", null), 401, "urn:agir:probleme:non-authentifie");

        assertProblem(postRaw("porteur", "/api/structures", "{\"name\": ", MediaType.APPLICATION_JSON), 400,
                "urn:agir:probleme:requete-illisible");
    }

    @Test
    void tooLongATextIsRefusedBeforeAnythingMoves() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String id = String.valueOf(draft.get("id"));
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt((String) draft.get("reference"), "Task_CheckCompleteness");

        ResponseEntity<Map<String, Object>> response = call("instructeur", HttpMethod.POST,
                "/api/applications/" + id + "/completeness", Map.of("outcome", "INELIGIBLE", "reason", "x".repeat(1200)));

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsKey("reason");
        awaitWaitingAt((String) draft.get("reference"), "Task_CheckCompleteness");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                Long.parseLong(id))).isEqualTo("SUBMITTED");
    }

    @Test
    void twoBudgetsForTheSameYearAreNamedNotADuplicateError() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST, "/api/applications",
                Map.of("campaignId", campaign.get("id"), "structureId", structure.get("id"), "durationYears", 1,
                        "budgets", List.of(budget(1, 10000, 20000), budget(1, 12000, 20000))));

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsEntry("budgets[1]", "Un seul budget par année");
    }

    @Test
    void validationMessagesAreInFrench() {
        ResponseEntity<Map<String, Object>> response = call("porteur", HttpMethod.POST, "/api/structures",
                Map.of("name", " ", "legalForm", "ASSOCIATION", "legalRepName", "A. B.", "legalRepEmail", "pas-un-mail"));

        assertProblem(response, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(errors(response)).containsEntry("name", "Le nom est obligatoire")
                .containsEntry("legalRepEmail", "E-mail invalide");
        ResponseEntity<Map<String, Object>> campaign = call("admin", HttpMethod.POST, "/api/campaigns",
                Map.of("code", "X-1", "maxDurationYears", 1));
        assertThat(errors(campaign)).containsEntry("name", "Ce champ est obligatoire");
    }

    @Test
    void theFrameworksOwnRefusalsAreFrenchProblemsWithTheirStatus() {
        assertProblem(postRaw("porteur", "/api/structures", "bonjour", MediaType.TEXT_PLAIN), 415,
                "urn:agir:probleme:format-non-pris-en-charge");

        assertProblem(call("porteur", HttpMethod.DELETE, "/api/structures", null), 405,
                "urn:agir:probleme:methode-non-autorisee");
        assertProblem(call("porteur", HttpMethod.GET, "/api/nulle-part", null), 404, "urn:agir:probleme:introuvable");
    }

    @Test
    void aRequestAuthenticatedByTheSessionCookieNeedsTheCsrfToken() {
        String session = signedInSession("porteur");
        Map<String, Object> body = Map.of("name", "Forgée", "legalForm", "ASSOCIATION", "siret", randomSiret(),
                "postalCode", "93200", "commune", "Saint-Denis", "legalRepName", "X", "legalRepEmail", "x@example.org");

        HttpHeaders forged = new HttpHeaders();
        forged.setContentType(MediaType.APPLICATION_JSON);
        forged.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> response = http.exchange("/api/structures", HttpMethod.POST,
                new HttpEntity<>(body, forged), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(count("select count(*) from structure where name = 'Forgée'")).isZero();

        // The control: the same session with the token its pages carry is signed in and may post.
        String token = csrfOf(browser(session, HttpMethod.GET, "/portail/structures/nouvelle", null).getBody());
        forged.add("X-CSRF-TOKEN", token);
        assertThat(http.exchange("/api/structures", HttpMethod.POST, new HttpEntity<>(body, forged), String.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(count("select count(*) from structure where name = 'Forgée'")).isEqualTo(1);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) http.getForObject("/v3/api-docs", Map.class).get("paths");
        assertThat(paths).containsKeys("/api/applications/{id}/submit",
                "/api/installments/{id}/validate", "/api/reports/{id}/review");
    }

    @Test
    void camundaToolsAreForAdminsOnly() {
        assertThat(http.withBasicAuth("instructeur", PASSWORD).getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", PASSWORD).getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("admin", PASSWORD).getForEntity("/camunda/app/cockpit/default/",
                String.class).getStatusCode().value()).isEqualTo(200);
        // The webapps know who signed in to Agir (single sign-on), for his session.
        ResponseEntity<String> cockpit = http.withBasicAuth("admin", PASSWORD)
                .getForEntity("/camunda/app/cockpit/default/", String.class);
        HttpHeaders session = new HttpHeaders();
        session.setBasicAuth("admin", PASSWORD);
        cockpit.getHeaders().get(HttpHeaders.SET_COOKIE).forEach(c -> session.add(HttpHeaders.COOKIE, c.split(";")[0]));
        ResponseEntity<String> user = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        assertThat(user.getStatusCode().value()).isEqualTo(200);
        assertThat(user.getBody()).contains("\"userId\":\"admin\"", "cockpit");
        assertThat(http.withBasicAuth("instructeur", PASSWORD).getForEntity("/camunda/app/cockpit/default/",
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errors(ResponseEntity<Map<String, Object>> response) {
        return (Map<String, Object>) response.getBody().get("erreurs");
    }
}
