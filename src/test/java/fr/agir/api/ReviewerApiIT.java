package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The directorates' opinions through the API: each reviewer's inbox holds his directorate's
 * requests only, the opinion form is refused for another directorate or invalid data, the reminder
 * reaches the directorate's mailbox, and the synthesis form is prefilled from the opinions.
 */
class ReviewerApiIT extends ApiTestSupport {
    @Autowired
    private ManagementService management;

    /** A submitted application routed to DJVA only (engagement citoyen, tous publics), complete. */
    private Map<String, Object> djvaOnly() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = post("porteur", "/api/applications", Map.of("campaignId", campaign.get("id"),
                "structureId", structure.get("id"), "title", "Conseil de jeunes", "description", "Débats publics",
                "thematic", "ENGAGEMENT_CITOYEN", "targetPublic", "TOUS_PUBLICS", "territory", "Bobigny",
                "durationYears", 1, "budgets", List.of(budget(1, 12000, 20000))));
        submitAndAwaitOpinions(String.valueOf(draft.get("id")), (String) draft.get("reference"));
        return draft;
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> inbox, String list) {
        return (List<Map<String, Object>>) inbox.get(list);
    }

    private static List<Object> references(Map<String, Object> inbox, String list) {
        return items(inbox, list).stream().map(i -> i.get("reference")).toList();
    }

    @Test
    void aReviewerSeesAndAnswersOnlyHisDirectoratesRequestsThroughTheForm() {
        Map<String, Object> both = oneYearDraft(budget(1, 20000, 30000)); // DTER and DJVA
        String id = String.valueOf(both.get("id"));
        String reference = (String) both.get("reference");
        submitAndAwaitOpinions(id, reference);
        Map<String, Object> djva = djvaOnly();
        String djvaReference = (String) djva.get("reference");

        // The pieces the application relies on: readable by the directorates consulted, not by others.
        List<Map<String, Object>> pieces = list("avis-dter", "/api/applications/" + id + "/documents");
        assertThat(pieces).isNotEmpty();
        String piece = (String) pieces.get(0).get("contentUrl");
        assertThat(new String(bytes("avis-dter", piece), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(callForText("avis-dpas", HttpMethod.GET, piece).getStatusCode().value()).isEqualTo(404);
        assertThat(callForText("avis-dter", HttpMethod.GET, "/api/applications/" + id + "/documents/999999999/content")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(callForText("avis-dter", HttpMethod.GET, "/api/structures/" + both.get("structureId")
                + "/documents").getStatusCode().value()).as("not the whole case file").isEqualTo(404);

        Map<String, Object> dterInbox = get("avis-dter", "/api/opinions/inbox");
        assertThat(dterInbox.get("directorates")).isEqualTo(List.of("DTER"));
        assertThat(references(dterInbox, "toGive")).contains(reference).doesNotContain(djvaReference);
        assertThat(items(dterInbox, "toGive")).allSatisfy(i -> assertThat(i.get("directorate")).isEqualTo("DTER"));
        Map<String, Object> item = items(dterInbox, "toGive").stream()
                .filter(i -> reference.equals(i.get("reference"))).findFirst().orElseThrow();
        assertThat(item).containsEntry("title", "Recyclerie solidaire").containsEntry("thematic", "Transition écologique")
                .containsEntry("overdue", false).containsEntry("page", "/avis/" + id + "/DTER");
        assertThat(((Number) item.get("requestedAmount")).intValue()).isEqualTo(20000);
        assertThat((String) item.get("deadline")).startsWith("À rendre au plus tard le ").endsWith("dans 15 jours");
        assertThat(references(get("avis-djva", "/api/opinions/inbox"), "toGive")).contains(reference, djvaReference);
        assertThat(call("porteur", HttpMethod.GET, "/api/opinions/inbox", null).getStatusCode().value()).isEqualTo(403);

        // Another directorate's opinion, or an application not routed to DTER: not found, as if it did not exist.
        Map<String, Object> valid = Map.of("data", Map.of("verdict", "FAVORABLE", "comment", "Projet utile au territoire",
                "suggestedAmount", 18000));
        assertProblem(call("avis-dter", HttpMethod.POST, "/api/applications/" + id + "/opinions/DJVA/form", valid),
                404, "urn:agir:probleme:introuvable");
        assertProblem(call("avis-dter", HttpMethod.POST, "/api/applications/" + djva.get("id") + "/opinions/DTER/form",
                valid), 404, "urn:agir:probleme:introuvable");
        assertThat(callForText("avis-dter", HttpMethod.GET, "/avis/" + id + "/DJVA").getStatusCode().value())
                .isEqualTo(404);

        // Invalid data: each field named, in French, and nothing given.
        ResponseEntity<Map<String, Object>> invalid = call("avis-dter", HttpMethod.POST,
                "/api/applications/" + id + "/opinions/DTER/form", Map.of("data", Map.of("verdict", "PEUT-ETRE",
                        "comment", " ", "suggestedAmount", -5, "grantNow", true)));
        assertProblem(invalid, 422, "urn:agir:probleme:saisie-invalide");
        @SuppressWarnings("unchecked")
        Map<String, Object> errors = (Map<String, Object>) invalid.getBody().get("erreurs");
        assertThat(errors).containsOnlyKeys("verdict", "comment", "suggestedAmount", "grantNow");
        assertThat(String.valueOf(errors.get("verdict"))).isEqualTo("Choisissez une des valeurs proposées");
        assertThat(String.valueOf(errors.get("comment"))).startsWith("Ce champ est obligatoire");
        assertThat(count("select count(*) from opinion where application_id = ? and status = 'GIVEN'", Long.valueOf(id)))
                .isZero();

        Map<String, Object> given = post("avis-dter", "/api/applications/" + id + "/opinions/DTER/form", valid);
        assertThat(given).containsEntry("status", "GIVEN").containsEntry("statusLabel", "Avis favorable")
                .containsEntry("givenBy", "avis-dter");
        ResponseEntity<Map<String, Object>> again = call("avis-dter", HttpMethod.POST,
                "/api/applications/" + id + "/opinions/DTER/form", valid);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) again.getBody().get("detail")).contains("a déjà été donné").contains("par avis-dter");

        Map<String, Object> after = get("avis-dter", "/api/opinions/inbox");
        assertThat(references(after, "toGive")).doesNotContain(reference);
        assertThat(items(after, "done").get(0)).containsEntry("reference", reference)
                .containsEntry("verdict", "FAVORABLE");

        // The synthesis form, once DJVA has answered too: prefilled with the opinions and the amount requested.
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "RESERVED",
                "comment", "Public jeune à préciser"));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        @SuppressWarnings("unchecked")
        Map<String, Object> prefilled = (Map<String, Object>) get("instructeur", "/api/applications/" + id
                + "/synthesis/form").get("data");
        assertThat((String) prefilled.get("summary")).contains("DTER (Direction de la transition écologique et de la "
                + "résilience) : avis favorable. « Projet utile au territoire » Montant suggéré : 18 000,00 €.")
                .contains("DJVA (Direction de la jeunesse et de la vie associative) : avis réservé.");
        assertThat(((Number) prefilled.get("proposedAmountYear1")).intValue()).isEqualTo(20000);
        assertThat(prefilled).containsEntry("durationYears", 1).doesNotContainKey("proposedAmountYear2");
        assertThat(call("avis-dter", HttpMethod.GET, "/api/applications/" + id + "/synthesis/form", null)
                .getStatusCode().value()).isEqualTo(403);

        ResponseEntity<Map<String, Object>> noSummary = call("instructeur", HttpMethod.POST,
                "/api/applications/" + id + "/synthesis/form", Map.of("data", Map.of("proposedAmountYear1", 18000)));
        assertProblem(noSummary, 422, "urn:agir:probleme:saisie-invalide");
        @SuppressWarnings("unchecked")
        Map<String, Object> synthesisErrors = (Map<String, Object>) noSummary.getBody().get("erreurs");
        assertThat(synthesisErrors).containsOnlyKeys("summary");
        ResponseEntity<Map<String, Object>> written = call("instructeur", HttpMethod.POST, "/api/applications/" + id
                + "/synthesis/form", Map.of("data", Map.of("summary", "Projet solide", "proposedAmountYear1", 18000,
                "durationYears", 2)));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(204);
        awaitWaitingAt(reference, "Event_JuryResultReceived");
        assertThat(get("instructeur", "/api/applications/" + id).get("status")).isEqualTo("AWAITING_JURY");
        assertThat(jdbc.queryForObject("select amount from application_amount where application_id = ? "
                + "and kind = 'PROPOSED' and grant_year = 1", java.math.BigDecimal.class, Long.valueOf(id)))
                .isEqualByComparingTo("18000");
    }

    @Test
    void theReminderReachesTheDirectoratesMailboxBeforeTheDeadline() throws Exception {
        Map<String, Object> djva = djvaOnly();
        String reference = (String) djva.get("reference");
        Job reminder = await().atMost(PATIENCE).until(() -> management.createJobQuery().timers()
                .activityId("Event_OpinionReminderDue").list().stream()
                .filter(j -> reference.equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
                .findFirst().orElse(null), j -> j != null);

        management.executeJob(reminder.getId()); // as the job executor would, 3 days before the deadline

        List<jakarta.mail.internet.MimeMessage> mails = await().atMost(PATIENCE)
                .until(() -> TestSmtp.get().withSubject("Rappel : avis DJVA").stream()
                        .filter(m -> subject(m).endsWith(reference)).toList(), m -> !m.isEmpty());
        jakarta.mail.internet.MimeMessage mail = mails.get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("avis-djva@agir.example.org");
        assertThat(mail.getSubject()).startsWith("Rappel : avis DJVA attendu avant le ");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("/avis/" + djva.get("id") + "/DJVA");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_GiveOpinion").count()).as("the task is still open").isEqualTo(1);
    }
}
