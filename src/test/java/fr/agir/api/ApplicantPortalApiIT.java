package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.structure.SampleFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What the portal calls besides the pages: the form's autosave, the submission's checks on the
 * case file's pieces, and the messages with their attachments. Bad input and other people's ids
 * are refused and change nothing.
 */
class ApplicantPortalApiIT extends ApiTestSupport {
    private ResponseEntity<Map<String, Object>> saveForm(String user, Object id, Map<String, Object> data) {
        return call(user, HttpMethod.PUT, "/api/applications/" + id + "/form", Map.of("data", data));
    }

    @Test
    void theFormIsAutosavedIncompleteButNeverMalformedNorForSomeoneElse() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        Object id = draft.get("id");
        Map<String, Object> form = get("porteur", "/api/applications/" + id + "/form");
        assertThat(form).containsEntry("editable", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) form.get("data");
        assertThat(data).containsEntry("title", "Recyclerie solidaire").containsEntry("durationYears", "1");
        assertThat(data.get("budget1")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("l64", "l74_departement");

        ResponseEntity<Map<String, Object>> saved = saveForm("porteur", id, Map.of("title", "Recyclerie", "durationYears",
                "1", "budget1", Map.of("l64", 500, "l74_departement", 500)));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(get("porteur", "/api/applications/" + id)).containsEntry("title", "Recyclerie")
                .doesNotContainKey("description");

        String before = jdbc.queryForObject("select title from application where id = ?", String.class, id);
        ResponseEntity<Map<String, Object>> malformed = saveForm("porteur", id, Map.of("title", "x".repeat(201),
                "status", "GRANTED", "thematic", "CULTURE", "budget1", Map.of("l60", "douze")));
        assertProblem(malformed, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(malformed.getBody().get("erreurs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("title", "status", "thematic",
                "budget1.l60");
        assertThat(saveForm("porteuse", id, Map.of("title", "Intrus")).getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select title from application where id = ?", String.class, id)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCampaignsSubThemesOfTheChosenThematicAreOfferedStoredShownAndOneOfAnotherThematicIsRefused() {
        String code = "ST-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        java.time.LocalDate today = java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        Map<String, Object> campaign = post("admin", "/api/campaigns", Map.of("code", code, "name", "Appel " + code,
                "openingDate", today.minusDays(1).toString(), "closingDate", today.plusDays(30).toString(),
                "envelopeOperating", 1000000, "envelopeInvestment", 100000, "maxDurationYears", 2,
                "thematics", List.of("TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN"),
                "subThemes", Map.of("TRANSITION_ECOLOGIQUE", List.of("Réemploi", "Alimentation durable"),
                        "ENGAGEMENT_CITOYEN", List.of("Budget participatif"))));
        await().atMost(PATIENCE).until(() -> "OPEN".equals(get("admin", "/api/campaigns/" + campaign.get("id")).get("status")));
        Map<String, Object> draft = draft("porteur", campaign.get("id"), registerStructure("porteur").get("id"), 1,
                List.of(budget(1, 10000, 20000)));
        Object id = draft.get("id");

        // The form offers the campaign's sub-themes by thematic.
        Map<String, Object> form = get("porteur", "/api/applications/" + id + "/form");
        assertThat((Map<String, Object>) form.get("subThemeOptions")).containsEntry("TRANSITION_ECOLOGIQUE",
                List.of(Map.of("label", "Réemploi", "value", "Réemploi"),
                        Map.of("label", "Alimentation durable", "value", "Alimentation durable")));
        Map<String, Object> data = new java.util.HashMap<>((Map<String, Object>) form.get("data"));

        // A sub-theme of another thematic, or one the campaign does not offer: refused next to the field, nothing saved.
        data.put("subTheme", "Budget participatif");
        ResponseEntity<Map<String, Object>> other = saveForm("porteur", id, data);
        assertProblem(other, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(String.valueOf(((Map<String, Object>) other.getBody().get("erreurs")).get("subTheme")))
                .contains("Choisissez un des sous-thèmes de « Transition écologique » : Réemploi, Alimentation durable");
        assertThat(call("porteur", HttpMethod.PUT, "/api/applications/" + id, Map.of("title", "Recyclerie",
                "thematic", "ENGAGEMENT_CITOYEN", "subTheme", "Réemploi")).getStatusCode().value()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select sub_theme from application where id = ?", String.class, id)).isNull();

        // One of its thematic: stored, given back to the form and the API, shown on the summary.
        data.put("subTheme", "Alimentation durable");
        assertThat(saveForm("porteur", id, data).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select sub_theme from application where id = ?", String.class, id))
                .isEqualTo("Alimentation durable");
        assertThat((Map<String, Object>) get("porteur", "/api/applications/" + id + "/form").get("data"))
                .containsEntry("subTheme", "Alimentation durable");
        assertThat(get("porteur", "/api/applications/" + id)).containsEntry("subTheme", "Alimentation durable");
        String summary = browser(signedInSession("porteur"), HttpMethod.GET, "/portail/candidatures/" + id
                + "/recapitulatif", null).getBody();
        assertThat(summary).contains("<dt>Sous-thème</dt>", "<dd>Alimentation durable</dd>");
    }

    @Test
    void submittingNeedsTheRequiredPiecesOfTheCaseFileAndLinksThemWithoutCopying() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        String structureId = String.valueOf(structure.get("id"));
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 10000, 20000)));
        ResponseEntity<Map<String, Object>> refused = call("porteur", HttpMethod.POST,
                "/api/applications/" + draft.get("id") + "/submit", null);
        assertProblem(refused, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) ((Map<?, ?>) refused.getBody().get("erreurs")).get("documents"))
                .contains("Statuts", "Liste des dirigeants", "RIB");
        assertThat(get("porteur", "/api/applications/" + draft.get("id"))).containsEntry("status", "DRAFT");

        for (String type : List.of("STATUTS", "LISTE_DIRIGEANTS", "RIB")) {
            uploadDocument("porteur", structureId, type, type + ".pdf", SampleFiles.pdf(type), null);
        }
        int stored = count("select count(*) from structure_document where structure_id = ?", structure.get("id"));
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        assertThat(list("porteur", "/api/applications/" + draft.get("id") + "/documents"))
                .extracting(d -> d.get("type")).containsExactlyInAnyOrder("STATUTS", "LISTE_DIRIGEANTS", "RIB");
        assertThat(count("select count(*) from structure_document where structure_id = ?", structure.get("id")))
                .as("linked, not copied").isEqualTo(stored);
        assertThat(saveForm("porteur", draft.get("id"), Map.of("title", "Après dépôt")).getStatusCode().value())
                .as("a submitted application cannot be edited").isEqualTo(409);
    }

    @Test
    void messagesCarryCheckedAttachmentsBetweenTheStructureAndTheDieessOnly() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String path = "/api/applications/" + draft.get("id") + "/messages";
        byte[] pdf = SampleFiles.pdf("Devis du local");

        ResponseEntity<Map<String, Object>> sent = postMessage("porteur", path, "Voici le devis.", "devis.pdf", pdf);
        assertThat(sent.getStatusCode().value()).isEqualTo(201);
        assertThat(sent.getBody()).containsEntry("attachmentName", "devis.pdf")
                .containsEntry("attachmentType", "application/pdf").containsEntry("fromApplicant", true);
        List<Map<String, Object>> thread = list("instructeur", path);
        assertThat(thread).hasSize(1);
        assertThat(bytes("instructeur", path + "/" + thread.get(0).get("id") + "/attachment")).isEqualTo(pdf);

        post("instructeur", path, Map.of("body", "Merci, pouvez-vous préciser le calendrier ?"));
        await().atMost(PATIENCE).until(() -> !TestSmtp.get()
                .withSubject("Nouveau message de la DIEESS sur votre candidature " + draft.get("reference")).isEmpty());

        int messages = count("select count(*) from application_message");
        assertProblem(postMessage("porteur", path, "Le logiciel", "devis.pdf", SampleFiles.windowsExecutable()), 415,
                "urn:agir:probleme:format-de-fichier-refuse");
        assertProblem(postMessage("porteur", path, "Le chemin", "../../etc/devis.pdf", pdf), 400,
                "urn:agir:probleme:nom-de-fichier-invalide");
        assertProblem(postMessage("porteur", path, "", null, null), 422, "urn:agir:probleme:saisie-invalide");
        for (String stranger : List.of("porteuse", "avis-dter", "jury", "finances1")) {
            assertThat(call(stranger, HttpMethod.GET, path, null).getStatusCode().value()).as(stranger).isEqualTo(404);
            assertThat(postMessage(stranger, path, "Intrus", null, null).getStatusCode().value()).as(stranger)
                    .isIn(403, 404);
        }
        assertThat(count("select count(*) from application_message")).as("nothing refused was kept").isEqualTo(messages);
    }
}
