package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.structure.FileSystemDocumentStorage;
import fr.agir.structure.SampleFiles;
import fr.agir.shared.TimeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/**
 * The document vault of a structure's case file through HTTP: uploads, versions, downloads, who
 * may see what, and uploads that must be refused without leaving anything behind.
 */
class DocumentVaultIT extends ApiTestSupport {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    /** agir.documents.max-size in application-test.yml. */
    private static final int MAX_SIZE = 1024 * 1024;
    /** spring.servlet.multipart.max-file-size in application-test.yml. */
    private static final int SERVLET_MAX_FILE_SIZE = 2 * 1024 * 1024;

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH);

    @Autowired
    FileSystemDocumentStorage storage;

    @Test
    @SuppressWarnings("unchecked")
    void aMemberUploadsAPdfThenANewVersionWhileTheSameBytesAgainAddNothing() throws IOException {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        byte[] statuts = SampleFiles.pdf("Statuts adoptés le 3 mars 2024");

        ResponseEntity<Map<String, Object>> first = uploadDocument("porteur", id, "STATUTS", "Statuts signés.pdf", statuts, null);

        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        assertThat(first.getBody()).containsEntry("sha256", sha256(statuts)).containsEntry("version", 1)
                .containsEntry("contentType", "application/pdf").containsEntry("originalName", "Statuts signés.pdf")
                .containsEntry("sizeBytes", statuts.length).containsEntry("expiryStatus", "NO_END")
                .containsEntry("alreadyStored", false).containsEntry("uploadedBy", "porteur");
        String firstId = String.valueOf(first.getBody().get("id"));
        String key = jdbc.queryForObject("select storage_key from structure_document where id = ?", String.class,
                Long.parseLong(firstId));
        Path stored = storage.root().resolve(key);
        assertThat(stored).exists().startsWith(storage.root());
        assertThat(Files.readAllBytes(stored)).isEqualTo(statuts);

        byte[] amended = SampleFiles.pdf("Statuts modifiés le 2 octobre 2026");
        ResponseEntity<Map<String, Object>> second = uploadDocument("porteur", id, "STATUTS", "statuts-2026.pdf", amended, null);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).containsEntry("version", 2);

        int files = storedFiles();
        ResponseEntity<Map<String, Object>> again = uploadDocument("porteur", id, "STATUTS", "copie.pdf", statuts, null);
        assertThat(again.getStatusCode().value()).as("the same bytes are not stored twice").isEqualTo(200);
        assertThat(again.getBody()).containsEntry("version", 1).containsEntry("alreadyStored", true);
        assertThat(String.valueOf(again.getBody().get("id"))).isEqualTo(firstId);
        assertThat(documentRows(id)).isEqualTo(2);
        assertThat(storedFiles()).isEqualTo(files);

        String content = "/api/structures/" + id + "/documents/" + firstId + "/content";
        ResponseEntity<byte[]> download = http.exchange(content, HttpMethod.GET,
                new HttpEntity<>(headersFor("porteur")), byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(statuts);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"Statuts sign_s.pdf\"; filename*=UTF-8''Statuts%20sign%C3%A9s.pdf");
        assertThat(download.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(bytes("instructeur", content)).as("DIEESS staff read the case file").isEqualTo(statuts);
        assertProblem(http.exchange(content, HttpMethod.GET, new HttpEntity<>(headersFor("porteuse")), JSON),
                404, "urn:agir:probleme:introuvable", "Introuvable");
        String otherStructure = String.valueOf(registerStructureWithoutDocuments("porteuse").get("id"));
        assertProblem(http.exchange("/api/structures/" + otherStructure + "/documents/" + firstId + "/content",
                HttpMethod.GET, new HttpEntity<>(headersFor("porteuse")), JSON), 404, "urn:agir:probleme:introuvable",
                "Introuvable");

        Map<String, Object> listing = get("porteur", "/api/structures/" + id + "/documents");
        assertThat(maps(listing, "current")).extracting(d -> d.get("type") + " v" + d.get("version"))
                .containsExactly("STATUTS v2");
        assertThat(maps(listing, "history")).extracting(d -> d.get("type") + " v" + d.get("version"))
                .containsExactly("STATUTS v2", "STATUTS v1");
        assertThat((List<Object>) listing.get("missingRequiredTypes")).containsExactly("LISTE_DIRIGEANTS", "RIB");
        assertThat(get("instructeur", "/api/structures/" + id + "/documents")).isEqualTo(listing);
        assertThat(call("porteuse", HttpMethod.GET, "/api/structures/" + id + "/documents", null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(count("select count(*) from audit_event where entity_type = 'STRUCTURE' and entity_id = ? "
                + "and action = 'DOCUMENT_UPLOADED'", Long.parseLong(id))).isEqualTo(2);
    }

    @Test
    void uploadAttacksAreRefusedInFrenchAndStoreNothing() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        String strangers = String.valueOf(registerStructureWithoutDocuments("porteuse").get("id"));
        byte[] pdf = SampleFiles.pdf("Liste des dirigeants");
        String yesterday = LocalDate.now(TimeConfig.PARIS).minusDays(1).toString();
        snapshot();

        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", SampleFiles.windowsExecutable(), null),
                415, "format-de-fichier-refuse", "Le fichier n'est pas un vrai PDF");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", SampleFiles.text(), null),
                415, "format-de-fichier-refuse", "Le fichier n'est pas un vrai PDF : son contenu (du texte)");
        refused(uploadDocument("porteur", id, "STATUTS", "programme.exe", SampleFiles.windowsExecutable(), null),
                415, "format-de-fichier-refuse", "Format non accepté (.exe)");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", new byte[0], null),
                400, "fichier-vide", "est vide (0 octet)");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", new byte[MAX_SIZE + 1], null),
                413, "fichier-trop-volumineux", "dépasse la taille maximale de 1 Mo");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", new byte[SERVLET_MAX_FILE_SIZE + 1024], null),
                413, "fichier-trop-volumineux", "trop volumineux");
        for (String name : List.of("../../etc/passwd.pdf", "..\\x.pdf", "/etc/x.pdf", "statuts\u202Efdp.pdf")) {
            refused(uploadDocument("porteur", id, "STATUTS", name, pdf, null), 400, "nom-de-fichier-invalide", "renommez-le");
        }
        refused(uploadDocument("porteur", id, "STATUTS", "a".repeat(201) + ".pdf", pdf, null),
                400, "nom-de-fichier-invalide", "trop long");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", pdf, yesterday),
                400, "date-de-validite-passee", "est déjà passée");
        refused(uploadDocument("porteur", id, "STATUTS", "statuts.pdf", pdf, "12/01/2027"),
                400, "date-de-validite-invalide", "AAAA-MM-JJ");
        refused(uploadDocument("porteur", id, null, "statuts.pdf", pdf, null), 400, "type-de-piece-manquant",
                "Choisissez le type");
        refused(uploadDocument("porteur", id, "CASIER", "statuts.pdf", pdf, null), 400, "type-de-piece-inconnu",
                "Type de pièce inconnu");
        refused(uploadDocument("porteur", id, "STATUTS", null, null, null), 400, "fichier-manquant",
                "Aucun fichier n'a été envoyé");
        refused(uploadDocument("porteur", strangers, "STATUTS", "statuts.pdf", pdf, null), 404, "introuvable",
                "Introuvable");
        refused(uploadDocument("instructeur", id, "STATUTS", "statuts.pdf", pdf, null), 404, "introuvable",
                "Introuvable");
        refused(uploadDocument("porteur", "999999999", "STATUTS", "statuts.pdf", pdf, null), 404, "introuvable",
                "Introuvable");

        assertThat(uploadDocument("porteur", id, "LISTE_DIRIGEANTS", "dirigeants.pdf", pdf, null).getStatusCode().value())
                .as("after all this, a real upload still works").isEqualTo(201);
    }

    /**
     * The zip bomb of issue 14: a real-looking .docx of about 200 KB whose word/document.xml inflates
     * to 200 MB, refused (422) through the API, the page's form and a message's attachment, with
     * nothing stored; a real .docx of ordinary content is stored.
     */
    @Test
    void aDocxBombIsRefusedEverywhereAFileIsSentWhileARealDocxIsStored() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        byte[] bomb = SampleFiles.docxBomb(200L * 1024 * 1024);
        assertThat(bomb.length).as("under the 1 MB upload limit of the tests").isLessThan(MAX_SIZE);
        snapshot();

        refused(uploadDocument("porteur", id, "STATUTS", "statuts.docx", bomb, null), 422, "archive-hors-limites",
                "Une partie du document « statuts.docx » (word/document.xml) se décompresse plus de 100 fois : "
                        + "c'est la forme d'une « bombe de décompression »");

        String path = "/portail/structures/" + id + "/documents";
        String session = signedInSession("porteur");
        ResponseEntity<String> empty = browser(session, HttpMethod.GET, path, null);
        ResponseEntity<String> byForm = browser(session, HttpMethod.POST, formAction(empty.getBody()),
                form("RIB", "rib.docx", bomb, null, empty.getBody()));
        assertThat(afterRedirect(session, byForm, path)).contains("bombe de décompression",
                "aria-describedby=\"file-aide file-erreur\" aria-invalid=\"true\"",
                "<option value=\"RIB\" selected=\"selected\">");
        assertThat(count("select count(*) from structure_document")).as("no row").isEqualTo(rows);
        assertThat(storedFiles()).as("no file").isEqualTo(files);

        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        int messages = count("select count(*) from application_message");
        int stored = storedFiles();
        assertProblem(postMessage("porteur", "/api/applications/" + draft.get("id") + "/messages", "Le devis",
                "devis.docx", bomb), 422, "urn:agir:probleme:archive-hors-limites", "bombe de décompression");
        assertThat(count("select count(*) from application_message")).as("no message").isEqualTo(messages);
        assertThat(storedFiles()).as("no attachment stored").isEqualTo(stored);

        byte[] real = SampleFiles.docxWithParts(20, 20_000);
        ResponseEntity<Map<String, Object>> kept = uploadDocument("porteur", id, "STATUTS", "statuts.docx", real, null);
        assertThat(kept.getStatusCode().value()).as(String.valueOf(kept.getBody())).isEqualTo(201);
        assertThat(kept.getBody()).containsEntry("contentType",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(documentRows(id)).isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(stored + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void expiringAndExpiredPiecesAreFlaggedAndExpiredOnesCountAsMissing() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        LocalDate today = LocalDate.now(TimeConfig.PARIS);
        uploadDocument("porteur", id, "ATTESTATION_URSSAF", "urssaf.pdf", SampleFiles.pdf("URSSAF"),
                today.plusDays(10).toString());
        uploadDocument("porteur", id, "ATTESTATION_FISCALE", "fiscale.png", SampleFiles.png(), null);
        Map<String, Object> rib = uploadDocument("porteur", id, "RIB", "rib.pdf", SampleFiles.pdf("RIB"),
                today.plusDays(90).toString()).getBody();
        // Time passes: the RIB's end of validity is now behind us.
        jdbc.update("update structure_document set valid_until = ? where id = ?", today.minusDays(1),
                ((Number) rib.get("id")).longValue());

        Map<String, Object> listing = get("porteur", "/api/structures/" + id + "/documents");
        assertThat(maps(listing, "current")).extracting(d -> d.get("type") + " " + d.get("expiryStatus") + " "
                + d.get("validUntil")).containsExactly(
                "RIB EXPIRED " + today.minusDays(1),
                "ATTESTATION_URSSAF EXPIRING_SOON " + today.plusDays(10),
                "ATTESTATION_FISCALE VALID " + today.plusYears(1));
        assertThat((List<Object>) listing.get("missingRequiredTypes")).containsExactly("STATUTS", "LISTE_DIRIGEANTS", "RIB");

        ResponseEntity<String> page = page("porteur", "/portail/structures/" + id + "/documents");
        assertThat(page.getBody()).contains("<span class=\"etiquette etiquette--erreur\">Expirée</span>",
                "<span class=\"etiquette etiquette--attention\">Expire bientôt</span>",
                "<td data-label=\"Fin de validité\">" + FRENCH_DAY.format(today.plusDays(10)) + "</td>",
                "<span class=\"etiquette etiquette--succes\">Valide</span>",
                "class=\"alerte alerte--attention\"", "<li>Statuts</li>", "<li>RIB</li>")
                .doesNotContain("Préparer une candidature");
    }

    @Test
    void theDocumentsPageUploadsThroughItsFormAndKeepsTheInputWhenRefused() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        String path = "/portail/structures/" + id + "/documents";
        // The client follows the redirection to the sign-in page, as a browser does (not a 401 problem).
        ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getBody()).contains("<h1>Connexion</h1>");

        String session = signedInSession("porteur");
        ResponseEntity<String> empty = browser(session, HttpMethod.GET, path, null);
        assertThat(empty.getStatusCode().value()).isEqualTo(200);
        assertThat(empty.getBody()).contains("<h1>Dossier unique — ", "enctype=\"multipart/form-data\"",
                "<label for=\"type\">", "<select id=\"type\"", "<label for=\"file\">", "<input type=\"file\" id=\"file\"",
                "<label for=\"validUntil\">", "Aucune pièce déposée", "class=\"alerte alerte--attention\"",
                "Pièces exigées pour candidater, manquantes ou expirées", "<li>Liste des dirigeants</li>",
                "href=\"/portail/structures/" + id + "/membres\"")
                .doesNotContain("Documents de ", "Préparer une candidature");
        String action = formAction(empty.getBody());
        String date = LocalDate.now(TimeConfig.PARIS).plusMonths(3).toString();

        // Refused: back to the clean page (no token in the address), the error next to the file, type and date kept.
        ResponseEntity<String> fake = browser(session, HttpMethod.POST, action,
                form("ATTESTATION_URSSAF", "urssaf.pdf", SampleFiles.text(), date, empty.getBody()));
        String shown = afterRedirect(session, fake, path);
        assertThat(shown).contains("Le fichier n&#39;est pas un vrai PDF",
                "Le type et la date choisis sont conservés ; choisissez à nouveau le fichier.",
                "aria-describedby=\"file-aide file-erreur\" aria-invalid=\"true\"",
                "<option value=\"ATTESTATION_URSSAF\" selected=\"selected\">", "value=\"" + date + "\"");
        assertThat(documentRows(id)).isZero();

        // Over the vault's limit, under the servlet's: the vault says so, type and date kept.
        ResponseEntity<String> overVault = browser(session, HttpMethod.POST, action,
                form("RIB", "rib.pdf", new byte[MAX_SIZE + 1], date, empty.getBody()));
        assertThat(afterRedirect(session, overVault, path)).contains("dépasse la taille maximale de 1 Mo",
                "<option value=\"RIB\" selected=\"selected\">", "value=\"" + date + "\"");

        // Over the servlet's limit: the body cannot be read; still the clean page, saying so.
        ResponseEntity<String> tooLarge = browser(session, HttpMethod.POST, action,
                form("STATUTS", "statuts.pdf", new byte[SERVLET_MAX_FILE_SIZE + 1024], null, empty.getBody()));
        assertThat(afterRedirect(session, tooLarge, path)).contains("Le fichier n'a pas été déposé.",
                "trop volumineux : 1 Mo au plus par pièce", "indiquez-les à nouveau");
        assertThat(documentRows(id)).isZero();

        ResponseEntity<String> sent = browser(session, HttpMethod.POST, action,
                form("ATTESTATION_URSSAF", "urssaf.pdf", SampleFiles.pdf("URSSAF"), date, empty.getBody()));
        assertThat(afterRedirect(session, sent, path)).contains(
                "Pièce « Attestation de vigilance URSSAF » enregistrée (version 1).",
                "<td data-label=\"Fin de validité\">" + FRENCH_DAY.format(LocalDate.parse(date)) + "</td>",
                "/api/structures/" + id + "/documents/");
        assertThat(documentRows(id)).isEqualTo(1);

        assertThat(page("porteuse", path).getStatusCode().value()).isEqualTo(404);
        assertThat(page("porteuse", path).getBody()).contains("<h1>Introuvable</h1>");
        assertThat(page("instructeur", path).getBody()).as("staff see the pieces, without the upload form")
                .contains("Attestation de vigilance URSSAF").doesNotContain("<form method=\"post\" enctype");
    }

    @Test
    void onceTheRequiredPiecesAreThereThePageOffersToPrepareAnApplication() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        provideRequiredPieces("porteur", id);
        assertThat(page("porteur", "/portail/structures/" + id + "/documents").getBody())
                .contains("class=\"alerte alerte--succes\"", "Les pièces exigées pour candidater sont toutes déposées",
                        "href=\"/portail?structure=" + id + "#appels\">Préparer une candidature</a>")
                .doesNotContain("manquantes ou expirées");
    }

    /**
     * A form's answer is a redirection (302 or 303) to the page's own address, never one with the CSRF token; the page
     * it leads to (in the same session: the flash attributes) is returned.
     */
    private String afterRedirect(String session, ResponseEntity<String> answer, String path) {
        assertThat(answer.getStatusCode().is3xxRedirection()).as(answer.getBody()).isTrue();
        java.net.URI location = answer.getHeaders().getLocation();
        assertThat(location.getPath()).isEqualTo(path);
        assertThat(location.getRawQuery()).as("no token in the address bar").isNull();
        ResponseEntity<String> page = browser(session, HttpMethod.GET, location.getPath(), null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        return page.getBody();
    }

    /** The page's form as a browser sends it: its fields, and the CSRF token of its hidden field. */
    private static HttpEntity<MultiValueMap<String, Object>> form(String type, String name, byte[] content,
                                                                 String validUntil, String page) {
        MultiValueMap<String, Object> parts = documentParts(type, name, content, validUntil == null ? "" : validUntil);
        parts.add("_csrf", page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static String formAction(String page) {
        return page.replaceAll("(?s).*<form method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\".*", "$1")
                .replace("&#61;", "=").replace("&amp;", "&");
    }


    private ResponseEntity<String> page(String user, String path) {
        HttpHeaders headers = headersFor(user);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** A refusal: its status and French problem, and nothing stored since {@link #snapshot()}: no row, no file. */
    private void refused(ResponseEntity<Map<String, Object>> response, int status, String type, String detail) {
        assertProblem(response, status, "urn:agir:probleme:" + type, detail);
        assertThat(count("select count(*) from structure_document")).as("no row").isEqualTo(rows);
        assertThat(storedFiles()).as("no file in the storage root").isEqualTo(files);
    }

    private void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String type, String detail) {
        assertProblem(response, status, type);
        assertThat((String) response.getBody().get("detail")).contains(detail);
    }

    private int rows;
    private int files;

    private void snapshot() {
        rows = count("select count(*) from structure_document");
        files = storedFiles();
    }

    private int documentRows(String structureId) {
        return count("select count(*) from structure_document where structure_id = ?", Long.parseLong(structureId));
    }

    private int storedFiles() {
        try (Stream<Path> walk = Files.walk(storage.root())) {
            return (int) walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
