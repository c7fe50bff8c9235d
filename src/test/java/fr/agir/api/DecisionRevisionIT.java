package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A later délibération through the API: an amendment while the agreement awaits the structure's
 * signature (the agreement and its PDF follow, the earlier decision stays in the history), a withdrawal
 * (the lifecycle ends), and every bad input refused in French with nothing changed.
 */
class DecisionRevisionIT extends ApiTestSupport {
    private static final LocalDate TODAY = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
    private static final String INVALID = "urn:agir:probleme:saisie-invalide";
    private static final String CONFLICT = "urn:agir:probleme:etat-incompatible";

    private ResponseEntity<Map<String, Object>> revise(String user, String applicationId, Map<String, Object> body) {
        return call(user, HttpMethod.POST, "/api/applications/" + applicationId + "/decision/revisions", body);
    }

    private static Map<String, Object> amendment(String number, LocalDate date, int amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "AMEND");
        body.put("deliberationNumber", number);
        body.put("deliberationDate", date.toString());
        body.put("durationYears", 1);
        body.put("amounts", Map.of("1", amount));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(ResponseEntity<Map<String, Object>> response) {
        return (Map<String, String>) response.getBody().get("erreurs");
    }

    @Test
    void anAmendmentBeforeSignatureChangesTheAgreementKeepsTheHistoryAndBadInputsChangeNothing() {
        Voted voted = votedOneYear();
        String id = voted.applicationId();
        String agreementId = String.valueOf(get("instructeur", "/api/applications/" + id + "/agreement").get("id"));

        var badFormat = revise("instructeur", id, amendment("2026-12-001", TODAY, 25000));
        assertProblem(badFormat, 422, INVALID);
        assertThat(String.valueOf(badFormat.getBody().get("detail"))).contains("CP-AAAA-MM-NNN");
        assertThat(fieldErrors(badFormat)).containsKey("deliberationNumber");
        var sameNumber = revise("instructeur", id, amendment("CP-2026-11-043", TODAY, 25000));
        assertProblem(sameNumber, 422, INVALID);
        assertThat(fieldErrors(sameNumber).get("deliberationNumber")).contains("Numéro différent");
        var before = revise("instructeur", id, amendment("CP-2026-12-101", TODAY.minusDays(1), 25000));
        assertProblem(before, 422, INVALID);
        assertThat(String.valueOf(before.getBody().get("detail"))).contains("ne peut pas précéder la délibération");
        assertProblem(revise("instructeur", id, amendment("CP-2026-12-101", TODAY.plusDays(1), 25000)), 422, INVALID);
        var aboveRequest = revise("instructeur", id, amendment("CP-2026-12-101", TODAY, 31000));
        assertProblem(aboveRequest, 422, INVALID);
        assertThat(String.valueOf(aboveRequest.getBody().get("detail"))).contains("ne peut pas dépasser le montant demandé");
        assertProblem(revise("porteur", id, amendment("CP-2026-12-101", TODAY, 25000)), 403,
                "urn:agir:probleme:acces-refuse");
        assertProblem(call("porteur", HttpMethod.GET, "/api/applications/" + id + "/decisions", null), 403,
                "urn:agir:probleme:acces-refuse");
        assertProblem(revise("instructeur", "999999999", amendment("CP-2026-12-101", TODAY, 25000)), 404,
                "urn:agir:probleme:introuvable");
        assertThat(list("instructeur", "/api/applications/" + id + "/decisions")).as("nothing changed").hasSize(1);
        assertThat(get("instructeur", "/api/agreements/" + agreementId).get("totalAmount")).isEqualTo(27000.0);

        Map<String, Object> amended = post("instructeur", "/api/applications/" + id + "/decision/revisions",
                amendment("CP-2026-12-101", TODAY, 25000));
        assertThat(amended).containsEntry("outcome", "AMENDED").containsEntry("current", true);

        List<Map<String, Object>> history = list("instructeur", "/api/applications/" + id + "/decisions");
        assertThat(history).extracting(d -> d.get("deliberationNumber") + " " + d.get("outcome") + " " + d.get("current"))
                .containsExactly("CP-2026-11-043 ADOPTED false", "CP-2026-12-101 AMENDED true");
        assertThat(history.get(0).get("amounts")).isEqualTo(Map.of("1", 27000.0));
        assertThat(history.get(1).get("amounts")).isEqualTo(Map.of("1", 25000.0));
        assertThat(history.get(1).get("revisesId")).isEqualTo(history.get(0).get("id"));
        Map<String, Object> agreement = get("instructeur", "/api/agreements/" + agreementId);
        assertThat(agreement).containsEntry("totalAmount", 25000.0).containsEntry("status", "TO_SIGN");
        String pdf = pdfText("porteur", "/api/agreements/" + agreementId + "/pdf");
        assertThat(pdf).contains("CP-2026-12-101", "25 000,00").doesNotContain("27 000,00");
        assertThat(count("select count(*) from audit_event a join application p on p.id = a.application_id "
                + "where p.reference = ? and a.action = 'DECISION_REVISED'", voted.reference())).isEqualTo(1);
        awaitWaitingAt(voted.reference(), "Task_SignAgreement");

        // The structure signs the new version; afterwards a délibération is recorded but the signed agreement
        // stays: the change reaches it by an avenant (issue 16).
        signAgreement("porteur", agreementId);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
        byte[] signedPdf = bytes("porteur", "/api/agreements/" + agreementId + "/pdf");
        var afterSignature = revise("instructeur", id, amendment("CP-2026-12-102", TODAY, 24000));
        assertThat(afterSignature.getStatusCode().value()).as(String.valueOf(afterSignature.getBody())).isEqualTo(201);
        assertThat(afterSignature.getBody()).containsEntry("note",
                "La convention signée ne change pas : préparez un avenant pour l'appliquer.")
                .containsEntry("amendmentPage", "/instruction/conventions/" + agreementId + "/avenant");
        assertThat(list("instructeur", "/api/applications/" + id + "/decisions")).hasSize(3);
        Map<String, Object> signed = get("instructeur", "/api/agreements/" + agreementId);
        assertThat(signed).containsEntry("totalAmount", 25000.0).containsEntry("status", "SIGNED");
        assertThat(bytes("porteur", "/api/agreements/" + agreementId + "/pdf")).isEqualTo(signedPdf);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
    }

    @Test
    void aWithdrawalEndsTheLifecycleAndARejectionIsNotReopened() {
        Voted voted = votedOneYear();
        String id = voted.applicationId();
        Map<String, Object> withdrawal = new HashMap<>(Map.of("kind", "WITHDRAW",
                "deliberationNumber", "CP-2026-12-201", "deliberationDate", TODAY.toString()));
        var unmotivated = revise("instructeur", id, withdrawal);
        assertProblem(unmotivated, 422, INVALID);
        assertThat(fieldErrors(unmotivated)).containsKey("motivation");

        withdrawal.put("motivation", "La structure a renoncé au projet");
        assertThat(post("instructeur", "/api/applications/" + id + "/decision/revisions", withdrawal))
                .containsEntry("outcome", "WITHDRAWN");
        Map<String, Object> application = get("instructeur", "/api/applications/" + id);
        assertThat(application.get("status")).isEqualTo("GRANT_WITHDRAWN");
        // The lifecycle ends once the withdrawal letter is sent (« Notifier le retrait », after a save point).
        awaitEnded(voted.reference());
        assertThat(list("porteur", "/api/applications/" + id + "/letters")).extracting(l -> l.get("kind"))
                .containsExactly("ATTRIBUTION", "WITHDRAWAL");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(voted.reference()).count()).isZero();
        assertThat(list("instructeur", "/api/applications/" + id + "/decisions"))
                .extracting(d -> d.get("outcome") + " " + d.get("current"))
                .containsExactly("ADOPTED false", "WITHDRAWN true");
        String applicantHistory = String.valueOf(list("porteur", "/api/applications/" + id + "/history"));
        assertThat(applicantHistory).as("the structure reads that its grant was withdrawn, and by which délibération")
                .contains("Subvention retirée par délibération de la Commission permanente", "CP-2026-12-201",
                        "La structure a renoncé au projet");
        assertThat(get("porteur", "/api/applications/" + id).get("status")).isEqualTo("GRANT_WITHDRAWN");
        withdrawal.put("deliberationNumber", "CP-2026-12-202");
        assertProblem(revise("instructeur", id, withdrawal), 409, CONFLICT);

        // A rejected application.
        Map<String, Object> campaign = openCampaign(30);
        Voted rejected = awaitingJury(campaign.get("id"), registerStructure("porteur"), 30000);
        post("instructeur", "/api/applications/" + rejected.applicationId() + "/jury-result", Map.of("verdict",
                "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", 27000)));
        post("instructeur", "/api/applications/" + rejected.applicationId() + "/decision", Map.of("outcome", "REJECTED",
                "deliberationNumber", "CP-2026-11-044", "deliberationDate", TODAY.toString(),
                "motivation", "Hors des priorités de l'appel"));
        var reopen = revise("instructeur", rejected.applicationId(), amendment("CP-2026-12-203", TODAY, 20000));
        assertProblem(reopen, 409, CONFLICT);
        assertThat(String.valueOf(reopen.getBody().get("detail"))).contains("rejetée n'est pas rouverte");
        assertThat(list("instructeur", "/api/applications/" + rejected.applicationId() + "/decisions")).hasSize(1);
    }

    private String pdfText(String user, String path) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes(user, path))) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
