package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** A whole two-year grant through the HTTP API, job executor on, checked in the database at the end. */
class LifecycleApiIT extends ApiTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void aTwoYearGrantTravelsTheWholeLifecycleThroughTheApi() throws Exception {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 2,
                List.of(budget(1, 20000, 30000), budget(2, 15000, 30000)));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");

        Map<String, Object> submitted = post("porteur", "/api/applications/" + id + "/submit", null);
        Map<String, Object> again = post("porteur", "/api/applications/" + id + "/submit", null);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(again.get("reference")).isEqualTo(reference);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("application-lifecycle")
                .processInstanceBusinessKey(reference).count()).as("one process for two submissions").isEqualTo(1);
        assertThat(pdfText("porteur", "/api/applications/" + id + "/receipt")).contains("Accusé de réception",
                reference, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), "20 000,00 €");

        // Completeness: the instructor finds the task in his team's queue for this call.
        await().atMost(PATIENCE).until(() -> ((List<Map<String, Object>>) get("instructeur",
                "/api/instruction/queue?campaignId=" + campaign.get("id")).get("items")).stream()
                .anyMatch(t -> reference.equals(t.get("reference"))
                        && "Task_CheckCompleteness".equals(t.get("taskKey"))));
        post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "COMPLETE"));

        // Opinions routed by the DMN table (transition écologique → DTER, jeunes → DJVA).
        await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
        awaitWaitingAt(reference, "Task_GiveOpinion");
        await().atMost(PATIENCE).until(() -> list("avis-dter", "/api/tasks?size=200").stream()
                .anyMatch(t -> reference.equals(t.get("applicationReference"))));
        assertThat(list("avis-dter", "/api/tasks?size=200")).filteredOn(t -> reference.equals(t.get("applicationReference")))
                .as("a DTER reviewer is offered DTER's opinion task only").hasSize(1);
        post("avis-dter", "/api/applications/" + id + "/opinions/DTER",
                Map.of("verdict", "FAVORABLE", "comment", "Projet utile au territoire", "suggestedAmount", 18000));
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA",
                Map.of("verdict", "RESERVED", "comment", "Public jeune à préciser"));

        awaitWaitingAt(reference, "Task_WriteSynthesis");
        post("instructeur", "/api/applications/" + id + "/synthesis",
                Map.of("summary", "Projet solide, deux avis", "proposedAmounts", Map.of("1", 18000, "2", 15000)));
        awaitWaitingAt(reference, "Event_JuryResultReceived");
        post("instructeur", "/api/applications/" + id + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 2, "amounts", Map.of("1", 18000, "2", 15000), "comment", "Classé 12e"));
        // Before the vote, the applicant sees the stage, not the opinions, proposals or the jury's view.
        Map<String, Object> seenByApplicant = get("porteur", "/api/applications/" + id);
        assertThat(seenByApplicant.get("status")).isEqualTo("AWAITING_VOTE");
        assertThat(((Map<?, ?>) seenByApplicant.get("amounts")).keySet()).map(String::valueOf).containsOnly("REQUESTED", "GRANTED");
        assertThat(seenByApplicant).doesNotContainKey("synthesis");
        assertThat(String.valueOf(seenByApplicant.get("statusReason"))).doesNotContain("FAVORABLE", "18");
        assertThat(historyText("porteur", id)).doesNotContain("Classé 12e", "Public jeune à préciser", "réservé",
                "18 000", "15 000");
        assertThat(historyText("instructeur", id)).contains("Classé 12e", "DJVA : avis réservé");
        assertThat(call("porteur", HttpMethod.GET, "/api/applications/" + id + "/opinions", null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call("jury", HttpMethod.GET, "/api/applications/" + id, null).getStatusCode().value())
                .as("a jury member sees only his assignments (none yet)").isEqualTo(404);
        assertThat(call("avis-dter", HttpMethod.GET, "/api/structures/" + structure.get("id"), null)
                .getStatusCode().value()).as("bank details are not a reviewer's business").isEqualTo(404);

        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-042", "deliberationDate", java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));

        // Agreement: generated by the process, signed, countersigned, readable as PDF.
        awaitWaitingAt(reference, "Task_SignAgreement");
        Map<String, Object> agreement = get("porteur", "/api/applications/" + id + "/agreement");
        String agreementId = String.valueOf(agreement.get("id"));
        assertThat(pdfText("porteur", "/api/agreements/" + agreementId + "/pdf"))
                .contains((String) agreement.get("number"), "CP-2026-11-042", "33 000,00 €");
        for (String path : List.of("/api/agreements/" + agreementId, "/api/agreements/" + agreementId + "/pdf",
                "/api/applications/" + id + "/agreement", "/api/applications/" + id + "/installments",
                "/api/applications/" + id + "/reports", "/api/applications/" + id + "/receipt",
                "/api/applications/" + id + "/history")) {
            assertThat(callForText("porteuse", HttpMethod.GET, path).getStatusCode().value())
                    .as("another applicant reading " + path).isEqualTo(404);
        }
        assertThat(call("porteuse", HttpMethod.POST, "/api/agreements/" + agreementId + "/sign",
                Map.of("code", "123456", "consent", true)).getStatusCode().value()).isEqualTo(404);
        assertThat(call("porteuse", HttpMethod.POST, "/api/agreements/" + agreementId + "/signature-code", null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get("porteur", "/api/agreements/" + agreementId).get("status")).isEqualTo("TO_SIGN");
        signAgreement("porteur", agreementId);
        awaitWaitingAt(reference, "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);

        for (int year = 1; year <= 2; year++) {
            pay(id, reference, year, "ADVANCE");
            Map<String, Object> report = awaitReport(id, year);
            awaitWaitingAt(reference, "Task_SubmitReport");
            assertThat(call("porteuse", HttpMethod.POST, "/api/reports/" + report.get("id") + "/submit",
                    Map.of("actualCharges", 1, "actualProducts", 1, "spentGrant", 1, "qualitativeReport", "intrus"))
                    .getStatusCode().value()).isEqualTo(404);
            post("porteur", "/api/reports/" + report.get("id") + "/submit", Map.of("actualCharges", 34000,
                    "actualProducts", 34000, "spentGrant", 18000, "qualitativeReport", "120 vélos réparés"));
            awaitWaitingAt(reference, "Task_ValidateReport");
            post("instructeur", "/api/reports/" + report.get("id") + "/review", Map.of("outcome", "VALIDATED"));
            pay(id, reference, year, "BALANCE");
        }
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(get("porteur", "/api/applications/" + id).get("status")));
        assertThat(list("finances1", "/api/applications/" + id + "/installments")).as("finance sees payments")
                .hasSize(4);
        assertThat(callForText("finances1", HttpMethod.GET, "/api/applications/" + id + "/history")
                .getStatusCode().value()).as("not the case file, nor the jury's deliberation").isEqualTo(404);

        // The database holds the whole story.
        long appId = Long.parseLong(id);
        assertThat(jdbc.queryForObject("select status from agreement where application_id = ?", String.class, appId))
                .isEqualTo("CLOSED");
        assertThat(count("select count(*) from installment where application_id = ? and status = 'PAID' "
                + "and payment_order_number is not null and prepared_by <> validated_by", appId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select sum(amount) from installment where application_id = ?",
                java.math.BigDecimal.class, appId)).isEqualByComparingTo("33000.00");
        assertThat(count("select count(*) from report where application_id = ? and status = 'VALIDATED'", appId))
                .isEqualTo(2);
        assertThat(count("select count(*) from opinion where application_id = ? and status = 'GIVEN'", appId))
                .isEqualTo(2);
        assertThat(count("select count(*) from application_amount where application_id = ? and kind = 'GRANTED'",
                appId)).isEqualTo(2);

        // Audit: the application's stages form one unbroken chain, each step by the right person.
        List<Map<String, Object>> stages = jdbc.queryForList("select actor, from_state, to_state from audit_event "
                + "where entity_type = 'APPLICATION' and application_id = ? order by id", appId);
        List<String> path = new ArrayList<>();
        String previous = null;
        for (Map<String, Object> stage : stages) {
            if (stage.get("from_state") != null || previous != null) {
                assertThat(stage.get("from_state")).isEqualTo(previous);
            }
            previous = (String) stage.get("to_state");
            path.add(previous);
        }
        assertThat(path).containsExactly("DRAFT", "SUBMITTED", "UNDER_REVIEW", "AWAITING_JURY", "AWAITING_VOTE",
                "GRANTED", "IN_PROGRESS", "CLOSED");
        assertThat(jdbc.queryForList("select actor from audit_event where application_id = ? and action = ?",
                String.class, appId, "AGREEMENT_SIGNED")).containsExactly("porteur");
        assertThat(jdbc.queryForList("select actor from audit_event where application_id = ? and action = ?",
                String.class, appId, "PAYMENT_VALIDATED")).containsOnly("finances2").hasSize(4);

        // The admin follows it in Camunda's history (the data behind Cockpit).
        List<?> history = http.exchange("/engine-rest/history/process-instance?processInstanceBusinessKey="
                + reference + "&processDefinitionKey=application-lifecycle", HttpMethod.GET,
                new HttpEntity<>(headersFor("admin")), List.class).getBody();
        assertThat(history).hasSize(1);
        assertThat(((Map<?, ?>) history.get(0)).get("state")).isEqualTo("COMPLETED");
    }

    /**
     * A one-year grant of 10 000 € (at most agir.legal-instrument.agreement-above): bpmn/legal-instrument.dmn
     * chooses an arrêté attributif, in force at once, shown to the structure where an agreement would be,
     * paid in one installment, then reported and closed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aOneYearGrantUnderTheThresholdGetsAnArreteShownInThePortalAndPaidOnce() throws Exception {
        Map<String, Object> campaign = openCampaign(30);
        Voted voted = awaitingJury(campaign.get("id"), registerStructure("porteur"), 12000);
        String id = voted.applicationId();
        String reference = voted.reference();
        post("instructeur", "/api/applications/" + id + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", 10000)));
        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-045",
                "deliberationDate", java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        awaitWaitingAt(reference, "Task_PreparePayment");

        Map<String, Object> arrete = get("porteur", "/api/applications/" + id + "/agreement");
        assertThat(arrete).containsEntry("instrument", "ARRETE").containsEntry("status", "IN_FORCE");
        assertThat((String) arrete.get("number")).startsWith("ARR-");
        String arreteId = String.valueOf(arrete.get("id"));
        assertThat(pdfText("porteur", "/api/agreements/" + arreteId + "/pdf")).contains(
                "Arrêté attributif de subvention n° " + arrete.get("number"), "CP-2026-11-045", "10 000,00 €",
                "versée en une fois", "tribunal administratif de Montreuil");
        assertThat(call("porteuse", HttpMethod.GET, "/api/agreements/" + arreteId, null).getStatusCode().value())
                .as("another structure's arrêté").isEqualTo(404);
        assertThat(call("porteur", HttpMethod.POST, "/api/agreements/" + arreteId + "/sign",
                Map.of("code", "123456", "consent", true)).getStatusCode().is2xxSuccessful()).as("nothing to sign").isFalse();
        assertThat(call("porteur", HttpMethod.POST, "/api/agreements/" + arreteId + "/signature-code", null)
                .getStatusCode().value()).as("no code for an arrêté").isEqualTo(409);

        // The portal shows it where it shows an agreement: its facts and PDF, nothing to sign.
        String session = signedInSession("porteur");
        assertThat(browser(session, HttpMethod.GET, "/portail/candidatures/" + id, null).getBody())
                .contains("/portail/candidatures/" + id + "/convention", "Voir la convention ou l’arrêté attributif");
        String page = browser(session, HttpMethod.GET, "/portail/candidatures/" + id + "/convention", null).getBody();
        assertThat(page).contains("Arrêté attributif " + arrete.get("number"), "Lire l’arrêté attributif (PDF)",
                "/api/agreements/" + arreteId + "/pdf", "Un versement unique", "En vigueur")
                .doesNotContain("/signature", "Signer la convention", "Signée par la structure");
        assertThat(historyText("porteur", id)).contains("Arrêté attributif établi");

        List<Map<String, Object>> installments = list("finances1", "/api/applications/" + id + "/installments");
        assertThat(installments).singleElement().satisfies(i -> {
            assertThat(i.get("kind")).isEqualTo("SINGLE");
            assertThat(new java.math.BigDecimal(String.valueOf(i.get("amount")))).isEqualByComparingTo("10000");
        });
        pay(id, reference, 1, "SINGLE");
        Map<String, Object> report = awaitReport(id, 1);
        awaitWaitingAt(reference, "Task_SubmitReport");
        post("porteur", "/api/reports/" + report.get("id") + "/submit", Map.of("actualCharges", 22000,
                "actualProducts", 22000, "spentGrant", 10000, "qualitativeReport", "Atelier ouvert"));
        awaitWaitingAt(reference, "Task_ValidateReport");
        post("instructeur", "/api/reports/" + report.get("id") + "/review", Map.of("outcome", "VALIDATED"));
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(get("porteur", "/api/applications/" + id).get("status")));
        assertThat(list("finances1", "/api/applications/" + id + "/installments")).singleElement()
                .satisfies(i -> assertThat(i.get("status")).isEqualTo("PAID"));
        assertThat(jdbc.queryForObject("select instrument from agreement where application_id = ?", String.class,
                Long.valueOf(id))).isEqualTo("ARRETE");
    }

    private String historyText(String user, String applicationId) {
        return list(user, "/api/applications/" + applicationId + "/history").toString();
    }

    private String pdfText(String user, String path) throws java.io.IOException {
        byte[] pdf = bytes(user, path);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
