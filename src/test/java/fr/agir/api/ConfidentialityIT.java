package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Nobody reads what is not his to read. One grant walks every stage through the API (submission,
 * completeness, a directorate's opinion, synthesis, a real jury session scored by two members,
 * deliberation, vote, agreement, payments, report); then each role reads every page and API that shows
 * its history or lists it. What each must not read is derived from the audit events recorded for that
 * grant and their declared audience ({@link AuditAction}): a new kind of event is covered without
 * editing this test. On top, the structure never reads a juror's name, a score, a juror's or a
 * directorate's words.
 */
class ConfidentialityIT extends ApiTestSupport {
    private static final String DTER_OPINION = "Ancrage territorial à confirmer auprès de la mairie";
    private static final String DJVA_OPINION = "Public jeune encore flou selon la direction";
    private static final String JUROR_COMMENT = "Commentaire de notation strictement interne";
    private static final String JURY_PROPOSAL = "Proposition délibérée en séance close";
    private static final String JUROR_NAME = "Juliette Notatrice";
    private static final String JUROR2_NAME = "Jean Notateur";

    @Test
    @SuppressWarnings("unchecked")
    void eachRoleReadsOnlyItsAudienceOfAGrantThatWentThroughEveryStage() {
        // --- One grant, every stage -------------------------------------------------------------
        Map<String, Object> campaign = openCampaign(30);
        String campaignId = String.valueOf(campaign.get("id"));
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaignId, structure.get("id"), 1,
                List.of(budget(1, 30000, 40000)));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        submitAndAwaitOpinions(id, reference);
        await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
        post("avis-dter", "/api/applications/" + id + "/opinions/DTER", Map.of("verdict", "FAVORABLE",
                "comment", DTER_OPINION));
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "RESERVED",
                "comment", DJVA_OPINION));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        post("instructeur", "/api/applications/" + id + "/synthesis",
                Map.of("summary", "Projet solide", "proposedAmounts", Map.of("1", 27000)));
        awaitWaitingAt(reference, "Event_JuryResultReceived");

        Voted voted = new Voted(String.valueOf(structure.get("id")), id, reference);
        JurySetup jury = sessionInScoring(campaignId, "Jury " + campaign.get("code"), List.of(voted), List.of(
                Map.of("username", "jury", "displayName", JUROR_NAME, "email", "juliette@jury.example.org"),
                Map.of("username", "jure2", "displayName", JUROR2_NAME, "email", "jean@jury.example.org")), 2);
        String session = jury.sessionId();
        String caseUrl = "/api/jury/my-sessions/" + session + "/applications/" + id;
        post("jury", caseUrl + "/score", Map.of("values", Map.of(jury.criteria().get(0), 4, jury.criteria().get(1), 3),
                "comment", JUROR_COMMENT));
        post("jure2", caseUrl + "/score", Map.of("values", Map.of(jury.criteria().get(0), 2, jury.criteria().get(1), 1)));
        post("instructeur", "/api/jury/sessions/" + session + "/phase", Map.of("phase", "DELIBERATION"));
        call("instructeur", HttpMethod.PUT, "/api/jury/sessions/" + session + "/applications/" + id + "/proposal",
                Map.of("verdict", "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", 27000), "comment",
                        JURY_PROPOSAL));
        post("instructeur", "/api/jury/sessions/" + session + "/phase", Map.of("phase", "CLOSED"));
        awaitWaitingAt(reference, "Event_VoteReceived");
        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-12-007",
                "deliberationDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        awaitWaitingAt(reference, "Task_SignAgreement");
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + id + "/agreement").get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(reference, "Task_CountersignAgreement");
        // The Département's signatory, while the agreement waits for him: his list, the agreement, its PDF and
        // the validation report of the structure's signature (checked below, once every stage left its words).
        Map<String, String> signatorySees = new LinkedHashMap<>();
        signatorySees.put("/signature", page("signataire", "/signature"));
        signatorySees.put("/signature/conventions/" + agreementId, page("signataire", "/signature/conventions/" + agreementId));
        signatorySees.put("/api/agreements/" + agreementId, text("signataire", "/api/agreements/" + agreementId));
        signatorySees.put("/api/agreements/" + agreementId + "/signatures",
                text("signataire", "/api/agreements/" + agreementId + "/signatures"));
        byte[] signedPdf = bytes("signataire", "/api/agreements/" + agreementId + "/pdf");
        assertThat(new String(signedPdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).as("the agreement's PDF")
                .isEqualTo("%PDF-");
        String agreementNumber = (String) get("signataire", "/api/agreements/" + agreementId).get("number");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        pay(id, reference, 1, "ADVANCE");
        Map<String, Object> report = awaitReport(id, 1);
        awaitWaitingAt(reference, "Task_SubmitReport");
        post("porteur", "/api/reports/" + report.get("id") + "/submit", Map.of("actualCharges", 40000,
                "actualProducts", 40000, "spentGrant", 27000, "qualitativeReport", "Atelier ouvert"));
        awaitWaitingAt(reference, "Task_ValidateReport");
        post("instructeur", "/api/reports/" + report.get("id") + "/review", Map.of("outcome", "VALIDATED"));
        pay(id, reference, 1, "BALANCE");
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(get("porteur", "/api/applications/" + id).get("status")));

        // --- What each reader may not read, from the events recorded ------------------------------
        List<Map<String, Object>> events = jdbc.queryForList("select action, entity_type, actor, reason "
                + "from audit_event where application_id = ? order by id", Long.valueOf(id));
        assertThat(events).extracting(e -> e.get("action")).as("the grant went through every stage")
                .contains("SUBMITTED", "OPINION_GIVEN", "JURY_SCORE_SUBMITTED", "JURY_PROPOSAL_RECORDED",
                        "GRANT_VOTED", "AGREEMENT_SIGNED", "PAYMENT_VALIDATED", "REPORT_REVIEWED", "CLOSED");
        Map<AuditReader, Set<String>> forbidden = new LinkedHashMap<>();
        Map<AuditReader, Set<String>> allowed = new LinkedHashMap<>();
        for (AuditReader reader : AuditReader.values()) {
            Set<String> no = new LinkedHashSet<>();
            Set<String> yes = new LinkedHashSet<>();
            for (Map<String, Object> e : events) {
                AuditAction action = AuditAction.of((String) e.get("action")).orElseThrow(
                        () -> new AssertionError("recorded without a declared audience: " + e.get("action")));
                (action.audienceAbout((String) e.get("entity_type")).contains(reader) ? yes : no).add(action.words());
            }
            no.removeAll(yes); // the same words recorded twice, once for this reader (the jury's result, its stage)
            forbidden.put(reader, no);
            allowed.put(reader, yes);
        }
        assertThat(forbidden.get(AuditReader.APPLICANT)).as("positive control: the jury's work is not the structure's")
                .contains(AuditAction.JURY_SCORE_SUBMITTED.words(), AuditAction.OPINION_GIVEN.words(),
                        AuditAction.PAYMENT_VALIDATED.words());
        assertThat(forbidden.get(AuditReader.STAFF)).as("staff reads everything").isEmpty();

        // What the structure never reads, whatever the page: the jury's and the directorates' words,
        // the jurors, their individual scores.
        List<String> jurorsAndScores = new ArrayList<>(List.of(JUROR_NAME, JUROR2_NAME, "jure2", JUROR_COMMENT,
                JURY_PROPOSAL, DTER_OPINION, DJVA_OPINION));
        events.stream().filter(e -> "JURY_SCORE_SUBMITTED".equals(e.get("action")))
                .forEach(e -> jurorsAndScores.add((String) e.get("reason")));
        assertThat(jurorsAndScores).as("scores recorded (jury : x/20)").anyMatch(s -> s.matches(".*\\d+[.,]\\d+/20.*"));

        // --- Staff: everything, the positive control of every check below --------------------------
        String staffHistory = historyText("instructeur", id);
        for (String words : allowed.get(AuditReader.STAFF)) {
            assertThat(staffHistory).as("staff's history API").contains(words);
        }
        assertThat(staffHistory).as("the checks would catch a leak").contains(AuditAction.JURY_SCORE_SUBMITTED.words());
        assertThat(page("instructeur", "/instruction/candidatures/" + id)).as("the case page")
                .contains(AuditAction.JURY_SCORE_SUBMITTED.words(), AuditAction.GRANT_VOTED.words());

        // --- The structure ----------------------------------------------------------------------
        Map<String, String> applicantSees = new LinkedHashMap<>();
        applicantSees.put("history API", historyText("porteur", id));
        for (String path : List.of("/api/applications", "/api/applications/" + id, "/api/applications/" + id + "/messages",
                "/api/applications/" + id + "/agreement", "/api/applications/" + id + "/installments",
                "/api/applications/" + id + "/reports", "/api/applications/" + id + "/documents", "/api/tasks")) {
            applicantSees.put(path, text("porteur", path));
        }
        for (String path : List.of("/portail", "/portail/candidatures/" + id, "/portail/candidatures/" + id + "/convention")) {
            applicantSees.put(path, page("porteur", path));
        }
        assertThat(applicantSees.get("history API")).as("positive control: his stages in words")
                .contains(AuditAction.SUBMITTED.words(), AuditAction.GRANT_VOTED.words(), AuditAction.CLOSED.words());
        assertThat(applicantSees.get("/portail/candidatures/" + id)).contains(AuditAction.GRANT_VOTED.words());
        applicantSees.forEach((where, text) -> {
            assertThat(text).as("the structure's %s", where).doesNotContain(forbidden.get(AuditReader.APPLICANT));
            assertThat(text).as("the structure's %s", where).doesNotContain(jurorsAndScores);
        });
        for (Map<String, Object> entry : list("porteur", "/api/applications/" + id + "/history")) {
            assertThat(entry.get("actor")).as("no sign-in name of the Département's people")
                    .isNotIn("jury", "jure2", "instructeur", "finances1", "finances2", "avis-dter", "avis-djva");
        }

        // --- Another structure, a directorate not consulted: not found, and absent from their lists
        notFound("porteuse", id, reference);
        notFound("avis-dpas", id, reference);
        assertThat(text("porteuse", "/api/applications") + page("porteuse", "/portail")).doesNotContain(reference);
        assertThat(text("avis-dpas", "/api/applications") + text("avis-dpas", "/api/opinions/inbox")
                + page("avis-dpas", "/avis")).doesNotContain(reference);

        // --- A consulted directorate ------------------------------------------------------------------
        Map<String, String> reviewerSees = new LinkedHashMap<>();
        reviewerSees.put("history API", historyText("avis-dter", id));
        reviewerSees.put("/api/applications", text("avis-dter", "/api/applications"));
        reviewerSees.put("/api/applications/" + id, text("avis-dter", "/api/applications/" + id));
        reviewerSees.put("/api/opinions/inbox", text("avis-dter", "/api/opinions/inbox"));
        reviewerSees.put("/avis", page("avis-dter", "/avis"));
        reviewerSees.put("/avis/" + id + "/DTER", page("avis-dter", "/avis/" + id + "/DTER"));
        assertThat(reviewerSees.get("history API")).as("positive control: the instruction")
                .contains(AuditAction.OPINION_GIVEN.words(), AuditAction.SYNTHESIS_WRITTEN.words());
        reviewerSees.forEach((where, text) -> assertThat(text).as("the directorate's %s", where)
                .doesNotContain(forbidden.get(AuditReader.REVIEWER))
                .doesNotContain(JUROR_NAME, JUROR2_NAME, JUROR_COMMENT, JURY_PROPOSAL));

        // --- A jury member: his jury pages, nothing of the history ------------------------------------
        assertThat(call("jury", HttpMethod.GET, "/api/applications/" + id + "/history", null).getStatusCode().value())
                .isIn(403, 404);
        Map<String, String> jurorSees = new LinkedHashMap<>();
        jurorSees.put("/api/jury/my-sessions", text("jury", "/api/jury/my-sessions"));
        jurorSees.put("/api/jury/my-sessions/" + session, text("jury", "/api/jury/my-sessions/" + session));
        jurorSees.put(caseUrl, text("jury", caseUrl));
        jurorSees.put("/jury", page("jury", "/jury"));
        jurorSees.put("/jury/seances/" + session + "/candidatures/" + id,
                page("jury", "/jury/seances/" + session + "/candidatures/" + id));
        assertThat(jurorSees.get(caseUrl)).as("positive control: his own case view").contains(reference);
        jurorSees.forEach((where, text) -> assertThat(text).as("the jury member's %s", where)
                .doesNotContain(forbidden.get(AuditReader.JURY)));

        // --- The Département's signatory: the agreements he countersigns, nothing else ------------------
        signatoryReadsOnlyTheAgreements(signatorySees, agreementId, agreementNumber, id, reference,
                String.valueOf(structure.get("id")), session, jurorsAndScores, forbidden.get(AuditReader.APPLICANT));

        // --- Finance: the payments, not the case file -----------------------------------------------
        assertThat(call("finances1", HttpMethod.GET, "/api/applications/" + id + "/history", null).getStatusCode()
                .value()).isEqualTo(404);
        Map<String, String> financeSees = new LinkedHashMap<>();
        financeSees.put("installments", text("finances1", "/api/applications/" + id + "/installments"));
        financeSees.put("awaiting validation", text("finances2", "/api/installments/awaiting-validation"));
        financeSees.put("/api/applications", text("finances1", "/api/applications"));
        // The finance workspace (/finances): its lists and the installment's page, never the case file.
        String installmentId = String.valueOf(list("finances1", "/api/applications/" + id + "/installments").get(0)
                .get("id"));
        // Paid, or validated while the finance software's return is awaited: one of the two tabs lists it.
        financeSees.put("/finances", page("finances1", "/finances?onglet=payees&campaignId=" + campaignId)
                + page("finances1", "/finances?onglet=validees&campaignId=" + campaignId));
        financeSees.put("/finances/echeances", page("finances2", "/finances/echeances/" + installmentId));
        assertThat(financeSees.get("/finances")).as("positive control: the installment listed")
                .contains("/finances/echeances/" + installmentId);
        for (String user : List.of("porteur", "avis-dter", "jury", "instructeur")) {
            String outsider = signedInSession(user);
            for (String path : List.of("/finances", "/finances/rib", "/finances/echeances/" + installmentId)) {
                assertThat(browser(outsider, HttpMethod.GET, path, null).getStatusCode().value())
                        .as("%s opening %s", user, path).isIn(403, 404);
            }
        }
        assertThat(financeSees.get("installments")).as("positive control").contains("PAID");
        financeSees.forEach((where, text) -> assertThat(text).as("finance's %s", where)
                .doesNotContain(forbidden.get(AuditReader.FINANCE))
                .doesNotContain(DTER_OPINION, DJVA_OPINION, JUROR_COMMENT, JURY_PROPOSAL, JUROR_NAME));
    }

    /**
     * The Département's signatory reads the agreements he countersigns (list, page, PDF, validation report),
     * never the case file, the opinions, the jury's names and scores, the structure's bank details beyond
     * the agreement, nor any other page.
     */
    private void signatoryReadsOnlyTheAgreements(Map<String, String> sees, String agreementId, String agreementNumber,
                                                 String id, String reference, String structureId, String session,
                                                 List<String> jurorsAndScores, Set<String> staffOnly) {
        assertThat(sees.get("/signature/conventions/" + agreementId)).as("positive control: his countersignature page")
                .contains(agreementNumber);
        assertThat(sees.get("/api/agreements/" + agreementId + "/signatures")).as("positive control: the validation report")
                .isNotBlank();
        assertThat(sees.get("/signature")).as("positive control: his list").contains(agreementNumber);
        sees.forEach((where, text) -> assertThat(text).as("the signatory's %s", where)
                .doesNotContain(jurorsAndScores)
                .doesNotContain(staffOnly));
        assertThat(sees.get("/signature")).as("the signatory's list: no bank details (they are in the agreement only)")
                .doesNotContain("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189");
        // The case file and everything around it: refused, and nothing of it in the answer.
        for (String path : List.of("/api/applications/" + id, "/api/applications/" + id + "/history",
                "/api/applications/" + id + "/opinions", "/api/applications/" + id + "/documents",
                "/api/applications/" + id + "/messages", "/api/applications/" + id + "/annotations",
                "/api/applications/" + id + "/installments", "/api/applications/" + id + "/reports",
                "/api/applications/" + id + "/synthesis/form", "/api/applications/" + id + "/routing-proposal",
                "/api/structures/" + structureId, "/api/structures/" + structureId + "/documents",
                "/api/structures/" + structureId + "/members", "/api/jury/sessions/" + session,
                "/api/jury/my-sessions", "/api/opinions/inbox", "/api/instruction/queue",
                "/api/instruction/queue/agreements-to-sign", "/api/installments/awaiting-validation",
                "/api/commission/seances", "/api/commission/elus", "/api/admin/audit")) {
            ResponseEntity<String> answer = callForText("signataire", HttpMethod.GET, path);
            assertThat(answer.getStatusCode().value()).as("the signatory reading %s: %s", path, answer.getBody())
                    .isIn(403, 404);
            assertThat(String.valueOf(answer.getBody())).as("the signatory reading %s", path)
                    .doesNotContain(jurorsAndScores).doesNotContain("FR76 3000", "Ancrage territorial");
        }
        // His lists that exist for everyone answer without this case.
        ResponseEntity<String> applications = callForText("signataire", HttpMethod.GET, "/api/applications");
        assertThat(applications.getStatusCode().value() == 200 ? String.valueOf(applications.getBody()) : "")
                .as("the signatory's /api/applications").doesNotContain(reference);
        String session2 = signedInSession("signataire");
        for (String path : List.of("/instruction", "/instruction/candidatures/" + id, "/instruction/conventions-a-signer",
                "/portail", "/portail/candidatures/" + id, "/portail/candidatures/" + id + "/convention", "/avis",
                "/jury")) {
            ResponseEntity<String> answer = browser(session2, HttpMethod.GET, path, null);
            assertThat(answer.getStatusCode().value()).as("the signatory's page %s", path).isNotEqualTo(200);
            assertThat(HtmlUtils.htmlUnescape(String.valueOf(answer.getBody()))).as("the signatory's page %s", path)
                    .doesNotContain(reference).doesNotContain(jurorsAndScores);
        }
    }

    private void notFound(String user, String id, String reference) {
        for (String path : List.of("/api/applications/" + id, "/api/applications/" + id + "/history")) {
            ResponseEntity<String> answer = callForText(user, HttpMethod.GET, path);
            assertThat(answer.getStatusCode().value()).as("%s reading %s", user, path).isIn(403, 404);
            assertThat(String.valueOf(answer.getBody())).doesNotContain(reference);
        }
        ResponseEntity<String> portal = browser(signedInSession(user), HttpMethod.GET, "/portail/candidatures/" + id, null);
        assertThat(portal.getStatusCode().value()).as("%s reading the portal page", user).isIn(403, 404);
        assertThat(String.valueOf(portal.getBody())).doesNotContain(reference);
    }

    private String historyText(String user, String id) {
        return text(user, "/api/applications/" + id + "/history");
    }

    /** An API's answer as text, which must be 200. */
    private String text(String user, String path) {
        ResponseEntity<String> answer = callForText(user, HttpMethod.GET, path);
        assertThat(answer.getStatusCode().value()).as("GET %s by %s: %s", path, user, answer.getBody()).isEqualTo(200);
        return String.valueOf(answer.getBody());
    }

    /** A page as a signed-in browser reads it (200), its HTML entities decoded. */
    private String page(String user, String path) {
        ResponseEntity<String> answer = browser(signedInSession(user), HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as("page %s for %s", path, user).isEqualTo(200);
        return HtmlUtils.htmlUnescape(String.valueOf(answer.getBody()));
    }
}
