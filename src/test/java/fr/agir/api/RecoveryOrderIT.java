package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.shared.PdfAValidation;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * Recovery orders (titres de recettes): raised by a withdrawal after a paid advance and by a finance
 * officer (bad input refused in French, nothing saved), exported in numbered batches (columns, formula
 * neutralised, downloaded again identically), recovered in part then in full, cancelled; the letter e-mailed
 * and PDF/A; who may not see them.
 */
class RecoveryOrderIT extends ApiTestSupport {
    private static final java.time.ZoneId PARIS = fr.agir.shared.TimeConfig.PARIS;
    private static final String INVALID = "urn:agir:probleme:saisie-invalide";
    private final TestSmtp smtp = TestSmtp.get();

    @Test
    void aWithdrawalAfterAPaidAdvanceRaisesOneOrderNotifiedByAPdfALetter() throws Exception {
        Grant grant = grantedOneYear();
        String id = grant.applicationId();
        Map<String, Object> withdrawal = new HashMap<>(Map.of("kind", "WITHDRAW", "deliberationNumber", "CP-2026-12-301",
                "deliberationDate", LocalDate.now(PARIS).toString(), "motivation", "La structure a renoncé au projet"));
        assertThat(post("instructeur", "/api/applications/" + id + "/decision/revisions", withdrawal))
                .containsEntry("outcome", "WITHDRAWN");
        Map<String, Object> order = await().atMost(PATIENCE).until(() -> ordersOf(id).stream().findFirst().orElse(null),
                o -> o != null);
        assertThat(order).containsEntry("origine", "WITHDRAWAL").containsEntry("statut", "TO_EXPORT");
        assertThat(new BigDecimal(String.valueOf(order.get("montant")))).as("the advance paid")
                .isEqualByComparingTo("21600.00");
        String number = String.valueOf(order.get("numTitre"));
        assertThat(number).matches("TR-" + Year.now(PARIS).getValue() + "-\\d{6}");
        assertThat(ordersOf(id)).as("one order for the sum paid").hasSize(1);
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'RECOVERY_ORDER_ISSUED'",
                Long.valueOf(id))).isEqualTo(1);

        // The letter: e-mailed to the legal representative, PDF/A, with the amount, the reason and the appeal.
        MimeMessage mail = await().atMost(PATIENCE).until(() -> smtp.withSubject(number), m -> m.size() == 1).get(0);
        assertThat(TestSmtp.text(mail)).contains(number).contains("21 600,00");
        byte[] attached = pdfAttachment(mail);
        byte[] pdf = bytes("finances1", "/api/recovery-orders/" + order.get("id") + "/letter");
        assertThat(attached).isEqualTo(pdf);
        assertThat(PdfAValidation.failures(pdf)).as("PDF/A failures").isEmpty();
        String text = pdfText(pdf);
        assertThat(text).contains(number).contains("21 600,00").contains("retirée").contains("Voies et délais de recours")
                .contains("Comment payer");

        // The structure sees it on its application page; another structure does not.
        List<Map<String, Object>> portal = list("porteur", "/api/applications/" + id + "/recovery-orders");
        assertThat(portal).extracting(o -> o.get("numTitre")).containsExactly(number);
        String letterPath = "/portail/candidatures/" + id + "/titres/" + order.get("id") + "/courrier";
        String session = signedInSession("porteur");
        assertThat(browser(session, HttpMethod.GET, letterPath, null).getStatusCode().value()).isEqualTo(200);
        assertThat(page(session, "/portail/candidatures/" + id)).contains("Titre de recettes " + number);
        ResponseEntity<String> other = browser(signedInSession("porteuse"), HttpMethod.GET, letterPath, null);
        assertThat(other.getStatusCode().value()).as("another structure: not found").isEqualTo(404);
        assertThat(callForText("porteuse", HttpMethod.GET, "/api/applications/" + id + "/recovery-orders")
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void financeRaisesExportsAndFollowsAnOrderAndBadInputIsRefusedInFrench() {
        Grant grant = grantedOneYear();
        String id = grant.applicationId();
        jdbc.update("update structure set name = ? where id = ?", "=HYPERLINK(\"http://x.test\";\"Cliquez\")",
                Long.valueOf(grant.structureId()));
        String reference = grant.reference();

        ResponseEntity<Map<String, Object>> negative = call("finances1", HttpMethod.POST, "/api/recovery-orders",
                Map.of("reference", reference, "amount", -5, "reason", "Trop perçu"));
        assertProblem(negative, 422, INVALID);
        assertThat(fieldErrors(negative)).containsKey("amount");
        ResponseEntity<Map<String, Object>> above = call("finances1", HttpMethod.POST, "/api/recovery-orders",
                Map.of("reference", reference, "amount", 21600.01, "reason", "Trop perçu"));
        assertProblem(above, 422, INVALID);
        assertThat(String.valueOf(fieldErrors(above).get("amount"))).contains("dépasse").contains("21 600,00");
        Map<String, Object> noReason = new HashMap<>(Map.of("reference", reference, "amount", 100));
        ResponseEntity<Map<String, Object>> missing = call("finances1", HttpMethod.POST, "/api/recovery-orders", noReason);
        assertProblem(missing, 422, INVALID);
        assertThat(String.valueOf(fieldErrors(missing).get("reason"))).contains("motif");
        assertThat(count("select count(*) from recovery_order where application_id = ?", Long.valueOf(id)))
                .as("nothing saved").isZero();
        assertThat(call("porteur", HttpMethod.POST, "/api/recovery-orders",
                Map.of("reference", reference, "amount", 100, "reason", "x")).getStatusCode().value()).isEqualTo(403);

        // Through the page: a refusal keeps what was typed, next to the field.
        String finance = signedInSession("finances1");
        ResponseEntity<String> refused = postForm(finance, "/finances/titres",
                Map.of("reference", reference, "amount", "99 999", "reason", "Trop perçu"));
        String refusedPage = followRedirect(finance, refused);
        assertThat(refusedPage).contains("Le titre n’a pas été émis").contains("dépasse").contains("99 999");
        ResponseEntity<String> raised = postForm(finance, "/finances/titres",
                Map.of("reference", reference, "amount", "100,50", "reason", "Dépenses non justifiées"));
        assertThat(followRedirect(finance, raised)).contains("Titre de recettes émis");
        Map<String, Object> order = ordersOf(id).get(0);
        assertThat(order).containsEntry("origine", "FINANCE").containsEntry("statut", "TO_EXPORT");
        assertThat(new BigDecimal(String.valueOf(order.get("montant")))).isEqualByComparingTo("100.50");

        // Marking recovered before the export is a conflict.
        assertThat(call("finances1", HttpMethod.POST, "/api/recovery-orders/" + order.get("id") + "/recovered",
                Map.of("date", LocalDate.now(PARIS).toString(), "amount", 10)).getStatusCode().value()).isEqualTo(409);

        // Export: numbered batch, columns, neutralised name, downloaded again identically.
        Map<String, Object> exported = await().atMost(PATIENCE).until(() -> {
            post("finances1", "/api/recovery-orders/exports", null);
            return get("finances1", "/api/recovery-orders/" + order.get("id"));
        }, o -> "EXPORTED".equals(o.get("statut")));
        Object batchId = exported.get("exportId");
        byte[] csv = bytes("finances1", "/api/recovery-orders/exports/" + batchId + "/csv");
        assertThat(bytes("finances2", "/api/recovery-orders/exports/" + batchId + "/csv")).as("identical").isEqualTo(csv);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("exercice;id_bord;num_titre;dte_emission;nom;id_tiers;nat_id_tiers;adresse;mt_ttc;"
                + "objet;id_conv;ref_deliberation;chapitre;nature;fonction\r\n");
        String line = text.lines().filter(l -> l.contains(String.valueOf(order.get("numTitre")))).findFirst().orElseThrow();
        assertThat(line).contains(";\"'=HYPERLINK(\"\"http://x.test\"\";\"\"Cliquez\"\")\";")
                .contains(";100,50;").contains(";65;6574;93").contains("CP-2026-11-043").contains(";CPO-");
        int year = Year.now(PARIS).getValue();
        Map<String, Object> batches = jdbc.queryForMap("select count(*) as n, max(batch_number) as top "
                + "from recovery_batch where budget_year = ?", year);
        assertThat(((Number) batches.get("n")).longValue()).as("batch numbers 1..n")
                .isEqualTo(((Number) batches.get("top")).longValue());
        Map<String, Object> numbers = jdbc.queryForMap("select count(*) as n, max(cast(substring(order_number, 9) as "
                + "unsigned)) as top from recovery_order where budget_year = ?", year);
        assertThat(((Number) numbers.get("n")).longValue()).as("order numbers without gaps")
                .isEqualTo(((Number) numbers.get("top")).longValue());
        assertThat(callForText("porteur", HttpMethod.GET, "/api/recovery-orders/exports/" + batchId + "/csv")
                .getStatusCode().value()).isEqualTo(403);

        // Recovered in part, then in full; beyond what remains is refused.
        String recovered = "/api/recovery-orders/" + order.get("id") + "/recovered";
        String today = LocalDate.now(PARIS).toString();
        assertThat(post("finances2", recovered, Map.of("date", today, "amount", 50)))
                .containsEntry("statut", "EXPORTED").satisfies(o -> assertThat(new BigDecimal(String.valueOf(o.get("resteDu"))))
                        .isEqualByComparingTo("50.50"));
        ResponseEntity<Map<String, Object>> tooMuch = call("finances1", HttpMethod.POST, recovered,
                Map.of("date", today, "amount", 50.51));
        assertProblem(tooMuch, 422, INVALID);
        assertThat(String.valueOf(fieldErrors(tooMuch).get("amount"))).contains("reste dû");
        assertThat(post("finances1", recovered, Map.of("date", today, "amount", 50.50))).containsEntry("statut", "RECOVERED");
        assertThat(call("finances1", HttpMethod.POST, "/api/recovery-orders/" + order.get("id") + "/cancel",
                Map.of("reason", "Erreur")).getStatusCode().value()).as("a recovered order is not cancelled").isEqualTo(409);
        assertThat(count("select count(*) from audit_event where entity_type = 'RECOVERY_ORDER' and entity_id = ?",
                ((Number) order.get("id")).longValue())).as("issued, exported, recovered twice").isEqualTo(4);

        // Another one, cancelled with a reason (required).
        Map<String, Object> second = post("finances1", "/api/recovery-orders",
                Map.of("reference", reference, "amount", 10, "reason", "Second titre"));
        assertThat(call("finances1", HttpMethod.POST, "/api/recovery-orders/" + second.get("id") + "/cancel",
                Map.of("reason", " ")).getStatusCode().value()).isIn(400, 422);
        assertThat(post("finances1", "/api/recovery-orders/" + second.get("id") + "/cancel", Map.of("reason", "Saisie en double")))
                .containsEntry("statut", "CANCELLED");
        assertThat(page(finance, "/finances/titres?statut=CANCELLED")).contains(String.valueOf(second.get("numTitre")));
    }

    @Test
    void onlyFinanceReachesTheRecoveryOrders() {
        for (String user : List.of("porteur", "avis-dter", "jury")) {
            assertThat(callForText(user, HttpMethod.GET, "/api/recovery-orders").getStatusCode().value())
                    .as("%s on the API", user).isEqualTo(403);
            ResponseEntity<String> page = browser(signedInSession(user), HttpMethod.GET, "/finances/titres", null);
            assertThat(page.getStatusCode().value()).as("%s on the page", user).isIn(403, 404);
        }
        assertThat(page(signedInSession("finances1"), "/finances/titres")).contains("Émettre un titre de recettes")
                .contains("Titres de recettes");
    }

    private List<Map<String, Object>> ordersOf(String applicationId) {
        return list("finances1", "/api/recovery-orders").stream()
                .filter(o -> applicationId.equals(String.valueOf(o.get("applicationId")))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldErrors(ResponseEntity<Map<String, Object>> response) {
        Object errors = response.getBody().get("erreurs");
        return errors instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static byte[] pdfAttachment(Part part) throws Exception {
        if (part.isMimeType("application/pdf")) {
            return part.getInputStream().readAllBytes();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = pdfAttachment(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResponseEntity<String> postForm(String session, String path, Map<String, String> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.set("_csrf", csrfOf(browser(session, HttpMethod.GET, "/", null).getBody()));
        return browser(session, HttpMethod.POST, path, formPost(form));
    }

    private String followRedirect(String session, ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(303);
        return page(session, response.getHeaders().getLocation().toString().replaceFirst("^https?://[^/]+", "")
                .replaceFirst("#.*$", ""));
    }

    private String page(String session, String path) {
        ResponseEntity<String> answer = browser(session, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as("page %s: %s", path, answer.getBody()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(String.valueOf(answer.getBody()));
    }
}
