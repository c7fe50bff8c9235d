package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.bench.AwaitingVote;
import fr.agir.shared.PdfAValidation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every kind of PDF Agir produces, downloaded as its readers download it, is PDF/A-2b for veraPDF (zero
 * failures) and still reads back in French: the submission receipt, the inadmissibility letter, the
 * agreement (CPO) as generated, signed and countersigned (PAdES), the arrêté, the attribution and refusal letters, the jury's minutes and the
 * Commission's report annex. (The amendment and withdrawal letters are drawn by the same renderer as
 * the attribution letter: DecisionLetterDocumentTest checks them with veraPDF too.)
 */
class PdfArchivalIT extends ApiTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    private fr.agir.agreement.signature.SignatureProvider signatures;
    private static final LocalDate TODAY = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);

    @Test
    void everyPdfAgirProducesIsPdfA2bAndReadsBackInFrench() throws Exception {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();

        // An agreement (one year, 27 000 €), its receipt and attribution letter.
        Voted agreed = votedOneYear();
        Map<String, Object> agreement = get("porteur", "/api/applications/" + agreed.applicationId() + "/agreement");
        add(pdfs, expected, "accusé de réception", bytes("porteur", "/api/applications/" + agreed.applicationId()
                + "/receipt"), "Accusé de réception", agreed.reference());
        byte[] convention = bytes("porteur", "/api/agreements/" + agreement.get("id") + "/pdf");
        add(pdfs, expected, "convention", convention, (String) agreement.get("number"), "27 000,00 €",
                "(vingt-sept mille euros)", "délibération de la Commission permanente n° CP-", "Article 10 — Litiges",
                "tribunal administratif de Montreuil");
        // Signed by the structure, then countersigned, with the application's own signature provider (PAdES,
        // incremental updates): still PDF/A-2b.
        byte[] signed = signatures.sign(convention, "Paul Porteur", "Signé pour la structure par Paul Porteur",
                "Bobigny");
        add(pdfs, expected, "convention signée", signed, (String) agreement.get("number"), "Article 1 — Objet");
        add(pdfs, expected, "convention contresignée", signatures.sign(signed, "Sophie Signataire",
                "Contresigné pour le Département par Sophie Signataire", "Bobigny"), (String) agreement.get("number"));
        add(pdfs, expected, "notification d'attribution", latestLetter(agreed.applicationId()),
                "Notification d'attribution de subvention", "vingt-sept mille euros");

        // An arrêté (one year, 10 000 €).
        Map<String, Object> campaign = openCampaign(30);
        Voted small = awaitingJury(campaign.get("id"), registerStructure("porteur"), 12000);
        post("instructeur", "/api/applications/" + small.applicationId() + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", 10000)));
        post("instructeur", "/api/applications/" + small.applicationId() + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-046", "deliberationDate", TODAY.toString()));
        awaitWaitingAt(small.reference(), "Task_PreparePayment");
        Map<String, Object> arrete = get("porteur", "/api/applications/" + small.applicationId() + "/agreement");
        add(pdfs, expected, "arrêté", bytes("porteur", "/api/agreements/" + arrete.get("id") + "/pdf"),
                "Arrêté attributif de subvention n° " + arrete.get("number"), "10 000,00 €");

        // A refusal, quoting its motivation with French typography.
        Voted refused = awaitingJury(campaign.get("id"), registerStructure("porteur"), 15000);
        post("instructeur", "/api/applications/" + refused.applicationId() + "/jury-result", Map.of("verdict",
                "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", 13000)));
        post("instructeur", "/api/applications/" + refused.applicationId() + "/decision", Map.of("outcome", "REJECTED",
                "deliberationNumber", "CP-2026-11-047", "deliberationDate", TODAY.toString(),
                "motivation", "Le projet « Café’ culturel » sort du périmètre de l’appel : 80 % de frais de structure."));
        add(pdfs, expected, "notification de refus", latestLetter(refused.applicationId()),
                "Notification de refus de subvention", "« Café’ culturel »", "l’appel", "Voies et délais de recours");

        // An inadmissibility letter.
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 9000, 12000)));
        String ineligible = String.valueOf(draft.get("id"));
        post("porteur", "/api/applications/" + ineligible + "/submit", null);
        awaitWaitingAt((String) draft.get("reference"), "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + ineligible + "/completeness", Map.of("outcome", "INELIGIBLE",
                "reason", "La structure n’a pas son siège en Seine‑Saint‑Denis."));
        await().atMost(PATIENCE).until(() -> "INADMISSIBLE".equals(get("instructeur", "/api/applications/" + ineligible)
                .get("status")));
        add(pdfs, expected, "courrier d'irrecevabilité", bytes("instructeur", "/api/applications/" + ineligible
                + "/inadmissibility-letter"), (String) draft.get("reference"), "n’a pas son siège");

        // The jury's minutes (draft, during the deliberation).
        JurySetup jury = juryInScoring(List.of("jury"), 1, 1);
        Voted judged = jury.applications().get(0);
        post("jury", "/api/jury/my-sessions/" + jury.sessionId() + "/applications/" + judged.applicationId() + "/score",
                Map.of("values", Map.of(jury.criteria().get(0), 4, jury.criteria().get(1), 3)));
        post("instructeur", "/api/jury/sessions/" + jury.sessionId() + "/phase", Map.of("phase", "DELIBERATION"));
        call("instructeur", org.springframework.http.HttpMethod.PUT, "/api/jury/sessions/" + jury.sessionId()
                + "/applications/" + judged.applicationId() + "/proposal", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", 9000), "comment", "Projet utile"));
        add(pdfs, expected, "procès-verbal du jury", bytes("instructeur", "/api/jury/sessions/" + jury.sessionId()
                + "/minutes"), "procès-verbal", judged.reference());

        // The Commission's report annex.
        long annexCampaign = ((Number) openCampaign(30).get("id")).longValue();
        AwaitingVote.create(jdbc, runtime, annexCampaign, List.of(
                new AwaitingVote.Amounts(2, 12000, 9000), new AwaitingVote.Amounts(1, 10000, 8000)));
        String number = "CP-PDFA-" + Long.toString(System.nanoTime(), 36);
        String sitting = String.valueOf(post("instructeur", "/api/commission/seances", Map.of("campaignId",
                annexCampaign, "number", number, "sittingDate", TODAY.minusDays(1).toString())).get("id"));
        post("instructeur", "/api/commission/seances/" + sitting + "/rapport", null);
        add(pdfs, expected, "annexe au rapport", bytes("instructeur", "/api/commission/seances/" + sitting
                + "/annexe.pdf"), "Annexe au rapport — séance n° " + number, "Saint-Denis", "8 000,00 €", "Arrêté attributif");

        // A financial report (Cerfa 15059*02), produced when the structure submits it.
        Grant grant = grantedOneYear();
        assertThat(call("porteur", org.springframework.http.HttpMethod.POST, "/api/reports/" + grant.reportId() + "/form",
                Map.of("data", ReportIT.report())).getStatusCode().value()).isEqualTo(204);
        add(pdfs, expected, "compte rendu financier", jdbc.queryForObject("select report_pdf from report where id = ?",
                byte[].class, Long.valueOf(grant.reportId())), "Compte rendu financier", "Cerfa n° 15059*02",
                "Charges de personnel", "Un poste d'animateur à mi-temps de plus.");

        assertThat(pdfs).hasSize(11);
        pdfs.forEach((kind, pdf) -> {
            assertThat(PdfAValidation.failures(pdf)).as("PDF/A-2b failures of the %s", kind).isEmpty();
            assertThat(text(pdf)).as("text of the %s", kind).contains(expected.get(kind));
        });
    }

    private static void add(Map<String, byte[]> pdfs, Map<String, List<String>> expected, String kind, byte[] pdf,
                            String... texts) {
        pdfs.put(kind, pdf);
        expected.put(kind, List.of(texts));
    }

    /** The application's latest decision letter, as its structure downloads it (written once the vote is in). */
    private byte[] latestLetter(String applicationId) {
        String path = "/api/applications/" + applicationId + "/letters";
        List<Map<String, Object>> letters = await().atMost(PATIENCE).until(() -> list("porteur", path),
                l -> !l.isEmpty());
        return bytes("porteur", path + "/" + letters.get(letters.size() - 1).get("id") + "/content");
    }

    /** The text as read, spaces of every kind as plain ones, lines joined. */
    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
