package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.workflow.Deadlines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Campaign administration (issue 19): an edition scheduled and edited through the pages, its bad input shown next
 * to the fields with nothing saved, its changes audited; once open only a later closing is accepted; its rules
 * (eligible legal forms, amounts, required pieces, own deadlines) applied to the applications.
 */
class CampaignAdminIT extends ApiTestSupport {
    private static final ZoneId PARIS = fr.agir.shared.TimeConfig.PARIS;

    @Autowired
    private ManagementService management;
    @Autowired
    private Deadlines deadlines;

    @Test
    void aCampaignIsScheduledEditedAndDuplicatedThroughThePagesAndEveryChangeIsAudited() {
        String admin = signedInSession("admin");
        String code = "CA-" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-A";
        LocalDate opening = LocalDate.now(PARIS).plusMonths(2);

        // Bad input: every error next to its field, what was typed kept, nothing saved.
        MultiValueMap<String, String> bad = form(admin, "/administration/campagnes/nouvelle", code, opening);
        bad.set("closingDate", opening.minusDays(1).toString());
        bad.set("envelopeOperating", "0");
        bad.set("minAmount", "50 000");
        bad.set("maxAmount", "1000");
        bad.add("thematics", "THEMATIQUE_INCONNUE");
        bad.set("deadlineOpinionDays", "quinze");
        ResponseEntity<String> refused = browser(admin, HttpMethod.POST, "/administration/campagnes", formPost(bad));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("id=\"closingDate-erreur\"", "La clôture doit suivre l", "id=\"envelopeOperating-erreur\"",
                "doit être supérieure à 0 €", "id=\"maxAmount-erreur\"", "Le maximum doit être supérieur ou égal au minimum",
                "id=\"thematics-erreur\"", "id=\"deadlineOpinionDays-erreur\"", "value=\"50 000\"", "value=\"" + code + "\"");
        assertThat(count("select count(*) from campaign where code = ?", code)).as("nothing saved").isZero();

        // Good input: scheduled, with its rules, audited, and its opening timer at the moment chosen (Paris).
        MultiValueMap<String, String> good = form(admin, "/administration/campagnes/nouvelle", code, opening);
        ResponseEntity<String> created = browser(admin, HttpMethod.POST, "/administration/campagnes", formPost(good));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(303);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/administration");
        Map<String, Object> row = jdbc.queryForMap("select * from campaign where code = ?", code);
        Long id = ((Number) row.get("ID")).longValue();
        assertThat(row.get("STATUS")).isEqualTo("SCHEDULED");
        assertThat(row.get("LEGAL_FORMS")).isEqualTo("ASSOCIATION,SCIC");
        assertThat(row.get("REQUIRED_DOCUMENTS")).isEqualTo("ATTESTATION_URSSAF,RIB,STATUTS");
        assertThat((BigDecimal) row.get("MAX_AMOUNT")).isEqualByComparingTo("40000");
        assertThat(row.get("DEADLINE_MISSING_PIECES")).isEqualTo("P5D");
        assertThat(row.get("SUB_THEMES")).asString().contains("TRANSITION_ECOLOGIQUE|Réemploi", "TRANSITION_ECOLOGIQUE|Alimentation durable");
        assertThat(count("select count(*) from audit_event where entity_type = 'CAMPAIGN' and entity_id = ? "
                + "and action = 'CAMPAIGN_CREATED'", id)).isEqualTo(1);
        assertThat(openingTimer(code).getDuedate().toInstant())
                .isEqualTo(opening.atTime(9, 30).atZone(PARIS).toInstant());
        String list = browser(admin, HttpMethod.GET, "/administration", null).getBody();
        assertThat(list).contains(code, "Programmée", "Appel " + code);

        // Edited before opening: anything may change; the diff is audited, the timer follows the new date.
        MultiValueMap<String, String> edit = form(admin, "/administration/campagnes/" + id, code, opening.plusDays(3));
        edit.set("name", "Appel à Agir " + code + " révisé");
        edit.set("envelopeInvestment", "450 000");
        ResponseEntity<String> edited = browser(admin, HttpMethod.POST, "/administration/campagnes/" + id, formPost(edit));
        assertThat(edited.getStatusCode().value()).as(edited.getBody()).isEqualTo(303);
        String diff = jdbc.queryForObject("select reason from audit_event where entity_type = 'CAMPAIGN' and entity_id = ? "
                + "and action = 'CAMPAIGN_UPDATED'", String.class, id);
        assertThat(diff).contains("Nom : Appel " + code + " → Appel à Agir " + code + " révisé",
                "Enveloppe d'investissement : 400 000,00 € → 450 000,00 €", "Date d'ouverture");
        assertThat(openingTimer(code).getDuedate().toInstant())
                .isEqualTo(opening.plusDays(3).atTime(9, 30).atZone(PARIS).toInstant());

        // Duplicated for next year: the same rules, the dates a year later.
        String copy = browser(admin, HttpMethod.GET, "/administration/campagnes/nouvelle?depuis=" + id, null).getBody();
        assertThat(copy).contains("value=\"" + code + "-" + opening.plusDays(3).plusYears(1).getYear() + "\"",
                "value=\"" + opening.plusDays(3).plusYears(1) + "\"", "Alimentation durable");

        // The API reads the same campaign with its rules.
        Map<String, Object> api = get("admin", "/api/campaigns/" + id);
        assertThat(api).containsEntry("legalForms", List.of("ASSOCIATION", "SCIC")).containsEntry("deadlineMissingPieces", "P5D");

        // Nobody else sees or changes the administration.
        for (String user : new String[] {"porteur", "instructeur", "finances1", "jury"}) {
            String session = signedInSession(user);
            ResponseEntity<String> page = browser(session, HttpMethod.GET, "/administration", null);
            assertThat(page.getStatusCode().value()).as(user).isIn(403, 404);
            assertThat(page.getBody()).as(user).doesNotContain(code);
            MultiValueMap<String, String> intrusion = new LinkedMultiValueMap<>(edit);
            intrusion.set("_csrf", csrfOf(browser(session, HttpMethod.GET, "/", null).getBody()));
            assertThat(browser(session, HttpMethod.POST, "/administration/campagnes/" + id, formPost(intrusion))
                    .getStatusCode().value()).as(user).isIn(403, 404);
            assertThat(browser(session, HttpMethod.GET, "/administration/directions/routage.dmn", null)
                    .getStatusCode().value()).as(user).isIn(403, 404);
        }
    }

    @Test
    void onceOpenWithApplicationsOnlyALaterClosingIsAcceptedAndTheClosingTimerFollows() {
        Map<String, Object> campaign = openCampaign(30);
        String id = String.valueOf(campaign.get("id"));
        String code = (String) campaign.get("code");
        draft("porteur", id, registerStructure("porteur").get("id"), 1, List.of(budget(1, 10000, 20000)));
        String admin = signedInSession("admin");
        LocalDate closing = LocalDate.now(PARIS).plusDays(30);
        String editPath = "/administration/campagnes/" + id;
        assertThat(browser(admin, HttpMethod.GET, editPath, null).getBody())
                .contains("Campagne ouverte : seules la clôture et les délais peuvent encore changer.");

        // Earlier: refused with the reason, next to the field; nothing changed.
        MultiValueMap<String, String> earlier = current(admin, editPath);
        earlier.set("closingDate", closing.minusDays(5).toString());
        ResponseEntity<String> refused = browser(admin, HttpMethod.POST, editPath, formPost(earlier));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("id=\"closingDate-erreur\"", "La clôture ne peut pas être avancée : 1 candidature");
        // Anything else: refused too.
        MultiValueMap<String, String> envelope = current(admin, editPath);
        envelope.set("envelopeOperating", "2000000");
        ResponseEntity<String> refusedEnvelope = browser(admin, HttpMethod.POST, editPath, formPost(envelope));
        assertThat(refusedEnvelope.getStatusCode().value()).isEqualTo(422);
        assertThat(refusedEnvelope.getBody()).contains("id=\"envelopeOperating-erreur\"", "Ne peut plus changer : la campagne est ouverte");
        assertThat(jdbc.queryForObject("select closing_date from campaign where id = ?", LocalDate.class, id)).isEqualTo(closing);
        assertThat((BigDecimal) jdbc.queryForObject("select envelope_operating from campaign where id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("1000000");
        assertThat(count("select count(*) from audit_event where entity_id = ? and action = 'CAMPAIGN_UPDATED'", id)).isZero();

        // Later, with the campaign's own opinion deadline: accepted, audited, the closing timer moved.
        MultiValueMap<String, String> later = current(admin, editPath);
        later.set("closingDate", closing.plusDays(10).toString());
        later.set("deadlineOpinionDays", "20");
        ResponseEntity<String> accepted = browser(admin, HttpMethod.POST, editPath, formPost(later));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(303);
        assertThat(jdbc.queryForObject("select closing_date from campaign where id = ?", LocalDate.class, id))
                .isEqualTo(closing.plusDays(10));
        assertThat(jdbc.queryForObject("select reason from audit_event where entity_id = ? and entity_type = 'CAMPAIGN' "
                + "and action = 'CAMPAIGN_UPDATED'", String.class, id)).contains("Date de clôture", "Délai des avis : par défaut → P20D");
        Job closingTimer = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(code).singleResult().getId()).activityId("Event_ClosingDateReached").timers()
                .singleResult();
        assertThat(closingTimer.getDuedate().toInstant()).isEqualTo(closing.plusDays(11).atStartOfDay(PARIS).toInstant());
        // The campaign's own deadline wins; another campaign keeps the configuration's.
        LocalDate today = LocalDate.now(PARIS);
        assertThat(deadlines.opinionDueFrom(today, Long.valueOf(id))).isEqualTo(today.plusDays(20));
        assertThat(deadlines.opinionDueFrom(today, -1L)).isEqualTo(deadlines.opinionDueFrom(today));
        // The API answers a refused change in problem+json, in French.
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Appel " + code,
                "openingDate", LocalDate.now(PARIS).minusDays(1).toString(), "closingDate", closing.minusDays(1).toString(),
                "envelopeOperating", 1000000, "envelopeInvestment", 100000, "maxDurationYears", 2,
                "thematics", List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN")));
        body.put("deadlineOpinion", "P20D");
        ResponseEntity<Map<String, Object>> apiRefused = call("admin", HttpMethod.PUT, "/api/campaigns/" + id, body);
        assertProblem(apiRefused, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(String.valueOf(apiRefused.getBody())).contains("ne peut pas être avancée");
    }

    @Test
    void theCampaignsRulesAreAppliedWhenAnApplicationIsSubmitted() {
        String admin = signedInSession("admin");
        String code = "CR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        LocalDate today = LocalDate.now(PARIS);
        MultiValueMap<String, String> form = form(admin, "/administration/campagnes/nouvelle", code, today);
        form.set("openingTime", "00:00");
        form.set("legalForms", "SCOP");
        form.set("minAmount", "5000");
        form.set("maxAmount", "20000");
        ResponseEntity<String> created = browser(admin, HttpMethod.POST, "/administration/campagnes", formPost(form));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(303);
        Long id = jdbc.queryForObject("select id from campaign where code = ?", Long.class, code);
        await().atMost(PATIENCE).until(() -> "OPEN".equals(get("admin", "/api/campaigns/" + id).get("status")));

        // An association (not eligible), 30 000 € (over the maximum), no URSSAF certificate (required here).
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", id, structure.get("id"), 1, List.of(budget(1, 30000, 40000)));
        ResponseEntity<Map<String, Object>> refused = call("porteur", HttpMethod.POST,
                "/api/applications/" + draft.get("id") + "/submit", null);
        assertProblem(refused, 422, "urn:agir:probleme:saisie-invalide");
        String errors = String.valueOf(refused.getBody());
        assertThat(errors).contains("legalForm", "forme « Association loi 1901 »", "Société coopérative et participative (SCOP)",
                "budgets[1].requestedAmount", "dépasse le maximum de cet appel à projets : 20 000,00 € par an",
                "Attestation de vigilance URSSAF");
        assertThat(errors).as("not required by this campaign").doesNotContain("Liste des dirigeants");
        assertThat(get("porteur", "/api/applications/" + draft.get("id")).get("status")).isEqualTo("DRAFT");
    }

    /** A complete campaign form as the page posts it. */
    private MultiValueMap<String, String> form(String session, String page, String code, LocalDate opening) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(browser(session, HttpMethod.GET, page, null).getBody()));
        form.add("code", code);
        form.add("name", "Appel " + code);
        form.add("openingDate", opening.toString());
        form.add("openingTime", "09:30");
        form.add("closingDate", opening.plusDays(45).toString());
        form.add("closingTime", "23:59");
        form.add("envelopeOperating", "1 500 000");
        form.add("envelopeInvestment", "400 000");
        form.add("maxDurationYears", "2");
        form.add("thematics", "NOUVELLES_SOLIDARITES");
        form.add("thematics", "TRANSITION_ECOLOGIQUE");
        form.add("subThemes[TRANSITION_ECOLOGIQUE]", "Réemploi\nAlimentation durable");
        form.add("legalForms", "ASSOCIATION");
        form.add("legalForms", "SCIC");
        form.add("requiredDocuments", "STATUTS");
        form.add("requiredDocuments", "RIB");
        form.add("requiredDocuments", "ATTESTATION_URSSAF");
        form.add("minAmount", "");
        form.add("maxAmount", "40 000");
        form.add("deadlineMissingPiecesDays", "5");
        form.add("deadlineOpinionDays", "");
        form.add("deadlineReportMonths", "");
        return form;
    }

    /** The edit form as the page shows it for the campaign (every field as it is now). */
    private MultiValueMap<String, String> current(String session, String page) {
        String html = browser(session, HttpMethod.GET, page, null).getBody();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(html));
        var inputs = java.util.regex.Pattern.compile("<input[^>]*>").matcher(html);
        while (inputs.find()) {
            String tag = inputs.group();
            String name = attribute(tag, "name");
            String type = attribute(tag, "type");
            if (name == null || name.equals("_csrf") || name.startsWith("_")) {
                continue;
            }
            if (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked")) {
                continue;
            }
            form.add(name, org.springframework.web.util.HtmlUtils.htmlUnescape(attribute(tag, "value") == null ? ""
                    : attribute(tag, "value")));
        }
        return form;
    }

    private static String attribute(String tag, String name) {
        var m = java.util.regex.Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private Job openingTimer(String code) {
        return management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(code).singleResult().getId()).activityId("Event_OpeningDateReached").timers()
                .singleResult();
    }
}
