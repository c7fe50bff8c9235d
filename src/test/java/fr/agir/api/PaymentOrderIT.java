package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Payment orders for the finance software: bordereaux exported once, numbered without gaps even when two
 * officers export at the same moment, downloaded again identically; the return file pays the installments,
 * twice changes nothing, and each wrong line is reported with its number.
 */
class PaymentOrderIT extends ApiTestSupport {
    private static final java.time.ZoneId PARIS = fr.agir.shared.TimeConfig.PARIS;

    @Test
    void twoExportsAtTheSameMomentNumberWithoutGapsAndNeverRepeatAnOrder() throws Exception {
        String first = validatedAdvance();
        String second = validatedAdvance();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Map<String, Object>>>> exports = new ArrayList<>();
        for (String officer : List.of("finances1", "finances2")) {
            exports.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return exportBordereaux(officer);
            }));
        }
        start.countDown();
        for (CompletableFuture<List<Map<String, Object>>> export : exports) {
            export.get();
        }
        for (String installment : List.of(first, second)) {
            assertThat(list("finances1", "/api/payment-orders?installment=" + installment)).as("exported once")
                    .hasSize(1);
        }
        int year = Year.now(PARIS).getValue();
        Map<String, Object> bordereaux = jdbc.queryForMap("select count(*) as n, max(bordereau_number) as top "
                + "from bordereau where budget_year = ?", year);
        assertThat(((Number) bordereaux.get("n")).longValue()).as("bordereau numbers 1..n, no gap")
                .isEqualTo(((Number) bordereaux.get("top")).longValue());
        Map<String, Object> pieces = jdbc.queryForMap("select count(*) as n, max(piece_number) as top from payment_order "
                + "where piece_number between ? and ?", year * 10000, year * 10000 + 9999);
        assertThat(((Number) pieces.get("n")).longValue()).as("piece numbers without gap")
                .isEqualTo(((Number) pieces.get("top")).longValue() - year * 10000L);
        assertThat(exportBordereaux("finances1").stream().flatMap(b -> list("finances1",
                "/api/payment-orders?bordereau=" + b.get("id")).stream()).map(o -> String.valueOf(o.get("installmentId"))))
                .as("a new export never repeats an order").doesNotContain(first, second);
    }

    @Test
    void theBordereauCarriesThePayeeAndIsDownloadedAgainIdentically() {
        String installment = validatedAdvance();
        Map<String, Object> order = exportedOrder(installment);
        assertThat(String.valueOf(order.get("iban"))).matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
        assertThat(String.valueOf(order.get("bic"))).matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
        assertThat(new BigDecimal(String.valueOf(order.get("mtHt")))).isEqualByComparingTo("21600.00");
        assertThat(order).containsEntry("nature", "6574").containsEntry("chapitre", "65").containsEntry("fonction", "93")
                .containsEntry("section", "F").containsEntry("typeEcheance", "ADVANCE");
        assertThat(String.valueOf(order.get("idConv"))).startsWith("CPO-");
        assertThat(String.valueOf(order.get("objet")).length()).isLessThanOrEqualTo(160);

        Map<String, Object> bordereau = list("finances1", "/api/bordereaux").stream()
                .filter(b -> b.get("number").equals(order.get("idBord")) && b.get("budgetYear").equals(order.get("exercice")))
                .findFirst().orElseThrow();
        byte[] csv = bytes("finances1", "/api/bordereaux/" + bordereau.get("id") + "/csv");
        assertThat(bytes("finances2", "/api/bordereaux/" + bordereau.get("id") + "/csv")).as("identical").isEqualTo(csv);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("exercice;id_bord;dte_bord_em;section;id_pce;")
                .contains(";" + order.get("idPce") + ";1;65;6574;93;")
                .contains(";21600,00;").contains(";" + order.get("iban") + ";" + order.get("bic") + ";");
        assertThat(callForText("porteur", HttpMethod.GET, "/api/bordereaux/" + bordereau.get("id") + "/csv")
                .getStatusCode().value()).as("an applicant never sees a bordereau").isEqualTo(403);
        assertThat(callForText("instructeur", HttpMethod.GET, "/api/payment-orders?bordereau=" + bordereau.get("id"))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theReturnPaysOnceAndReportsEachWrongLineWithItsNumber() {
        String good = validatedAdvance();
        String other = validatedAdvance();
        Map<String, Object> goodOrder = exportedOrder(good);
        Map<String, Object> otherOrder = exportedOrder(other);
        String today = LocalDate.now(PARIS).toString();
        String file = "piece;mandat;date;montant\n"
                + goodOrder.get("idPce") + ";M-OK-" + good + ";" + today + ";21600,00\n"         // line 2: good
                + "99999999;M-X;" + today + ";10,00\n"                                             // line 3: unknown piece
                + otherOrder.get("idPce") + ";M-BAD;" + today + ";21599,99\n"                     // line 4: amount differs
                + otherOrder.get("idPce") + ";M-BAD;2001-01-01;21600,00\n"                        // line 5: before validation
                + "abc;def\n";                                                                     // line 6: malformed

        ResponseEntity<Map<String, Object>> strict = importReturn("finances1", "retour.csv", bytes(file), "ALL_OR_NOTHING");
        assertThat(strict.getStatusCode().value()).isEqualTo(200);
        assertThat(strict.getBody()).containsEntry("applied", 0).containsEntry("nothingApplied", true);
        assertThat(status(good)).as("nothing applied").isEqualTo("VALIDATED");

        Map<String, Object> report = importReturn("finances1", "retour.csv", bytes(file), "APPLY_VALID").getBody();
        assertThat(report).containsEntry("applied", 1).containsEntry("nothingApplied", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) report.get("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(3, 4, 5, 6);
        assertThat(errors.get(0).get("message").toString()).contains("inconnue");
        assertThat(errors.get(1).get("message").toString()).contains("diffère");
        assertThat(errors.get(2).get("message").toString()).contains("précède la validation");
        assertThat(errors.get(3).get("message").toString()).contains("mal formée");
        await().atMost(PATIENCE).until(() -> "PAID".equals(status(good)));
        assertThat(status(other)).isEqualTo("VALIDATED");
        assertThat(jdbc.queryForObject("select payment_order_number from installment where id = ?", String.class,
                Long.valueOf(good))).isEqualTo("M-OK-" + good);

        Map<String, Object> again = importReturn("finances1", "retour.csv", bytes(file), "APPLY_VALID").getBody();
        assertThat(again).containsEntry("applied", 0).containsEntry("alreadyApplied", 1);
        assertThat(count("select count(*) from audit_event where entity_id = ? and action = 'PAYMENT_CONFIRMED'",
                Long.valueOf(good))).as("paid once").isEqualTo(1);
    }

    @Test
    void aFileThatIsNotACsvIsRefusedInFrench() {
        ResponseEntity<Map<String, Object>> pdf = importReturn("finances1", "retour.pdf",
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1), "APPLY_VALID");
        assertProblem(pdf, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(String.valueOf(pdf.getBody().get("detail"))).contains("fichier texte CSV");
        ResponseEntity<Map<String, Object>> disguised = importReturn("finances1", "retour.csv",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d}, "APPLY_VALID");
        assertProblem(disguised, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(importReturn("porteur", "retour.csv", bytes("1;2;2026-01-01;1,00\n"), "APPLY_VALID")
                .getStatusCode().value()).isEqualTo(403);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String status(String installmentId) {
        return jdbc.queryForObject("select status from installment where id = ?", String.class, Long.valueOf(installmentId));
    }
}
