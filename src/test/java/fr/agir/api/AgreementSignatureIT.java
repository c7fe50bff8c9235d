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
 * The agreement's PAdES signatures through the API and the pages: the legal representative signs,
 * the Département's signatory countersigns, DSS validates both; the wrong people and the wrong
 * order are refused with a French problem and nothing changes.
 */
class AgreementSignatureIT extends ApiTestSupport {

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
        // A member who is not the legal representative: refused.
        ResponseEntity<Map<String, Object>> member = call("porteuse", HttpMethod.POST, base + "/sign", null);
        assertProblem(member, 403, "urn:agir:probleme:action-interdite");
        assertThat((String) member.getBody().get("detail")).contains("Seul le représentant légal");
        assertThat(get("porteur", base).get("status")).isEqualTo("TO_SIGN");
        assertThat(count("select count(*) from agreement_pdf where agreement_id = ?", agreementId)).isZero();

        post("porteur", base + "/sign", null);
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
        String number = (String) get("porteur", base).get("number");
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
