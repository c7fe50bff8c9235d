package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The agreement's PAdES signatures through the API and the pages: the legal representative signs with
 * the one-time code read from his e-mail (a wrong, expired or exhausted code, or no code, refused),
 * the Département's signatory countersigns, DSS validates both; the wrong people and the wrong
 * order are refused with a French problem and nothing changes.
 */
class AgreementSignatureIT extends ApiTestSupport {

    private static Map<String, Object> body(String code) {
        return Map.of("code", code, "consent", true);
    }

    /** The same code with its last digit changed. */
    private static String wrong(String code) {
        return code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);
    }

    /** The last code was asked for long enough ago for a new one (the resend delay, 30 s, moved into the past). */
    private void allowNewCode(String agreementId) {
        jdbc.update("update signature_code set created_at = ? where document_key = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(120)), "AGREEMENT:" + agreementId);
    }

    /** Nothing changed: still to sign, no PDF written, the signing task still open. */
    private void assertUnsigned(Voted voted, String agreementId) {
        assertThat(get("porteur", "/api/agreements/" + agreementId).get("status")).isEqualTo("TO_SIGN");
        assertThat(count("select count(*) from agreement_pdf where agreement_id = ?", agreementId)).isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(voted.reference())
                .taskDefinitionKey("Task_SignAgreement").count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void signedThenCountersignedBothSignaturesVerifyAndRefusalsChangeNothing() throws Exception {
        Voted voted = votedOneYear();
        String structureBase = "/api/structures/" + voted.structureId();
        String code = (String) post("porteur", structureBase + "/invitations", Map.of("email", "paule@example.org"))
                .get("code");
        post("porteuse", "/api/invitations/accept", Map.of("code", code));
        awaitWaitingAt(voted.reference(), "Task_SignAgreement");
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement")
                .get("id"));
        String base = "/api/agreements/" + agreementId;
        assertThat((List<?>) get("porteur", base + "/signatures").get("signatures")).isEmpty();

        // Countersignature before the structure's signature: refused.
        ResponseEntity<Map<String, Object>> early = call("signataire", HttpMethod.POST, base + "/countersign", null);
        assertProblem(early, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) early.getBody().get("detail")).contains("pas encore signée par la structure");
        // A member who is not the legal representative: refused, and no code is sent to him.
        ResponseEntity<Map<String, Object>> memberCode = call("porteuse", HttpMethod.POST, base + "/signature-code", null);
        assertProblem(memberCode, 403, "urn:agir:probleme:action-interdite");
        assertThat((String) memberCode.getBody().get("detail")).contains("Seul le représentant légal");
        assertThat(count("select count(*) from signature_code where document_key = ?", "AGREEMENT:" + agreementId))
                .isZero();
        ResponseEntity<Map<String, Object>> member = call("porteuse", HttpMethod.POST, base + "/sign", body("123456"));
        assertProblem(member, 403, "urn:agir:probleme:action-interdite");
        assertThat((String) member.getBody().get("detail")).contains("Seul le représentant légal");
        assertUnsigned(voted, agreementId);

        // No code asked for yet: refused.
        ResponseEntity<Map<String, Object>> none = call("porteur", HttpMethod.POST, base + "/sign", body("123456"));
        assertProblem(none, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) none.getBody().get("detail")).isEqualTo("Demandez d'abord un code : il vous est envoyé par e-mail.");

        // The code arrives by e-mail (GreenMail), to the address of the sign-in; the answer masks it.
        String number = (String) get("porteur", base).get("number");
        String subject = "Votre code pour signer la convention " + number;
        int before = TestSmtp.get().withSubject(subject).size();
        ResponseEntity<Map<String, Object>> sent = call("porteur", HttpMethod.POST, base + "/signature-code", null);
        assertThat(sent.getStatusCode().value()).isEqualTo(202);
        assertThat(sent.getBody()).containsEntry("maskedAddress", "p•••@agir.test")
                .containsEntry("message", "Un code a été envoyé à p•••@agir.test.");
        String first = lastSignatureCode(subject, before);
        jakarta.mail.internet.MimeMessage mail = TestSmtp.get().withSubject(subject).get(before);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("porteur@agir.test");
        assertThat(TestSmtp.text(mail)).contains("la convention " + number, "valable 10 minutes",
                "Si vous n'avez pas demandé ce code, ignorez ce message");
        assertThat(count("select count(*) from signature_code where document_key = ? and code_hash like ?",
                "AGREEMENT:" + agreementId, "%" + first + "%")).as("only a hash is kept").isZero();
        // Asked again at once: throttled.
        ResponseEntity<Map<String, Object>> again = call("porteur", HttpMethod.POST, base + "/signature-code", null);
        assertProblem(again, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) again.getBody().get("detail")).startsWith("Un code vient de vous être envoyé : attendez");

        // A wrong code: 422, nothing signed, but the try is counted (its own transaction).
        ResponseEntity<Map<String, Object>> wrong = call("porteur", HttpMethod.POST, base + "/sign", body(wrong(first)));
        assertProblem(wrong, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) wrong.getBody().get("detail")).isEqualTo("Code incorrect : il vous reste 4 essais.");
        assertUnsigned(voted, agreementId);
        assertThat(count("select attempts from signature_code where document_key = ? order by id desc limit 1",
                "AGREEMENT:" + agreementId)).isEqualTo(1);
        // The right code without the consent: refused by validation, the code not spent.
        ResponseEntity<Map<String, Object>> noConsent = call("porteur", HttpMethod.POST, base + "/sign",
                Map.of("code", first, "consent", false));
        assertThat(noConsent.getStatusCode().value()).isEqualTo(422);
        assertThat(String.valueOf(noConsent.getBody())).contains("Cochez la case pour signer la convention");
        assertUnsigned(voted, agreementId);
        // Expired (its expiry moved into the past): refused.
        jdbc.update("update signature_code set expires_at = ? where document_key = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "AGREEMENT:" + agreementId);
        ResponseEntity<Map<String, Object>> expired = call("porteur", HttpMethod.POST, base + "/sign", body(first));
        assertProblem(expired, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) expired.getBody().get("detail")).isEqualTo("Ce code a expiré : demandez-en un nouveau.");
        assertUnsigned(voted, agreementId);

        // A new code (the throttle's delay moved into the past); five wrong tries spend it, even the right one then fails.
        allowNewCode(agreementId);
        String second = signatureCode("porteur", agreementId);
        for (int left = 4; left >= 1; left--) {
            assertThat((String) call("porteur", HttpMethod.POST, base + "/sign", body(wrong(second))).getBody()
                    .get("detail")).isEqualTo("Code incorrect : il vous reste " + left + (left > 1 ? " essais." : " essai."));
        }
        assertThat((String) call("porteur", HttpMethod.POST, base + "/sign", body(wrong(second))).getBody().get("detail"))
                .isEqualTo("Code incorrect, et c'était votre dernier essai : demandez un nouveau code.");
        ResponseEntity<Map<String, Object>> exhausted = call("porteur", HttpMethod.POST, base + "/sign", body(second));
        assertProblem(exhausted, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) exhausted.getBody().get("detail")).isEqualTo("Ce code a expiré : demandez-en un nouveau.");
        assertUnsigned(voted, agreementId);
        assertThat(count("select count(*) from audit_event where entity_type = 'AGREEMENT' and entity_id = ? "
                + "and action = 'SIGNATURE_CODE_SENT'", agreementId)).isEqualTo(2);
        assertThat(count("select count(*) from audit_event where entity_type = 'AGREEMENT' and entity_id = ? "
                + "and action = 'SIGNATURE_CODE_REFUSED'", agreementId)).isEqualTo(9);

        // A third code signs; the code voided by it (the second) would not.
        allowNewCode(agreementId);
        String third = signatureCode("porteur", agreementId);
        post("porteur", base + "/sign", body(third));
        assertThat(get("porteur", base).get("status")).isEqualTo("SIGNED");
        Map<String, Object> afterSignature = get("porteur", base + "/signatures");
        assertThat((List<Map<String, Object>>) afterSignature.get("signatures")).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("signerName", "Paul Porteur").containsEntry("intact", true)
                    .containsEntry("indication", "TOTAL_PASSED");
            assertThat((String) s.get("reason")).startsWith("Signé pour ").endsWith("par Paul Porteur, son représentant légal");
        });
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");

        // The instructor no longer countersigns: the signatory does.
        ResponseEntity<Map<String, Object>> instructor = call("instructeur", HttpMethod.POST, base + "/countersign", null);
        assertProblem(instructor, 403, "urn:agir:probleme:acces-refuse");
        assertThat(get("porteur", base).get("status")).isEqualTo("SIGNED");
        assertThat(count("select signatures from agreement_pdf where agreement_id = ?", agreementId)).isEqualTo(1);

        // The signatory's page lists it, shows the report and asks for a confirmation.
        String session = signedInSession("signataire");
        assertThat(browser(session, HttpMethod.GET, "/signature", null).getBody()).contains(number);
        String page = browser(session, HttpMethod.GET, "/signature/conventions/" + agreementId, null).getBody();
        assertThat(page).contains("Paul Porteur", "Signature valide, document intact", "Contresigner la convention");
        var form = new LinkedMultiValueMap<String, String>();
        form.add("_csrf", csrfOf(page));
        form.add("confirmed", "true");
        ResponseEntity<String> done = browser(session, HttpMethod.POST,
                "/signature/conventions/" + agreementId + "/contreseing", formPost(form));
        assertThat(done.getStatusCode().is3xxRedirection()).as(done.getBody()).isTrue();
        assertThat(done.getHeaders().getLocation().getPath()).isEqualTo("/signature");

        assertThat(get("porteur", base).get("status")).isEqualTo("IN_FORCE");
        List<Map<String, Object>> both = (List<Map<String, Object>>) get("porteur", base + "/signatures").get("signatures");
        assertThat(both).extracting(s -> s.get("signerName")).containsExactly("Paul Porteur", "Sophie Signataire");
        assertThat(both).allSatisfy(s -> assertThat(s).containsEntry("intact", true)
                .containsEntry("indication", "TOTAL_PASSED"));
        try (PDDocument pdf = Loader.loadPDF(bytes("porteur", base + "/pdf"))) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(2);
        }
        assertThat(count("select count(*) from agreement_pdf where agreement_id = ? and original_pdf not like '%/ByteRange%'",
                agreementId)).as("the unsigned original is kept").isEqualTo(1);
        // The portal's agreement page shows the report to the structure.
        String portal = browser(signedInSession("porteur"), HttpMethod.GET,
                "/portail/candidatures/" + voted.applicationId() + "/convention", null).getBody();
        assertThat(portal).contains("Signatures électroniques", "Sophie Signataire", "Signature valide, document intact");
    }
}
