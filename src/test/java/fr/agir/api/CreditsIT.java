package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Budget credits (issue 17): a commitment one cent over the AE is refused with nothing changed (agreement still
 * signed, no commitment, task open); a payment one cent over the year's CP is refused at validation with nothing
 * changed; an arrêté over the AE stops as an incident until the AE is raised; the page shows the figures; the
 * people outside finance and administration do not see it.
 */
class CreditsIT extends ApiTestSupport {
    @Autowired
    private ManagementService management;

    private static final int YEAR = LocalDate.now(fr.agir.shared.TimeConfig.PARIS).getYear();

    @Test
    void aCommitmentOrAPaymentOneCentOverTheCreditIsRefusedWithNothingChanged() {
        Map<String, Object> campaign = openCampaign(30);
        String campaignId = String.valueOf(campaign.get("id"));
        String code = (String) campaign.get("code");
        Voted voted = voted(campaignId, 30000, 27000);
        String finance = signedInSession("finances1");
        // The AE one cent short of the 27 000 € grant, through the page's form.
        assertThat(setCredit(finance, "ae", campaignId, "OPERATING", null, "26 999,99").getStatusCode().value()).isEqualTo(303);
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement")
                .get("id"));
        String base = "/api/agreements/" + agreementId;
        signAgreement("porteur", agreementId);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");

        ResponseEntity<Map<String, Object>> refused = call("signataire", HttpMethod.POST, base + "/countersign", null);
        assertProblem(refused, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) refused.getBody().get("detail")).contains("Autorisation d'engagement insuffisante",
                "campagne " + code, "AE disponible 26 999,99 €, engagement 27 000,00 €", "Rien n'a été modifié");
        assertThat(get("porteur", base).get("status")).as("still signed").isEqualTo("SIGNED");
        assertThat(count("select count(*) from credit_commitment where application_id = ?", voted.applicationId()))
                .as("no commitment").isZero();
        assertThat(count("select signatures from agreement_pdf where agreement_id = ?", agreementId))
                .as("the PDF carries the structure's signature only").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(voted.reference())
                .taskDefinitionKey("Task_CountersignAgreement").count()).as("the task is still open").isEqualTo(1);

        // Lowering below what is committed is refused too; raising it lets the countersignature through.
        assertThat(setCredit(finance, "ae", campaignId, "OPERATING", null, "27000").getStatusCode().value()).isEqualTo(303);
        post("signataire", base + "/countersign", null);
        assertThat(get("porteur", base).get("status")).isEqualTo("IN_FORCE");
        assertThat(jdbc.queryForObject("select amount from credit_commitment where application_id = ?",
                BigDecimal.class, voted.applicationId())).isEqualByComparingTo("27000");
        ResponseEntity<String> lowered = setCredit(finance, "ae", campaignId, "OPERATING", null, "26999.99");
        assertThat(lowered.getStatusCode().value()).isEqualTo(409);
        assertThat(lowered.getBody()).contains("ne peut pas descendre à 26 999,99 €", "engagé 27 000,00 €",
                "value=\"26999.99\"");
        assertThat(jdbc.queryForObject("select amount from credit_ae where campaign_id = ? and part = 'OPERATING'",
                BigDecimal.class, campaignId)).isEqualByComparingTo("27000");

        // The advance (80 % of 27 000 €) against this year's CP, one cent short.
        assertThat(setCredit(finance, "cp", campaignId, "OPERATING", YEAR, "21599.99").getStatusCode().value()).isEqualTo(303);
        Map<String, Object> advance = awaitInstallment(voted.applicationId(), 1, "ADVANCE");
        String path = "/api/installments/" + advance.get("id");
        awaitWaitingAt(voted.reference(), "Task_PreparePayment");
        post("finances1", path + "/prepare", Map.of("comment", "Conditions de versement réunies"));
        awaitWaitingAt(voted.reference(), "Task_ValidatePayment");
        ResponseEntity<Map<String, Object>> overCp = call("finances2", HttpMethod.POST, path + "/validate",
                Map.of("decision", "APPROVE"));
        assertProblem(overCp, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) overCp.getBody().get("detail")).contains("Crédits de paiement insuffisants",
                "exercice " + YEAR, "CP disponibles 21 599,99 €, paiement 21 600,00 €");
        assertThat(awaitInstallment(voted.applicationId(), 1, "ADVANCE").get("status")).isEqualTo("PREPARED");
        assertThat(count("select count(*) from credit_consumption where installment_id = ?", advance.get("id"))).isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(voted.reference())
                .taskDefinitionKey("Task_ValidatePayment").count()).isEqualTo(1);

        assertThat(setCredit(finance, "cp", campaignId, "OPERATING", YEAR, "21 600").getStatusCode().value()).isEqualTo(303);
        post("finances2", path + "/validate", Map.of("decision", "APPROVE"));
        exportAndReturn(String.valueOf(advance.get("id")));
        await().atMost(PATIENCE).until(() -> "PAID".equals(awaitInstallment(voted.applicationId(), 1, "ADVANCE")
                .get("status")));

        // The page: voted, committed, consumed, paid, available, and the chart's words.
        String page = browser(signedInSession("admin"), HttpMethod.GET, "/finances/credits", null).getBody();
        String row = page.substring(page.indexOf(code + " – Appel " + code));
        assertThat(page).contains("AE " + code + " – fonctionnement : voté 27 000,00 €, engagé 27 000,00 € (100 %), "
                + "disponible 0,00 €.", "CP " + YEAR + " " + code + " – fonctionnement : voté 21 600,00 €, consommé "
                + "21 600,00 € (100 %), disponible 0,00 €.", "65 / 6574 / 93", "<svg");
        assertThat(row).contains("27 000,00 €", "21 600,00 €");
    }

    @Test
    void anArreteOverTheAeStopsAsAnIncidentUntilTheAeIsRaised() {
        Map<String, Object> campaign = openCampaign(30);
        String campaignId = String.valueOf(campaign.get("id"));
        String finance = signedInSession("finances2");
        // 18 000 € over one year: an arrêté attributif (bpmn/legal-instrument.dmn), issued by the process.
        setCredit(finance, "ae", campaignId, "OPERATING", null, "17999.99");
        Voted voted = votedWithoutWaiting(campaignId, 20000, 18000);
        String instance = await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(voted.reference()).singleResult(), p -> p != null).getId();
        Incident incident = await().atMost(PATIENCE).until(() -> runtime.createIncidentQuery()
                .processInstanceId(instance).activityId("Task_IssueArrete").singleResult(), i -> i != null);
        assertThat(incident.getIncidentMessage()).contains("AE disponible 17 999,99 €, engagement 18 000,00 €");
        assertThat(count("select count(*) from agreement where application_id = ?", voted.applicationId()))
                .as("no arrêté issued").isZero();
        assertThat(count("select count(*) from credit_commitment where application_id = ?", voted.applicationId())).isZero();

        setCredit(finance, "ae", campaignId, "OPERATING", null, "18000");
        management.setJobRetries(incident.getConfiguration(), 1);
        await().atMost(PATIENCE).until(() -> count("select count(*) from credit_commitment where application_id = ?",
                voted.applicationId()) == 1);
        assertThat(jdbc.queryForObject("select status from agreement where application_id = ?", String.class,
                voted.applicationId())).isEqualTo("IN_FORCE");

        // A délibération modificative lowering the grant lowers the commitment (recommit), freeing AE.
        awaitWaitingAt(voted.reference(), "Task_PreparePayment");
        post("instructeur", "/api/applications/" + voted.applicationId() + "/decision/revisions", Map.of("kind", "AMEND",
                "deliberationNumber", "CP-2026-12-144", "deliberationDate",
                LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString(), "durationYears", 1,
                "amounts", Map.of("1", 15000)));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select amount from credit_commitment where "
                + "application_id = ?", BigDecimal.class, voted.applicationId()).compareTo(new BigDecimal("15000")) == 0);
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'COMMITMENT_CHANGED'",
                voted.applicationId())).isEqualTo(1);
    }

    @Test
    void onlyFinanceAndAdministratorsSeeOrChangeTheCredits() {
        for (String user : new String[] {"porteur", "avis-dter", "jury", "instructeur", "signataire"}) {
            String session = signedInSession(user);
            ResponseEntity<String> page = browser(session, HttpMethod.GET, "/finances/credits", null);
            assertThat(page.getStatusCode().value()).as(user).isIn(403, 404);
            assertThat(page.getBody()).as(user).doesNotContain("Autorisations d'engagement (AE)");
            var form = new LinkedMultiValueMap<String, String>();
            form.add("_csrf", csrfOf(browser(session, HttpMethod.GET, "/", null).getBody()));
            form.add("campaignId", "1");
            form.add("part", "OPERATING");
            form.add("amount", "99999999");
            assertThat(browser(session, HttpMethod.POST, "/finances/credits/ae", formPost(form)).getStatusCode().value())
                    .as(user).isIn(403, 404);
        }
        assertThat(browser(signedInSession("finances1"), HttpMethod.GET, "/finances/credits", null).getStatusCode()
                .value()).isEqualTo(200);
    }

    /** One-year application voted with {@code granted} €, waiting for the signature of its agreement. */
    private Voted voted(String campaignId, int requested, int granted) {
        Voted voted = votedWithoutWaiting(campaignId, requested, granted);
        awaitWaitingAt(voted.reference(), "Task_SignAgreement");
        return voted;
    }

    private Voted votedWithoutWaiting(String campaignId, int requested, int granted) {
        Voted awaiting = awaitingJury(campaignId, registerStructure("porteur"), requested);
        String id = awaiting.applicationId();
        post("instructeur", "/api/applications/" + id + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", granted)));
        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-044",
                "deliberationDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        return awaiting;
    }

    /** Posts the credits page's AE or CP form as the session's user would. */
    private ResponseEntity<String> setCredit(String session, String kind, String campaignId, String part, Integer year,
                                             String amount) {
        String page = browser(session, HttpMethod.GET, "/finances/credits", null).getBody();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("_csrf", csrfOf(page));
        form.add("campaignId", campaignId);
        form.add("part", part);
        form.add("amount", amount);
        if (year != null) {
            form.add("budgetYear", String.valueOf(year));
        }
        return browser(session, HttpMethod.POST, "/finances/credits/" + kind, formPost(form));
    }
}
