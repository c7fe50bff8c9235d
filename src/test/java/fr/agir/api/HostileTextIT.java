package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What people type is shown as they typed it, never run: hostile text stored in every field a user
 * types (through the API, as any client may), then every page and e-mail that shows it is read.
 * The checks look at addresses and visible text, not at the pages' markup, so that they hold
 * whichever way a page is written.
 */
class HostileTextIT extends ApiTestSupport {
    /** Markup, an attribute breaker, a script address and template expressions (Thymeleaf, then Angular/Vue-like). */
    private static final String PAYLOAD = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> "
            + "javascript:alert(1) [[${7*7}]] {{7*7}} fin";
    /** A file name cannot hold a slash: the same without the closing tag. */
    private static final String FILE_NAME = "statuts \"><img src=x onerror=alert(1)> javascript:alert(1) "
            + "[[${7*7}]] {{7*7}}.pdf";
    /** What the expressions would have become had anything evaluated them. */
    private static final Pattern EVALUATED = Pattern.compile("alert\\(1\\)\\s*49|49\\s*(\\{\\{7\\*7}}|49)\\s*fin|"
            + "\\[\\[49]]");
    /** A link, form or frame to a javascript: address, whatever the quotes and spaces. */
    private static final Pattern SCRIPT_ADDRESS = Pattern.compile(
            "(?i)(href|src|action|formaction)\\s*=\\s*[\"']?\\s*javascript:");
    /** The payload's tail as any HTML page shows it: th:text escapes none of these characters. */
    private static final String VISIBLE_TAIL = "javascript:alert(1) [[${7*7}]] {{7*7}} fin";

    private final TestSmtp smtp = TestSmtp.get();

    private static String hostile(String field) {
        return field + " " + PAYLOAD;
    }

    @Test
    void hostileTextIsShownAsTypedOnEveryPageAndInEveryEmail() throws Exception {
        // A structure, its pieces (one with a hostile file name), an application, and its whole instruction.
        String legalRep = "hostile-" + Long.toString(System.nanoTime(), 36) + "@example.org";
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = post("porteur", "/api/structures", Map.of("name", hostile("Association"),
                "legalForm", "ASSOCIATION", "siret", fr.agir.TestData.randomSiret(), "addressLine", "5 rue Gabriel Péri",
                "postalCode", "93200", "commune", "Saint-Denis", "legalRepName", "Awa Diallo",
                "legalRepEmail", legalRep, "iban", "FR76 3000 6000 0112 3456 7890 189", "bic", "AGRIFRPP"));
        String structureId = String.valueOf(structure.get("id"));
        for (String type : List.of("STATUTS", "LISTE_DIRIGEANTS", "RIB")) {
            ResponseEntity<Map<String, Object>> upload = uploadDocument("porteur", structureId, type,
                    "STATUTS".equals(type) ? FILE_NAME : type.toLowerCase() + ".pdf",
                    fr.agir.structure.SampleFiles.pdf(type), null);
            assertThat(upload.getStatusCode().value()).as("upload of %s: %s", type, upload.getBody()).isEqualTo(201);
        }
        String id = String.valueOf(draftOf(campaign.get("id"), structureId).get("id"));
        String reference = String.valueOf(get("porteur", "/api/applications/" + id).get("reference"));
        assertThat(postMessage("porteur", "/api/applications/" + id + "/messages", hostile("Message du porteur"))
                .getStatusCode().value()).isEqualTo(201);

        submitAndAwaitOpinions(id, reference);
        assertThat(postMessage("instructeur", "/api/applications/" + id + "/messages",
                hostile("Message de l'instructeur")).getStatusCode().is2xxSuccessful()).isTrue();
        post("instructeur", "/api/applications/" + id + "/annotations", Map.of("body", hostile("Note interne")));
        await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
        post("avis-dter", "/api/applications/" + id + "/opinions/DTER", Map.of("verdict", "RESERVED",
                "comment", hostile("Avis DTER"), "suggestedAmount", 15000));
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "FAVORABLE",
                "comment", "Avis favorable"));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        post("instructeur", "/api/applications/" + id + "/synthesis",
                Map.of("summary", hostile("Synthèse"), "proposedAmounts", Map.of("1", 18000)));
        awaitWaitingAt(reference, "Event_JuryResultReceived");

        // A jury session (its name and grid typed by the secretariat), a score's comment, a conflict's comment.
        String sessionId = juryScoring(String.valueOf(campaign.get("id")), id);
        String caseUrl = "/api/jury/my-sessions/" + sessionId + "/applications/" + id;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) ((Map<String, Object>) get("jury", caseUrl)
                .get("grid")).get("criteria");
        Map<String, Object> values = new LinkedHashMap<>();
        criteria.forEach(c -> values.put(String.valueOf(c.get("id")), 4));
        post("jury", caseUrl + "/score", Map.of("values", values, "comment", hostile("Commentaire du juré")));
        post("jure2", "/api/jury/my-conflicts", Map.of("structureId", Long.valueOf(structureId), "type", "OFFICER",
                "comment", hostile("Conflit déclaré")));

        // Other e-mails carrying typed text: missing pieces, inadmissibility, invitation, join request.
        String missing = String.valueOf(draftOf(openCampaign(30).get("id"), structureId).get("id"));
        String missingReference = String.valueOf(get("porteur", "/api/applications/" + missing).get("reference"));
        post("porteur", "/api/applications/" + missing + "/submit", null);
        awaitWaitingAt(missingReference, "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + missing + "/completeness", Map.of("outcome", "MISSING_PIECES",
                "missingPieces", hostile("Pièces manquantes")));
        String ineligible = String.valueOf(draftOf(openCampaign(30).get("id"), structureId).get("id"));
        String ineligibleReference = String.valueOf(get("porteur", "/api/applications/" + ineligible).get("reference"));
        post("porteur", "/api/applications/" + ineligible + "/submit", null);
        awaitWaitingAt(ineligibleReference, "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + ineligible + "/completeness", Map.of("outcome", "INELIGIBLE",
                "reason", hostile("Motif d'irrecevabilité")));
        post("porteur", "/api/structures/" + structureId + "/invitations",
                Map.of("email", "invitee-" + Long.toString(System.nanoTime(), 36) + "@example.org"));
        call("porteuse", HttpMethod.POST, "/api/structures/join-requests",
                Map.of("siret", structure.get("siret"), "message", hostile("Demande pour rejoindre")));

        // The report of a granted application.
        Grant grant = grantedOneYear();
        awaitWaitingAt(grant.reference(), "Task_SubmitReport");
        post("porteur", "/api/reports/" + grant.reportId() + "/submit", Map.of("actualCharges", 34000,
                "actualProducts", 34000, "spentGrant", 18000, "qualitativeReport", hostile("Compte rendu")));

        // Every page that shows them, as each role reads it.
        List<Map.Entry<String, String>> pages = new ArrayList<>();
        pages.add(Map.entry("/portail", "porteur"));
        pages.add(Map.entry("/portail/candidatures/" + id, "porteur"));
        pages.add(Map.entry("/portail/candidatures/" + id + "/formulaire", "porteur"));
        pages.add(Map.entry("/portail/candidatures/" + missing, "porteur"));
        pages.add(Map.entry("/portail/candidatures/" + ineligible, "porteur"));
        pages.add(Map.entry("/portail/structures/" + structureId + "/documents", "porteur"));
        // The report's form (/compte-rendu) is gone once the report is handed in; no page shows its text yet.
        pages.add(Map.entry("/portail/candidatures/" + grant.applicationId(), "porteur"));
        pages.add(Map.entry("/instruction", "instructeur"));
        pages.add(Map.entry("/instruction/tableau-de-bord", "instructeur"));
        pages.add(Map.entry("/instruction/candidatures/" + id, "instructeur"));
        pages.add(Map.entry("/instruction/candidatures/" + id + "/synthese", "instructeur"));
        pages.add(Map.entry("/instruction/candidatures/" + missing, "instructeur"));
        pages.add(Map.entry("/instruction/candidatures/" + ineligible, "instructeur"));
        pages.add(Map.entry("/instruction/candidatures/" + grant.applicationId(), "instructeur"));
        pages.add(Map.entry("/instruction/jury", "instructeur"));
        pages.add(Map.entry("/instruction/jury/seances/" + sessionId, "instructeur"));
        pages.add(Map.entry("/avis", "avis-dter"));
        pages.add(Map.entry("/avis/" + id + "/DTER", "avis-dter"));
        pages.add(Map.entry("/jury", "jury"));
        pages.add(Map.entry("/jury/seances/" + sessionId, "jury"));
        pages.add(Map.entry("/jury/seances/" + sessionId + "/candidatures/" + id, "jury"));
        pages.add(Map.entry("/jury", "jure2"));
        pages.add(Map.entry("/jury/seances/" + sessionId, "jure2"));
        List<String> showing = new ArrayList<>();
        for (Map.Entry<String, String> page : pages) {
            String html = page(page.getValue(), page.getKey());
            assertSafe(page.getKey() + " for " + page.getValue(), html);
            if (html.contains(VISIBLE_TAIL) || html.contains("javascript:alert(1) [[${7*7}]] {{7*7}}.pdf")) {
                showing.add(page.getKey());
            }
        }
        // The deliberation's ranking, once scoring is over.
        post("instructeur", "/api/jury/sessions/" + sessionId + "/phase", Map.of("phase", "DELIBERATION"));
        String ranking = "/jury/seances/" + sessionId + "/classement";
        String rankingPage = page("jury", ranking);
        assertSafe(ranking + " for jury", rankingPage);
        if (rankingPage.contains(VISIBLE_TAIL)) {
            showing.add(ranking);
        }
        System.out.println("Pages showing the hostile text: " + showing);
        // The checks only mean something where the text is shown: the pages that must show it do.
        assertThat(showing).as("pages showing the typed text").contains("/portail/candidatures/" + id,
                "/portail/structures/" + structureId + "/documents", "/instruction/candidatures/" + id,
                "/avis/" + id + "/DTER", "/jury/seances/" + sessionId + "/candidatures/" + id,
                "/instruction/jury/seances/" + sessionId);

        // Every e-mail that carries it: plain text only, the text as typed, nothing evaluated.
        List<MimeMessage> mails = new ArrayList<>();
        for (String subject : List.of("Accusé de réception de votre candidature " + reference,
                "Pièces manquantes pour votre candidature " + missingReference,
                "Votre candidature " + ineligibleReference + " est irrecevable",
                "Invitation à rejoindre « " + structure.get("name") + " »",
                "Demande pour rejoindre « " + structure.get("name") + " »")) {
            mails.add(await().atMost(PATIENCE).until(() -> smtp.withSubject(subject), m -> !m.isEmpty()).get(0));
        }
        for (MimeMessage mail : mails) {
            String subject = mail.getSubject();
            assertThat(htmlParts(mail)).as("an HTML part in %s", subject).isZero();
            String text = text(mail);
            assertThat(text).as(subject).contains(PAYLOAD);
            assertThat(EVALUATED.matcher(text).find()).as("an expression evaluated in %s:\n%s", subject, text).isFalse();
            assertThat(EVALUATED.matcher(subject).find()).as("an expression evaluated in %s", subject).isFalse();
        }
    }

    /** No live markup, no evaluated expression, no script address. */
    private static void assertSafe(String what, String html) {
        assertThat(html).as(what).doesNotContainIgnoringCase("<script>alert(1)</script>")
                .doesNotContainIgnoringCase("<img src=x");
        assertThat(EVALUATED.matcher(html).find()).as("an expression evaluated on %s", what).isFalse();
        assertThat(SCRIPT_ADDRESS.matcher(html).find()).as("a javascript: address on %s", what).isFalse();
    }

    private String page(String user, String path) {
        HttpHeaders headers = headersFor(user);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode().value()).as("GET %s by %s", path, user).isEqualTo(200);
        return page.getBody();
    }

    private Map<String, Object> draftOf(Object campaignId, String structureId) {
        return post("porteur", "/api/applications", Map.of("campaignId", campaignId, "structureId", structureId,
                "title", hostile("Titre"), "description", hostile("Description"),
                "thematic", "TRANSITION_ECOLOGIQUE", "targetPublic", "JEUNES", "territory", "Saint-Denis",
                "durationYears", 1, "budgets", List.of(budget(1, 20000, 30000))));
    }

    /** A session named and graded with hostile text, the application assigned to jury and jure2, scoring open. */
    private String juryScoring(String campaignId, String applicationId) {
        ResponseEntity<Map<String, Object>> grid = call("instructeur", HttpMethod.PUT,
                "/api/campaigns/" + campaignId + "/scoring-grid", Map.of("criteria", List.of(
                        Map.of("label", "Utilité " + PAYLOAD.substring(0, 60), "description", hostile("Critère"),
                                "scaleMin", 0, "scaleMax", 5, "weight", 1, "required", true))));
        assertThat(grid.getStatusCode().is2xxSuccessful()).as("grid: %s", grid.getBody()).isTrue();
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        Map<String, Object> session = post("instructeur", "/api/jury/sessions", Map.of("campaignId", campaignId,
                "name", hostile("Séance"), "scoringOpens", today.toString(),
                "scoringCloses", today.plusDays(10).toString(), "deliberationDate", today.plusDays(12).toString(),
                "jurorsPerApplication", 2,
                "members", List.of("jury", "jure2").stream().map(m -> Map.of("username", m, "displayName",
                        "Membre " + m, "email", m + "@jury.example.org")).toList()));
        String sessionId = String.valueOf(session.get("id"));
        post("instructeur", "/api/jury/sessions/" + sessionId + "/applications",
                Map.of("applicationIds", List.of(Long.valueOf(applicationId))));
        post("instructeur", "/api/jury/sessions/" + sessionId + "/assignments/automatic", null);
        post("instructeur", "/api/jury/sessions/" + sessionId + "/phase", Map.of("phase", "SCORING"));
        return sessionId;
    }

    private ResponseEntity<Map<String, Object>> postMessage(String user, String path, String body) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("body", body);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers),
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    private static int htmlParts(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return 1;
        }
        int count = 0;
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                count += htmlParts(child);
            }
        }
        return count;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return ((String) part.getContent()).replace("\r\n", "\n"); // SMTP sends lines ending in CRLF
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
