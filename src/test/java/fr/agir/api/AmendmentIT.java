package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Avenants through the API: above the vote or below what was paid, refused in French and nothing saved;
 * drafted, signed, countersigned (both PAdES signatures valid for DSS); once in force the installments not
 * yet liquidated follow it and the paid advance never changes.
 */
class AmendmentIT extends ApiTestSupport {

    /** A two-year grant (18 000 € then 15 000 €) whose agreement is in force and year 1's advance paid. */
    record InForce(String applicationId, String reference, String agreementId) {
    }

    InForce twoYearsInForceAdvancePaid() {
        return twoYearsInForceAdvancePaid(15000);
    }

    /** The same, year 2 requested at {@code requestedYear2} (a later délibération may grant up to it). */
    InForce twoYearsInForceAdvancePaid(int requestedYear2) {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 2,
                List.of(budget(1, 20000, 30000), budget(2, requestedYear2, 30000)));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        submitAndAwaitOpinions(id, reference);
        await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
        post("avis-dter", "/api/applications/" + id + "/opinions/DTER", Map.of("verdict", "FAVORABLE", "comment", "Avis favorable"));
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "FAVORABLE", "comment", "Avis favorable"));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        post("instructeur", "/api/applications/" + id + "/synthesis",
                Map.of("summary", "Projet solide", "proposedAmounts", Map.of("1", 18000, "2", 15000)));
        awaitWaitingAt(reference, "Event_JuryResultReceived");
        post("instructeur", "/api/applications/" + id + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 2, "amounts", Map.of("1", 18000, "2", 15000)));
        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-044",
                "deliberationDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        awaitWaitingAt(reference, "Task_SignAgreement");
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + id + "/agreement").get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(reference, "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        pay(id, reference, 1, "ADVANCE");
        return new InForce(id, reference, agreementId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAvenantLoweringYearTwoUpdatesTheUnpaidInstallmentsAndLeavesThePaidAdvanceAlone() throws Exception {
        InForce grant = twoYearsInForceAdvancePaid();
        String base = "/api/agreements/" + grant.agreementId();
        long agreementId = Long.parseLong(grant.agreementId());
        Map<String, Object> advance = awaitInstallment(grant.applicationId(), 1, "ADVANCE");
        assertThat(new BigDecimal(String.valueOf(advance.get("amount")))).isEqualByComparingTo("14400");

        // Above the vote (33 000 €): refused, in French, naming the voted amount and the délibération needed.
        ResponseEntity<Map<String, Object>> above = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 18000, "2", 16000), "object", "Hausse", "reason", "Plus de public"));
        assertProblem(above, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) above.getBody().get("detail")).contains("33 000,00 €", "CP-2026-11-044",
                "délibération modificative de la Commission permanente");
        // Below what was already paid for year 1: refused.
        ResponseEntity<Map<String, Object>> below = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 10000, "2", 15000), "object", "Baisse", "reason", "Moins de public"));
        assertProblem(below, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) below.getBody().get("detail")).contains("déjà été liquidé ou versé");
        assertThat(count("select count(*) from agreement_amendment where agreement_id = ?", agreementId))
                .as("nothing saved on a refusal").isZero();
        // Not the structure's to draft.
        assertThat(call("porteur", HttpMethod.POST, base + "/amendments", Map.of("amounts", Map.of("1", 17000,
                "2", 12000), "object", "x", "reason", "y")).getStatusCode().value()).isEqualTo(403);

        Map<String, Object> drafted = post("instructeur", base + "/amendments", Map.of("amounts",
                Map.of("1", "17000", "2", "12000"), "durationYears", 2,
                "object", "Réduction de l'action la deuxième année", "reason", "Public accueilli réduit en 2027"));
        String amendment = "/api/amendments/" + drafted.get("id");
        assertThat((String) drafted.get("number")).endsWith("-A1").startsWith("CPO-");
        assertThat(drafted.get("status")).isEqualTo("DRAFT");
        assertThat(list("porteur", base + "/amendments")).as("a draft is the instruction's only").isEmpty();
        assertThat(call("porteur", HttpMethod.GET, amendment, null).getStatusCode().value()).isEqualTo(404);
        assertThat(call("signataire", HttpMethod.GET, amendment, null).getStatusCode().value())
                .as("nor the signatory's before the structure signed").isEqualTo(404);
        byte[] preview = bytes("instructeur", amendment + "/pdf");
        assertThat(fr.agir.shared.PdfAValidation.failures(preview)).as("the avenant is PDF/A-2b").isEmpty();
        post("instructeur", amendment + "/submit", null);

        // One avenant at a time.
        ResponseEntity<Map<String, Object>> second = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 17000, "2", 11000), "object", "Encore", "reason", "Encore"));
        assertProblem(second, 409, "urn:agir:probleme:etat-incompatible");
        // Countersignature before the structure's signature: refused, nothing changed.
        ResponseEntity<Map<String, Object>> early = call("signataire", HttpMethod.POST, amendment + "/countersign", null);
        assertProblem(early, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) early.getBody().get("detail")).contains("pas encore signé par la structure");
        assertThat(get("porteur", amendment).get("status")).isEqualTo("TO_SIGN");

        // A wrong code: refused, nothing signed.
        String subject = "Votre code pour signer l'avenant " + drafted.get("number");
        int before = TestSmtp.get().withSubject(subject).size();
        post("porteur", amendment + "/signature-code", null);
        String code = lastSignatureCode(subject, before);
        ResponseEntity<Map<String, Object>> wrong = call("porteur", HttpMethod.POST, amendment + "/sign",
                Map.of("code", code.equals("000000") ? "111111" : "000000", "consent", true));
        assertProblem(wrong, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) wrong.getBody().get("detail")).contains("Code incorrect");
        assertThat(get("porteur", amendment).get("status")).isEqualTo("TO_SIGN");
        post("porteur", amendment + "/sign", Map.of("code", code, "consent", true));
        assertThat(get("porteur", amendment).get("status")).isEqualTo("SIGNED");
        assertThat(installmentAmount(grant, 1, "BALANCE")).as("nothing follows before the countersignature")
                .isEqualByComparingTo("3600");
        post("signataire", amendment + "/countersign", null);

        assertThat(get("porteur", amendment).get("status")).isEqualTo("IN_FORCE");
        assertThat(new BigDecimal(String.valueOf(get("porteur", base).get("totalAmount")))).isEqualByComparingTo("29000");
        assertThat(jdbc.queryForObject("select amount from credit_commitment where agreement_id = ?", BigDecimal.class,
                agreementId)).as("the commitment follows the avenant (33 000 € voted)").isEqualByComparingTo("29000");
        List<Map<String, Object>> signatures = (List<Map<String, Object>>) get("porteur", amendment + "/signatures")
                .get("signatures");
        assertThat(signatures).extracting(s -> s.get("signerName")).containsExactly("Paul Porteur", "Sophie Signataire");
        assertThat(signatures).allSatisfy(s -> assertThat(s).containsEntry("intact", true)
                .containsEntry("indication", "TOTAL_PASSED"));
        try (PDDocument pdf = Loader.loadPDF(bytes("porteur", amendment + "/pdf"))) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(2);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Avenant n° 1", "CP-2026-11-044",
                    "12 000,00 €", "29 000,00 €");
        }
        assertThat(list("porteur", base + "/amendments")).extracting(a -> a.get("status")).containsExactly("IN_FORCE");

        // Another structure's applicant reads none of it.
        for (String path : List.of(base + "/amendments", amendment, amendment + "/pdf", amendment + "/signatures")) {
            assertThat(callForText("porteuse", HttpMethod.GET, path).getStatusCode().value())
                    .as("another applicant reading " + path).isEqualTo(404);
        }
        assertThat(call("porteuse", HttpMethod.POST, amendment + "/sign", Map.of("code", "123456", "consent", true))
                .getStatusCode().value()).isEqualTo(404);

        // The paid advance never changes; year 1's balance carries 17 000 − 14 400.
        assertThat(installmentAmount(grant, 1, "ADVANCE")).isEqualByComparingTo("14400");
        assertThat(awaitInstallment(grant.applicationId(), 1, "ADVANCE").get("status")).isEqualTo("PAID");
        assertThat(installmentAmount(grant, 1, "BALANCE")).isEqualByComparingTo("2600");

        // Year 1 ends; year 2's installments are scheduled from the avenant: 80 % of 12 000 €, then the rest.
        Map<String, Object> report = awaitReport(grant.applicationId(), 1);
        awaitWaitingAt(grant.reference(), "Task_SubmitReport");
        post("porteur", "/api/reports/" + report.get("id") + "/submit", Map.of("actualCharges", 34000,
                "actualProducts", 34000, "spentGrant", 17000, "qualitativeReport", "Action menée"));
        awaitWaitingAt(grant.reference(), "Task_ValidateReport");
        post("instructeur", "/api/reports/" + report.get("id") + "/review", Map.of("outcome", "VALIDATED"));
        pay(grant.applicationId(), grant.reference(), 1, "BALANCE");
        assertThat(installmentAmount(grant, 2, "ADVANCE")).isEqualByComparingTo("9600");
        assertThat(installmentAmount(grant, 2, "BALANCE")).isEqualByComparingTo("2400");
        // Year 2 has opened: an avenant may no longer take it away (a withdrawal is voted instead).
        ResponseEntity<Map<String, Object>> late = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 17000), "durationYears", 1, "object", "Un an", "reason", "Arrêt"));
        assertProblem(late, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) late.getBody().get("detail")).contains("L'année 2 de la convention a déjà commencé");
        assertThat(count("select count(*) from agreement_amendment where agreement_id = ?", agreementId))
                .as("only A1").isEqualTo(1);

        // Audited, and the structure reads the avenant in its history.
        assertThat(count("select count(*) from audit_event where entity_type = 'AMENDMENT' and entity_id = ? "
                + "and action = 'AMENDMENT_IN_FORCE'", drafted.get("id"))).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'INSTALLMENT_SCHEDULED' "
                + "and reason like '%avenant%'", Long.valueOf(grant.applicationId()))).isEqualTo(1);
        // The portal's agreement page lists the versions.
        String portal = browser(signedInSession("porteur"), HttpMethod.GET,
                "/portail/candidatures/" + grant.applicationId() + "/convention", null).getBody();
        assertThat(portal).contains("Versions de la convention", "Avenant A1", "En vigueur");
    }

    /**
     * An avenant shortening a two-year agreement to one year, countersigned during year 1: the agreement, its
     * commitment and the process follow it — after year 1's report and balance the grant closes, and year 2 never
     * opens. A duration beyond the one voted and established is refused.
     */
    @Test
    void anAvenantShorteningToOneYearClosesTheGrantAfterYearOne() {
        InForce grant = twoYearsInForceAdvancePaid();
        String base = "/api/agreements/" + grant.agreementId();
        long agreementId = Long.parseLong(grant.agreementId());

        ResponseEntity<Map<String, Object>> tooLong = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 18000, "2", 15000, "3", 1000), "durationYears", 3,
                        "object", "Trois ans", "reason", "Prolonger"));
        assertProblem(tooLong, 422, "urn:agir:probleme:saisie-invalide");
        // Year 2's amount given for a one-year avenant: refused next to the field.
        ResponseEntity<Map<String, Object>> stray = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 18000, "2", 15000), "durationYears", 1, "object", "Un an",
                        "reason", "Arrêt"));
        assertProblem(stray, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(count("select count(*) from agreement_amendment where agreement_id = ?", agreementId)).isZero();

        Map<String, Object> drafted = post("instructeur", base + "/amendments", Map.of("amounts", Map.of("1", "18000"),
                "durationYears", 1, "object", "La convention ne porte plus que sur l'année 2026",
                "reason", "La structure arrête l'action à la fin de la première année"));
        String amendment = putInForce(drafted);

        Map<String, Object> agreement = get("porteur", base);
        assertThat(agreement).containsEntry("durationYears", 1);
        assertThat(new BigDecimal(String.valueOf(agreement.get("totalAmount")))).isEqualByComparingTo("18000");
        assertThat(jdbc.queryForObject("select amount from credit_commitment where agreement_id = ?", BigDecimal.class,
                agreementId)).as("the commitment follows the shorter agreement").isEqualByComparingTo("18000");

        Map<String, Object> report = awaitReport(grant.applicationId(), 1);
        awaitWaitingAt(grant.reference(), "Task_SubmitReport");
        post("porteur", "/api/reports/" + report.get("id") + "/submit", Map.of("actualCharges", 36000,
                "actualProducts", 36000, "spentGrant", 18000, "qualitativeReport", "Action menée sur un an"));
        awaitWaitingAt(grant.reference(), "Task_ValidateReport");
        post("instructeur", "/api/reports/" + report.get("id") + "/review", Map.of("outcome", "VALIDATED"));
        pay(grant.applicationId(), grant.reference(), 1, "BALANCE");

        await().atMost(PATIENCE).until(() -> "CLOSED".equals(get("porteur", "/api/applications/"
                + grant.applicationId()).get("status")));
        awaitEnded(grant.reference());
        assertThat(count("select count(*) from installment where agreement_id = ? and grant_year = 2", agreementId))
                .as("year 2 never opened").isZero();
        assertThat(count("select count(*) from report where agreement_id = ? and grant_year = 2", agreementId))
                .as("no report expected for a year taken away").isZero();
    }

    @Autowired
    private fr.agir.structure.StructureService structures;

    /**
     * Issue 16: a rise after the signature. The délibération modificative raising the grant is recorded and
     * notified, but the signed agreement, its PDF, its installments and the budget commitment stay; an avenant
     * above the old vote and within the new one goes through (here with the case file's new RIB) and the
     * unpaid installments follow it; above the new vote it is refused, naming the délibération to obtain.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRiseAfterSignatureIsADeliberationThenAnAvenantWithinItCarryingTheNewRib() throws Exception {
        InForce grant = twoYearsInForceAdvancePaid(20000);
        String base = "/api/agreements/" + grant.agreementId();
        long agreementId = Long.parseLong(grant.agreementId());
        long applicationId = Long.parseLong(grant.applicationId());
        byte[] signedPdf = bytes("porteur", base + "/pdf");
        String today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString();

        // The délibération modificative raising year 2 (18 000 + 15 000 → 20 000 + 19 000): accepted.
        Map<String, Object> revised = post("instructeur", "/api/applications/" + grant.applicationId()
                + "/decision/revisions", Map.of("kind", "AMEND", "deliberationNumber", "CP-2026-12-301",
                "deliberationDate", today, "durationYears", 2, "amounts", Map.of("1", 20000, "2", 19000)));
        assertThat(revised).containsEntry("outcome", "AMENDED").containsEntry("current", true)
                .containsEntry("note", "La convention signée ne change pas : préparez un avenant pour l'appliquer.")
                .containsEntry("amendmentPage", "/instruction/conventions/" + agreementId + "/avenant");
        // … notified to the structure (the letter says the signed agreement changes by an avenant) …
        await().atMost(PATIENCE).until(() -> list("porteur", "/api/applications/" + grant.applicationId() + "/letters")
                .stream().anyMatch(l -> "AMENDMENT".equals(l.get("kind"))));
        Map<String, Object> letter = list("porteur", "/api/applications/" + grant.applicationId() + "/letters").stream()
                .filter(l -> "AMENDMENT".equals(l.get("kind"))).findFirst().orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(bytes("porteur", "/api/applications/" + grant.applicationId()
                + "/letters/" + letter.get("id") + "/content"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("CP-2026-12-301", "déjà signée, n'est pas modifiée", "avenant");
        }
        // … but the signed agreement, its PDF, its installments and the commitment stay as signed.
        Map<String, Object> agreement = get("porteur", base);
        assertThat(agreement).containsEntry("status", "IN_FORCE");
        assertThat(new BigDecimal(String.valueOf(agreement.get("totalAmount")))).isEqualByComparingTo("33000");
        assertThat(bytes("porteur", base + "/pdf")).as("the signed PDF is untouched").isEqualTo(signedPdf);
        assertThat(installmentAmount(grant, 1, "ADVANCE")).isEqualByComparingTo("14400");
        assertThat(installmentAmount(grant, 1, "BALANCE")).isEqualByComparingTo("3600");
        assertThat(jdbc.queryForObject("select amount from credit_commitment where agreement_id = ?", BigDecimal.class,
                agreementId)).as("the commitment is the act in force").isEqualByComparingTo("33000");
        assertThat(jdbc.queryForObject("select sum(amount) from agreement_year where agreement_id = ?",
                BigDecimal.class, agreementId)).as("the amounts signed").isEqualByComparingTo("33000");
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'DECISION_REVISED' "
                + "and reason like '%ne change pas%'", applicationId)).isEqualTo(1);

        // Above the new vote (39 000 €): refused, naming the délibération in force and what to obtain.
        ResponseEntity<Map<String, Object>> above = call("instructeur", HttpMethod.POST, base + "/amendments",
                Map.of("amounts", Map.of("1", 20000, "2", 20000), "object", "Hausse", "reason", "Plus de public"));
        assertProblem(above, 422, "urn:agir:probleme:saisie-invalide");
        assertThat((String) above.getBody().get("detail")).contains("40 000,00 €", "39 000,00 €", "CP-2026-12-301",
                "délibération modificative de la Commission permanente");
        assertThat(count("select count(*) from agreement_amendment where agreement_id = ?", agreementId)).isZero();

        // The structure's RIB changed in its case file (verified by the finance desk): the avenant takes it.
        String newIban = "FR7630004000031234567890143";
        structures.applyVerifiedBankDetails(
                Long.valueOf(String.valueOf(get("porteur", "/api/applications/" + grant.applicationId())
                        .get("structureId"))), newIban, "BNPAFRPP");
        // Above the old vote (33 000 €) but within the new one: accepted.
        Map<String, Object> drafted = post("instructeur", base + "/amendments", Map.of("amounts",
                Map.of("1", 20000, "2", 19000), "durationYears", 2, "bankDetailsChanged", true,
                "object", "Hausse votée par la délibération CP-2026-12-301", "reason", "Public élargi"));
        assertThat(drafted).containsEntry("status", "DRAFT").containsEntry("bankDetailsChanged", true);
        assertThat(jdbc.queryForObject("select iban from agreement_amendment where id = ?", String.class,
                drafted.get("id"))).isEqualTo(newIban);
        String amendment = putInForce(drafted);

        assertThat(get("porteur", amendment).get("status")).isEqualTo("IN_FORCE");
        assertThat(new BigDecimal(String.valueOf(get("porteur", base).get("totalAmount")))).isEqualByComparingTo("39000");
        assertThat(jdbc.queryForObject("select amount from credit_commitment where agreement_id = ?", BigDecimal.class,
                agreementId)).as("the commitment follows the avenant").isEqualByComparingTo("39000");
        // The paid advance stays; year 1's balance carries 20 000 − 14 400.
        assertThat(installmentAmount(grant, 1, "ADVANCE")).isEqualByComparingTo("14400");
        assertThat(awaitInstallment(grant.applicationId(), 1, "ADVANCE").get("status")).isEqualTo("PAID");
        assertThat(installmentAmount(grant, 1, "BALANCE")).isEqualByComparingTo("5600");
        try (PDDocument pdf = Loader.loadPDF(bytes("porteur", amendment + "/pdf"))) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(2);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("CP-2026-12-301", "19 000,00 €", "39 000,00 €", "Coordonnées bancaires",
                    newIban);
        }

        // A withdrawal after signature still works: the unpaid installments are cancelled, the act ends.
        post("instructeur", "/api/applications/" + grant.applicationId() + "/decision/revisions", Map.of(
                "kind", "WITHDRAW", "deliberationNumber", "CP-2026-12-302", "deliberationDate", today,
                "motivation", "La structure a cessé son activité"));
        awaitEnded(grant.reference());
        assertThat(get("instructeur", "/api/applications/" + grant.applicationId()).get("status"))
                .isEqualTo("GRANT_WITHDRAWN");
        assertThat(get("porteur", base).get("status")).isEqualTo("CLOSED");
        assertThat(awaitInstallment(grant.applicationId(), 1, "BALANCE").get("status")).isEqualTo("CANCELLED");
        assertThat(awaitInstallment(grant.applicationId(), 1, "ADVANCE").get("status")).isEqualTo("PAID");
    }

    /** The drafted avenant submitted, signed by the legal representative with his code, countersigned. */
    private String putInForce(Map<String, Object> drafted) {
        String amendment = "/api/amendments/" + drafted.get("id");
        post("instructeur", amendment + "/submit", null);
        String subject = "Votre code pour signer l'avenant " + drafted.get("number");
        int before = TestSmtp.get().withSubject(subject).size();
        post("porteur", amendment + "/signature-code", null);
        post("porteur", amendment + "/sign", Map.of("code", lastSignatureCode(subject, before), "consent", true));
        post("signataire", amendment + "/countersign", null);
        return amendment;
    }

    private BigDecimal installmentAmount(InForce grant, int year, String kind) {
        return new BigDecimal(String.valueOf(awaitInstallment(grant.applicationId(), year, kind).get("amount")));
    }
}
