package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The finance officers' workspace (/finances, issue 17): lists and filters with the 60-day clock, the
 * checklist's RIB check blocking the liquidation, four eyes (refused and audited), two officers
 * validating at once, the bulk actions' per-row report, the bank details change verified by finance,
 * and the structure's payments on its portal.
 */
class FinanceDeskIT extends ApiTestSupport {

    /** A one-year grant whose agreement is countersigned: its advance waits to be liquidated. */
    private record Ready(Voted voted, String agreementId, String installmentId, String campaignId) {
    }

    private Ready readyAdvance() {
        Voted voted = votedOneYear();
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement")
                .get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        Map<String, Object> installment = awaitInstallment(voted.applicationId(), 1, "ADVANCE");
        awaitWaitingAt(voted.reference(), "Task_PreparePayment");
        String id = String.valueOf(installment.get("id"));
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM installment WHERE id = ? "
                + "AND payable_since IS NOT NULL", id) == 1);
        String campaignId = String.valueOf(jdbc.queryForObject("SELECT campaign_id FROM application WHERE id = ?",
                Long.class, Long.valueOf(voted.applicationId())));
        return new Ready(voted, agreementId, id, campaignId);
    }

    @Test
    void theListsFilterByCampaignAmountAndDelayAndShowTheClockInWords() {
        Ready ready = readyAdvance();
        String session = signedInSession("finances1");
        String link = "/finances/echeances/" + ready.installmentId();
        String base = "/finances?onglet=a-liquider&campaignId=" + ready.campaignId();

        String listed = page(session, base);
        assertThat(listed).contains(link).contains("J+0").contains("avance, année 1").contains("21 600,00 €")
                .doesNotContain("délai de 60 jours dépassé").doesNotContain("proche des 60 jours");
        assertThat(page(session, base + "&minAmount=25000")).as("above its amount").doesNotContain(link);
        assertThat(page(session, base + "&maxAmount=25000")).as("positive control").contains(link);
        assertThat(page(session, base + "&delai=proche")).as("not near 60 days yet").doesNotContain(link);
        assertThat(page(session, "/finances?onglet=a-valider&campaignId=" + ready.campaignId()))
                .as("another tab").doesNotContain(link);

        // Payable 50 days ago: near the delay; 70 days ago: past it, said in words, not in colour only.
        jdbc.update("UPDATE installment SET payable_since = DATE_SUB(NOW(6), INTERVAL 50 DAY) WHERE id = ?",
                Long.valueOf(ready.installmentId()));
        assertThat(page(session, base + "&delai=proche")).contains(link).contains("J+50 — proche des 60 jours");
        jdbc.update("UPDATE installment SET payable_since = DATE_SUB(NOW(6), INTERVAL 70 DAY) WHERE id = ?",
                Long.valueOf(ready.installmentId()));
        assertThat(page(session, base + "&delai=depasse")).contains(link)
                .contains("J+70 — délai de 60 jours dépassé");

        String checklist = page(session, link);
        assertThat(checklist).contains("Convention contresignée par le Département le")
                .contains("Conformes").contains("FR76 3000 6000 0112 3456 7890 189").contains("rib.pdf")
                .contains("J+70").contains("Liquider l'échéance");
        assertThat(bytesOf(session, link + "/rib")).as("the RIB piece, for finance to compare").isNotEmpty();
    }

    @Test
    void aPendingBankDetailsChangeBlocksTheLiquidationUntilAnotherPersonVerifiesIt() {
        Ready ready = readyAdvance();
        String structureId = ready.voted().structureId();
        // Asking without a new RIB piece (the registration's RIB shows the old account): refused.
        String applicant = signedInSession("porteur");
        String bankPage = "/portail/structures/" + structureId + "/coordonnees-bancaires";
        Map<String, String> newAccount = Map.of("iban", "FR14 2004 1010 0505 0001 3M02 606", "bic", "PSSTFRPP");
        ResponseEntity<String> refused = postForm(applicant, bankPage, newAccount);
        assertThat(refused.getStatusCode().value()).isEqualTo(303);
        assertThat(page(applicant, bankPage)).contains("pas encore dans le dossier de la structure")
                .contains("FR14 2004 1010 0505 0001 3M02 606");
        assertThat(count("SELECT COUNT(*) FROM bank_details_change WHERE structure_id = ?", structureId)).isZero();
        // With the new account's RIB in the case file: pending until finance verifies it.
        uploadDocument("porteur", structureId, "RIB", "nouveau-rib.pdf", fr.agir.structure.SampleFiles.pdf("RIB2"), null);
        postForm(applicant, bankPage, newAccount);
        assertThat(count("SELECT COUNT(*) FROM bank_details_change WHERE structure_id = ? AND status = 'PENDING'",
                structureId)).isEqualTo(1);
        Long changeId = jdbc.queryForObject("SELECT id FROM bank_details_change WHERE structure_id = ? "
                + "AND status = 'PENDING'", Long.class, Long.valueOf(structureId));

        // The liquidation is blocked, on the API and on the page, with the reason in French.
        ResponseEntity<Map<String, Object>> blocked = call("finances1", HttpMethod.POST,
                "/api/installments/" + ready.installmentId() + "/prepare", Map.of());
        assertThat(blocked.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(blocked.getBody().get("detail"))).contains("changement de coordonnées bancaires");
        String finance1 = signedInSession("finances1");
        assertThat(page(finance1, "/finances/echeances/" + ready.installmentId())).contains("Liquidation bloquée");
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'SCHEDULED'",
                ready.installmentId())).isEqualTo(1);

        // A refusal needs a reason; an approval is confirmed first, then applied and audited.
        assertThat(page(finance1, "/finances/rib")).contains("FR1420041010050500013M02606");
        ResponseEntity<String> noReason = postForm(finance1, "/finances/rib/" + changeId + "/refuser", Map.of("reason", " "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(303);
        assertThat(count("SELECT COUNT(*) FROM bank_details_change WHERE id = ? AND status = 'PENDING'", changeId))
                .isEqualTo(1);
        ResponseEntity<String> confirm = postForm(finance1, "/finances/rib/" + changeId + "/approuver", Map.of());
        assertThat(confirm.getStatusCode().value()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(confirm.getBody())).contains("Cette action est définitive");
        assertThat(count("SELECT COUNT(*) FROM bank_details_change WHERE id = ? AND status = 'PENDING'", changeId))
                .as("nothing before the confirmation").isEqualTo(1);
        postForm(finance1, "/finances/rib/" + changeId + "/approuver", Map.of("confirmed", "true"));
        assertThat(jdbc.queryForObject("SELECT iban FROM structure WHERE id = ?", String.class, Long.valueOf(structureId)))
                .isEqualTo("FR1420041010050500013M02606");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'STRUCTURE' AND entity_id = ? "
                + "AND action = 'BANK_DETAILS_CHANGE_APPROVED' AND actor = 'finances1'", structureId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'STRUCTURE' AND entity_id = ? "
                + "AND action = 'BANK_DETAILS_CHANGE_REQUESTED' AND actor = 'porteur'", structureId)).isEqualTo(1);

        // A newer RIB uploaded without declaring it: the piece no longer matches the verified one.
        uploadDocument("porteur", structureId, "RIB", "autre-rib.pdf", fr.agir.structure.SampleFiles.pdf("RIB3"), null);
        ResponseEntity<Map<String, Object>> mismatch = call("finances1", HttpMethod.POST,
                "/api/installments/" + ready.installmentId() + "/prepare", Map.of());
        assertThat(mismatch.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(mismatch.getBody().get("detail"))).contains("n'est pas celui qui a été vérifié");

        // Declared and verified: the liquidation goes through, to the new account.
        postForm(applicant, bankPage, newAccount);
        Long second = jdbc.queryForObject("SELECT id FROM bank_details_change WHERE structure_id = ? "
                + "AND status = 'PENDING'", Long.class, Long.valueOf(structureId));
        postForm(signedInSession("finances2"), "/finances/rib/" + second + "/approuver", Map.of("confirmed", "true"));
        post("finances1", "/api/installments/" + ready.installmentId() + "/prepare", Map.of("comment", "RIB vérifié"));
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'PREPARED'",
                ready.installmentId())).isEqualTo(1);
    }

    @Test
    void theOfficerWhoLiquidatedCannotValidateAndTheAttemptIsAudited() {
        Ready ready = readyAdvance();
        String finance1 = signedInSession("finances1");
        ResponseEntity<String> liquidated = postForm(finance1, "/finances/echeances/" + ready.installmentId()
                + "/liquider", Map.of("comment", "Conditions réunies"));
        assertThat(liquidated.getStatusCode().value()).isEqualTo(303);
        awaitWaitingAt(ready.voted().reference(), "Task_ValidatePayment");
        assertThat(page(finance1, "/finances?onglet=a-valider&campaignId=" + ready.campaignId()))
                .contains("Fanny Finances").contains("vous : un ou une collègue doit valider");

        ResponseEntity<Map<String, Object>> own = call("finances1", HttpMethod.POST,
                "/api/installments/" + ready.installmentId() + "/validate", Map.of("decision", "APPROVE"));
        assertProblem(own, 403, "urn:agir:probleme:action-interdite");
        assertThat(String.valueOf(own.getBody().get("detail"))).contains("Séparation des tâches");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'INSTALLMENT' AND entity_id = ? "
                + "AND action = 'PAYMENT_VALIDATION_REFUSED' AND actor = 'finances1'", ready.installmentId()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'PREPARED'",
                ready.installmentId())).isEqualTo(1);

        // The other officer returns it with a reason (required), then it is liquidated again.
        String finance2 = signedInSession("finances2");
        postForm(finance2, "/finances/echeances/" + ready.installmentId() + "/renvoyer", Map.of("reason", ""));
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'PREPARED'",
                ready.installmentId())).as("no reason, no return").isEqualTo(1);
        postForm(finance2, "/finances/echeances/" + ready.installmentId() + "/renvoyer",
                Map.of("reason", "Pièce justificative à joindre"));
        assertThat(page(finance2, "/finances?onglet=renvoyees&campaignId=" + ready.campaignId()))
                .contains("Pièce justificative à joindre");
    }

    @Test
    void twoOfficersValidatingAtOnceMakeOneValidationAndTheOtherGetsAConflict() throws Exception {
        Ready ready = readyAdvance();
        post("finances1", "/api/installments/" + ready.installmentId() + "/prepare", Map.of());
        awaitWaitingAt(ready.voted().reference(), "Task_ValidatePayment");
        String path = "/api/installments/" + ready.installmentId() + "/validate";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call("finances2", HttpMethod.POST, path, Map.of("decision", "APPROVE")).getStatusCode().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'INSTALLMENT' AND entity_id = ? "
                + "AND action = 'PAYMENT_VALIDATED'", ready.installmentId())).isEqualTo(1);
        // Exported and paid by the finance software's return: one payment order, once.
        exportAndReturn(ready.installmentId());
        assertThat(count("SELECT COUNT(*) FROM payment_order WHERE installment_id = ?", ready.installmentId()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'INSTALLMENT' AND entity_id = ? "
                + "AND action = 'PAYMENT_ORDER_ISSUED'", ready.installmentId())).isEqualTo(1);
    }

    @Test
    void bulkActionsTreatEachRowApartAndReportEachOne() {
        Ready first = readyAdvance();
        Ready second = readyAdvance();
        // The second's structure has a pending bank details change: its row is refused, the first is done.
        uploadDocument("porteur", second.voted().structureId(), "RIB", "rib-2.pdf",
                fr.agir.structure.SampleFiles.pdf("RIB bis"), null);
        postForm(signedInSession("porteur"), "/portail/structures/" + second.voted().structureId()
                + "/coordonnees-bancaires", Map.of("iban", "FR14 2004 1010 0505 0001 3M02 606", "bic", "PSSTFRPP"));

        String finance1 = signedInSession("finances1");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("action", "liquider");
        form.add("selection", first.installmentId());
        form.add("selection", second.installmentId());
        form.add("onglet", "a-liquider");
        String report = followRedirect(finance1, postForm(finance1, "/finances/selection", form));
        assertThat(report).contains("Compte rendu de la liquidation groupée").contains("1 sur 2 liquidée")
                .contains("Liquidée").contains("Non traitée").contains("changement de coordonnées bancaires");
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'PREPARED'",
                first.installmentId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'SCHEDULED'",
                second.installmentId())).isEqualTo(1);
        awaitWaitingAt(first.voted().reference(), "Task_ValidatePayment");

        // Validating one's own liquidation in bulk: refused with the reason; the other officer validates.
        form.set("action", "valider");
        form.remove("selection");
        form.add("selection", first.installmentId());
        form.set("onglet", "a-valider");
        assertThat(followRedirect(finance1, postForm(finance1, "/finances/selection", form)))
                .contains("0 sur 1 validée").contains("Séparation des tâches");
        String finance2 = signedInSession("finances2");
        assertThat(followRedirect(finance2, postForm(finance2, "/finances/selection", form)))
                .contains("1 sur 1 validée");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'INSTALLMENT' AND entity_id = ? "
                + "AND action = 'PAYMENT_VALIDATED' AND actor = 'finances2'", first.installmentId())).isEqualTo(1);
    }

    @Test
    void theStructureSeesItsPaymentsOnThePortalAndNoOtherStructureDoes() {
        Ready ready = readyAdvance();
        post("finances1", "/api/installments/" + ready.installmentId() + "/prepare", Map.of());
        awaitWaitingAt(ready.voted().reference(), "Task_ValidatePayment");
        post("finances2", "/api/installments/" + ready.installmentId() + "/validate", Map.of("decision", "APPROVE"));
        exportAndReturn(ready.installmentId());
        String order = jdbc.queryForObject("SELECT payment_order_number FROM installment WHERE id = ?", String.class,
                Long.valueOf(ready.installmentId()));

        String portal = page(signedInSession("porteur"), "/portail/candidatures/" + ready.voted().applicationId());
        assertThat(portal).contains("Versements de la subvention").contains("Avance, année 1").contains("21 600,00 €")
                .contains(order).contains("Solde, année 1").contains("Prévu")
                .doesNotContain("Fanny Finances").doesNotContain("Fabrice Finances");
        ResponseEntity<String> other = browser(signedInSession("porteuse"), HttpMethod.GET,
                "/portail/candidatures/" + ready.voted().applicationId(), null);
        assertThat(other.getStatusCode().value()).isIn(403, 404);
        assertThat(String.valueOf(other.getBody())).doesNotContain(order);
    }

    @Test
    void thePartFilterAndTheValidatedTabFollowTheInstallmentIntoItsBordereauAndItsPayment() {
        String id = validatedAdvance();
        long applicationId = jdbc.queryForObject("SELECT application_id FROM installment WHERE id = ?", Long.class,
                Long.valueOf(id));
        long campaignId = jdbc.queryForObject("SELECT campaign_id FROM application WHERE id = ?", Long.class,
                applicationId);
        String session = signedInSession("finances1");
        String link = "/finances/echeances/" + id;
        String base = "/finances?onglet=validees&campaignId=" + campaignId;

        // Part: fonctionnement (the report line's nature); made investissement, the filters follow.
        assertThat(page(session, base + "&part=fonctionnement")).contains(link).contains("Fonctionnement");
        assertThat(page(session, base + "&part=investissement")).as("other part").doesNotContain(link);
        String nature = jdbc.queryForObject("SELECT COALESCE((SELECT nature FROM cp_report_line WHERE application_id = ? "
                + "ORDER BY id DESC LIMIT 1), 'NONE')", String.class, applicationId);
        if (!"NONE".equals(nature)) {
            jdbc.update("UPDATE cp_report_line SET nature = 'INVESTMENT' WHERE application_id = ?", applicationId);
            try {
                assertThat(page(session, base + "&part=investissement")).contains(link).contains("Investissement");
                assertThat(page(session, base + "&part=fonctionnement")).doesNotContain(link);
            } finally {
                jdbc.update("UPDATE cp_report_line SET nature = ? WHERE application_id = ?", nature, applicationId);
            }
        }

        // Validated, not exported: waiting for the next bordereau, and the workspace links to the export.
        String waiting = page(session, base);
        assertThat(waiting).contains(link).contains("En attente du prochain bordereau")
                .contains("Générer les bordereaux du jour").contains("/finances/bordereaux");
        assertThat(page(session, link)).contains("Mandat de paiement").contains("attend le prochain bordereau");

        // Exported: the row and the page name its bordereau and piece; paid: the mandate and the date.
        Map<String, Object> order = exportedOrder(id);
        Map<String, Object> row = jdbc.queryForMap("SELECT b.id, b.bordereau_number, po.piece_number FROM payment_order po "
                + "JOIN bordereau b ON b.id = po.bordereau_id WHERE po.installment_id = ?", Long.valueOf(id));
        String bordereauLink = "/finances/bordereaux/" + row.get("id");
        assertThat(page(session, base)).contains(bordereauLink).contains("Bordereau n° " + row.get("bordereau_number"))
                .contains("Pièce n° " + row.get("piece_number"));
        assertThat(page(session, link)).contains(bordereauLink).contains(String.valueOf(row.get("piece_number")))
                .contains("En attente du retour du logiciel financier");
        exportAndReturn(id);
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM installment WHERE id = ? AND status = 'PAID'",
                id) == 1);
        String paid = page(session, link);
        assertThat(paid).contains(bordereauLink).contains("MDT-" + order.get("idPce"))
                .contains(java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS)
                        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)));
    }

    private ResponseEntity<String> postForm(String session, String path, Map<String, String> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return postForm(session, path, form);
    }

    private ResponseEntity<String> postForm(String session, String path, LinkedMultiValueMap<String, String> form) {
        String csrf = csrfOf(browser(session, HttpMethod.GET, "/", null).getBody());
        LinkedMultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
        withToken.set("_csrf", csrf);
        return browser(session, HttpMethod.POST, path, formPost(withToken));
    }

    private String followRedirect(String session, ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(303);
        return page(session, response.getHeaders().getLocation().toString().replaceFirst("^https?://[^/]+", ""));
    }

    private String page(String session, String path) {
        ResponseEntity<String> answer = browser(session, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as("page %s: %s", path, answer.getBody()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(String.valueOf(answer.getBody()));
    }

    private byte[] bytesOf(String session, String path) {
        ResponseEntity<String> answer = browser(session, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
