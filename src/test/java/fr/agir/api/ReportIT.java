package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The financial report (Cerfa 15059*02) through the API: the draft autosaved with the application's forecast,
 * bad input refused in French with nothing stored (charges ≠ produits, a gap above the threshold not explained,
 * a negative amount, another structure's report), submitted with its lines, PDF/A and vault pieces, returned
 * with comments, resubmitted, then validated with a recovery that reaches finance as a recovery order.
 */
class ReportIT extends ApiTestSupport {
    private static final String INVALID = "urn:agir:probleme:saisie-invalide";

    /**
     * The grant's budget (ApiTestSupport.budget(1, 30000, 40000)): charges 60 = 3 000, 64 = 40 000, 86 = 1 500;
     * produits 70 = 13 000, 74-Département = 30 000, 87 = 1 500. Actual: personnel +16 % and sales +73 %,
     * both explained; the grant received 27 000 (−10 %); 2 000 € of it not spent.
     */
    static Map<String, Object> report() {
        Map<String, Object> data = new HashMap<>();
        data.put("actions", "Atelier de réparation ouvert 40 semaines, deux collectes de quartier.");
        data.put("publicReached", 420);
        data.put("datesPlaces", "De janvier à décembre, 12 rue de la République à Saint-Denis.");
        data.put("indicators", "Objets réparés : 1 900 (objectif 1 500).");
        data.put("l60", Map.of("actual", 3000));
        data.put("l64", new HashMap<>(Map.of("actual", 46500, "explanation", "Un poste d'animateur à mi-temps de plus.")));
        data.put("l70", Map.of("actual", 22500, "explanation", "Ventes de la boutique plus fortes que prévu."));
        data.put("l74_departement", Map.of("actual", 27000));
        data.put("l86", Map.of("actual", 1500));
        data.put("l87", Map.of("actual", 1500));
        for (fr.agir.application.BudgetLineCode code : fr.agir.application.BudgetLineCode.values()) {
            // Every line's actual is required (0 when nothing was spent or received on it).
            data.putIfAbsent(fr.agir.reporting.ReportRules.formKey(code), Map.of("actual", 0));
        }
        data.put("grantUse", "Salaires de l'encadrant technique et achat d'outillage.");
        data.put("unspent", 2000);
        return data;
    }

    @Test
    void badInputIsRefusedThenTheReportIsReturnedResubmittedAndValidatedWithARecoveryThatReachesFinance() {
        Grant grant = grantedOneYear();
        String reportId = grant.reportId();
        String form = "/api/reports/" + reportId + "/form";
        uploadDocument("porteur", grant.structureId(), "RAPPORT_ACTIVITE", "rapport-activite.pdf",
                fr.agir.structure.SampleFiles.pdf("RAPPORT_ACTIVITE"), null);

        // The draft: saved as typed, read back with the application's forecast (server's, whatever was sent).
        Map<String, Object> partial = Map.of("actions", "Atelier ouvert", "l64", Map.of("actual", 41000, "forecast", 1));
        ResponseEntity<Map<String, Object>> saved = call("porteur", HttpMethod.PUT, "/api/reports/" + reportId + "/draft",
                Map.of("data", partial));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody()).containsKey("updatedAt");
        Map<String, Object> draft = get("porteur", "/api/reports/" + reportId + "/draft");
        assertThat(draft).containsEntry("editable", true);
        Map<String, Object> data = (Map<String, Object>) draft.get("data");
        assertThat(data).containsEntry("actions", "Atelier ouvert").containsKey("announced");
        assertThat(new BigDecimal(String.valueOf(((Map<String, Object>) data.get("l64")).get("forecast"))))
                .isEqualByComparingTo("40000");
        assertThat(new BigDecimal(String.valueOf(((Map<String, Object>) data.get("l60")).get("forecast"))))
                .isEqualByComparingTo("3000");
        assertThat(call("porteuse", HttpMethod.GET, "/api/reports/" + reportId + "/draft", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call("porteuse", HttpMethod.PUT, "/api/reports/" + reportId + "/draft", Map.of("data", partial))
                .getStatusCode().value()).isEqualTo(404);

        // Bad input: French problem+json with the fields, nothing stored.
        Map<String, Object> unbalanced = report();
        unbalanced.put("l70", Map.of("actual", 20000, "explanation", "Ventes"));
        assertRefused(call("porteur", HttpMethod.POST, form, Map.of("data", unbalanced)), "balance",
                "Compte-rendu déséquilibré");
        Map<String, Object> unexplained = report();
        unexplained.put("l64", Map.of("actual", 46500));
        assertRefused(call("porteur", HttpMethod.POST, form, Map.of("data", unexplained)), "l64.explanation",
                "(+16,3\u202f%) au-delà de 15\u202f%");
        Map<String, Object> negative = report();
        negative.put("l60", Map.of("actual", -5));
        negative.put("unspent", -1);
        ResponseEntity<Map<String, Object>> refused = call("porteur", HttpMethod.POST, form, Map.of("data", negative));
        assertRefused(refused, "l60.actual", "");
        assertThat((Map<String, Object>) refused.getBody().get("erreurs")).containsKey("unspent");
        ResponseEntity<Map<String, Object>> stranger = call("porteuse", HttpMethod.POST, form, Map.of("data", report()));
        assertProblem(stranger, 404, "urn:agir:probleme:introuvable");
        assertThat(status(grant)).isEqualTo("EXPECTED");
        assertThat(count("select count(*) from report_line where report_id = ?", Long.valueOf(reportId))).isZero();
        assertThat(count("select count(*) from report_event where report_id = ?", Long.valueOf(reportId))).isZero();

        // Submitted: lines, totals computed, the vault's activity report linked, the PDF/A kept.
        assertThat(call("porteur", HttpMethod.POST, form, Map.of("data", report())).getStatusCode().value()).isEqualTo(204);
        Map<String, Object> sent = reportOf(grant);
        assertThat(sent).containsEntry("status", "SUBMITTED");
        assertThat(new BigDecimal(String.valueOf(sent.get("actualCharges")))).isEqualByComparingTo("51000");
        assertThat(new BigDecimal(String.valueOf(sent.get("actualProducts")))).isEqualByComparingTo("51000");
        assertThat(new BigDecimal(String.valueOf(sent.get("spentGrant")))).isEqualByComparingTo("25000");
        assertThat(count("select count(*) from report_line where report_id = ?", Long.valueOf(reportId))).isEqualTo(28);
        assertThat(count("select count(*) from report_document where report_id = ?", Long.valueOf(reportId))).isEqualTo(1);
        byte[] pdf = jdbc.queryForObject("select report_pdf from report where id = ?", byte[].class, Long.valueOf(reportId));
        assertThat(fr.agir.shared.PdfAValidation.failures(pdf)).as("PDF/A failures").isEmpty();
        assertThat(browser(signedInSession("porteur"), HttpMethod.GET, "/portail/candidatures/" + grant.applicationId()
                + "/compte-rendu/" + reportId + "/pdf", null).getStatusCode().value()).isEqualTo(200);
        assertThat(browser(signedInSession("porteuse"), HttpMethod.GET, "/portail/candidatures/" + grant.applicationId()
                + "/compte-rendu/" + reportId + "/pdf", null).getStatusCode().value()).isEqualTo(404);
        assertThat(call("porteur", HttpMethod.PUT, "/api/reports/" + reportId + "/draft", Map.of("data", partial))
                .getStatusCode().value()).as("a sent report is not a draft any more").isEqualTo(409);

        // The instructor's review page: gaps flagged, explanations, the piece; another structure sees nothing.
        String staff = signedInSession("instructeur");
        String review = browser(staff, HttpMethod.GET, "/instruction/comptes-rendus/" + reportId, null).getBody();
        assertThat(review).contains("à expliquer", "Un poste d&#39;animateur à mi-temps de plus.", "rapport-activite.pdf",
                "Équilibré", "2 000,00");
        assertThat(browser(staff, HttpMethod.GET, "/instruction/comptes-rendus", null).getBody())
                .contains("/instruction/comptes-rendus/" + reportId);
        assertThat(browser(signedInSession("porteur"), HttpMethod.GET, "/instruction/comptes-rendus/" + reportId, null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call("porteuse", HttpMethod.GET, "/api/reports/" + reportId + "/history", null).getStatusCode().value())
                .isEqualTo(404);

        // Returned with comments: the structure sees them, corrects, resubmits; the history keeps both.
        ResponseEntity<Map<String, Object>> noComment = call("instructeur", HttpMethod.POST,
                "/api/reports/" + reportId + "/review", Map.of("outcome", "INCOMPLETE"));
        assertProblem(noComment, 422, INVALID);
        post("instructeur", "/api/reports/" + reportId + "/review", Map.of("outcome", "INCOMPLETE",
                "reason", "Détaillez les salaires de l'animateur."));
        assertThat(status(grant)).isEqualTo("RETURNED");
        String portal = browser(signedInSession("porteur"), HttpMethod.GET,
                "/portail/candidatures/" + grant.applicationId() + "/compte-rendu", null).getBody();
        assertThat(portal).contains("Détaillez les salaires de l&#39;animateur.", "id=\"formulaire-candidature\"");
        awaitWaitingAt(grant.reference(), "Task_SubmitReport");
        Map<String, Object> corrected = report();
        corrected.put("l64", Map.of("actual", 46500, "explanation", "Animateur à mi-temps : 6 500 € de salaires chargés."));
        assertThat(call("porteur", HttpMethod.POST, form, Map.of("data", corrected)).getStatusCode().value()).isEqualTo(204);
        assertThat(count("select count(*) from report_line where report_id = ?", Long.valueOf(reportId))).isEqualTo(28);
        List<Map<String, Object>> history = list("porteur", "/api/reports/" + reportId + "/history");
        assertThat(history).extracting(e -> e.get("kind")).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED");
        assertThat(history.get(1)).containsEntry("comment", "Détaillez les salaires de l'animateur.");

        // Validated with a recovery of the unspent part: a recovery order for finance.
        awaitWaitingAt(grant.reference(), "Task_ValidateReport");
        ResponseEntity<Map<String, Object>> tooMuch = call("instructeur", HttpMethod.POST, "/api/reports/" + reportId
                + "/review", Map.of("outcome", "RECOVERY", "recoveryAmount", 999999, "reason", "Part non employée"));
        assertProblem(tooMuch, 422, INVALID);
        post("instructeur", "/api/reports/" + reportId + "/review", Map.of("outcome", "RECOVERY",
                "recoveryAmount", 2000, "reason", "Part de la subvention non employée"));
        assertThat(status(grant)).isEqualTo("RECOVERY");
        Map<String, Object> order = await().atMost(PATIENCE).until(() -> list("finances1", "/api/recovery-orders").stream()
                .filter(o -> grant.applicationId().equals(String.valueOf(o.get("applicationId")))).findFirst()
                .orElse(null), o -> o != null);
        assertThat(new BigDecimal(String.valueOf(order.get("montant")))).isEqualByComparingTo("2000");
        assertThat(list("porteur", "/api/reports/" + reportId + "/history")).extracting(e -> e.get("kind"))
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "RECOVERY");
        assertThat(browser(signedInSession("porteur"), HttpMethod.GET,
                "/portail/candidatures/" + grant.applicationId() + "/compte-rendu", null).getBody())
                .contains("validé avec un reversement", "2 000,00", "Le compte-rendu remis (PDF)");
    }

    /**
     * The year's pieces from the report page itself: a new file goes through the vault's checks (a fake PDF, a file
     * over the vault's limit, one over the servlet's: refused in French on the report page, nothing stored), another
     * structure's piece cannot be picked; a real file is stored in the vault and linked, a piece already in the vault
     * is picked instead of uploaded again; the draft typed before is untouched, and the submission keeps the choice.
     */
    @Test
    void piecesAreJoinedFromTheReportPageThroughTheVaultsChecksWithoutLosingTheDraft() {
        Grant grant = grantedOneYear();
        String reportId = grant.reportId();
        String session = signedInSession("porteur");
        String path = "/portail/candidatures/" + grant.applicationId() + "/compte-rendu";
        call("porteur", HttpMethod.PUT, "/api/reports/" + reportId + "/draft",
                Map.of("data", Map.of("actions", "Atelier ouvert tout l'été")));
        String page = browser(session, HttpMethod.GET, path, null).getBody();
        assertThat(page).contains("4. Pièces jointes", "Déposer un nouveau fichier", "Déposer et joindre",
                "data-enregistrer-avant=\"true\"");
        String action = page.replaceAll("(?s).*<form method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\".*",
                "$1").replace("&#61;", "=").replace("&amp;", "&");
        assertThat(action).startsWith(path + "/pieces?_csrf=");
        Long structureId = Long.valueOf(grant.structureId());
        int pieces = count("select count(*) from structure_document where structure_id = ?", structureId);

        String fake = afterUpload(session, browser(session, HttpMethod.POST, action,
                pieceForm("COMPTES_APPROUVES", "comptes.pdf", fr.agir.structure.SampleFiles.text(), page)), path);
        assertThat(fake).contains("La pièce n&#39;est pas jointe.", "pas un vrai PDF", "Votre saisie du compte-rendu est conservée.");
        assertThat(afterUpload(session, browser(session, HttpMethod.POST, action,
                pieceForm("COMPTES_APPROUVES", "comptes.pdf", new byte[1024 * 1024 + 1], page)), path))
                .contains("La pièce n&#39;est pas jointe.", "dépasse la taille maximale de 1 Mo");
        assertThat(afterUpload(session, browser(session, HttpMethod.POST, action,
                pieceForm("COMPTES_APPROUVES", "comptes.pdf", new byte[2 * 1024 * 1024 + 1024], page)), path))
                .contains("trop volumineux : 1 Mo au plus par pièce");
        assertThat(afterUpload(session, browser(session, HttpMethod.POST, action,
                pieceForm("STATUTS", "statuts.pdf", fr.agir.structure.SampleFiles.pdf("Statuts"), page)), path))
                .contains("La pièce n&#39;est pas jointe.", "rapport d&#39;activité et les comptes approuvés");

        // Another structure's piece, by its id: refused, nothing linked.
        Map<String, Object> other = registerStructure("porteuse");
        String foreign = String.valueOf(((List<Map<String, Object>>) get("porteuse", "/api/structures/"
                + other.get("id") + "/documents").get("current")).get(0).get("id"));
        assertThat(afterUpload(session, browser(session, HttpMethod.POST, path + "/pieces/choix",
                formPost(choice(foreign, page))), path)).contains("Cette pièce n&#39;est pas dans le dossier de votre structure.");
        assertThat(count("select count(*) from structure_document where structure_id = ?", structureId)).isEqualTo(pieces);
        assertThat(count("select count(*) from report_document where report_id = ?", Long.valueOf(reportId))).isZero();

        // A real file: into the vault (reused later) and linked; a piece already in the vault: picked.
        String sent = afterUpload(session, browser(session, HttpMethod.POST, action,
                pieceForm("COMPTES_APPROUVES", "comptes-2026.pdf", fr.agir.structure.SampleFiles.pdf("Comptes"), page)), path);
        assertThat(sent).contains("Pièce « Derniers comptes approuvés » jointe au compte-rendu.", "comptes-2026.pdf");
        assertThat(count("select count(*) from structure_document where structure_id = ? and type = 'COMPTES_APPROUVES'",
                structureId)).isPositive();
        String rapport = String.valueOf(uploadDocument("porteur", grant.structureId(), "RAPPORT_ACTIVITE",
                "rapport-2026.pdf", fr.agir.structure.SampleFiles.pdf("Rapport 2026"), null).getBody().get("id"));
        assertThat(afterUpload(session, browser(session, HttpMethod.POST, path + "/pieces/choix",
                formPost(choice(rapport, sent))), path)).contains("jointe au compte-rendu.", "rapport-2026.pdf");
        assertThat(count("select count(*) from report_document where report_id = ?", Long.valueOf(reportId))).isEqualTo(2);
        Map<String, Object> draft = (Map<String, Object>) get("porteur", "/api/reports/" + reportId + "/draft").get("data");
        assertThat(draft).containsEntry("actions", "Atelier ouvert tout l'été");

        // Sent: the two chosen pieces, once each; the PDF names them.
        assertThat(call("porteur", HttpMethod.POST, "/api/reports/" + reportId + "/form", Map.of("data", report()))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(count("select count(*) from report_document where report_id = ?", Long.valueOf(reportId))).isEqualTo(2);
        assertThat(browser(signedInSession("instructeur"), HttpMethod.GET, "/instruction/comptes-rendus/" + reportId,
                null).getBody()).contains("1. Tableau financier", "2. Annexe explicative", "3. Bilan qualitatif",
                "4. Pièces jointes", "comptes-2026.pdf", "rapport-2026.pdf", "(structure)")
                .doesNotContain("par porteur");
        // Sent, the pieces no longer change.
        assertThat(browser(session, HttpMethod.POST, path + "/pieces/choix", formPost(choice(rapport,
                browser(session, HttpMethod.GET, path, null).getBody()))).getStatusCode().is3xxRedirection()).isTrue();
        assertThat(count("select count(*) from report_document where report_id = ?", Long.valueOf(reportId))).isEqualTo(2);
    }

    private static org.springframework.http.HttpEntity<org.springframework.util.MultiValueMap<String, Object>> pieceForm(
            String type, String name, byte[] content, String page) {
        org.springframework.util.MultiValueMap<String, Object> parts = documentParts(type, name, content, null);
        parts.add("_csrf", csrfOf(page));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return new org.springframework.http.HttpEntity<>(parts, headers);
    }

    private static org.springframework.util.LinkedMultiValueMap<String, String> choice(String documentId, String page) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("documentId", documentId);
        return form;
    }

    /** The report page after an upload or a choice: back to it (no token in the address), the notice shown. */
    private String afterUpload(String session, ResponseEntity<String> answer, String path) {
        assertThat(answer.getStatusCode().is3xxRedirection()).as(answer.getBody()).isTrue();
        java.net.URI location = answer.getHeaders().getLocation();
        assertThat(location.getPath()).isEqualTo(path);
        assertThat(location.getRawQuery()).as("no token in the address bar").isNull();
        ResponseEntity<String> shown = browser(session, HttpMethod.GET, location.getPath(), null);
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        return shown.getBody();
    }

    private void assertRefused(ResponseEntity<Map<String, Object>> response, String field, String text) {
        assertProblem(response, 422, INVALID);
        assertThat(String.valueOf(response.getBody().get("detail"))).contains("Le compte-rendu n'est pas remis");
        Map<String, Object> errors = (Map<String, Object>) response.getBody().get("erreurs");
        assertThat(errors).containsKey(field);
        assertThat(String.valueOf(errors.get(field))).contains(text);
    }

    private Map<String, Object> reportOf(Grant grant) {
        return list("porteur", "/api/applications/" + grant.applicationId() + "/reports").stream()
                .filter(r -> grant.reportId().equals(String.valueOf(r.get("id")))).findFirst().orElseThrow();
    }

    private Object status(Grant grant) {
        return reportOf(grant).get("status");
    }
}
