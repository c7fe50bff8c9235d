package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.TestData;
import fr.agir.mail.OutboxSender;
import fr.agir.shared.TimeConfig;
import fr.agir.workflow.Deadlines;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Agir's e-mails, received by a real SMTP server (GreenMail), and the outbox when that server is down. */
class MailIT extends ApiTestSupport {
    /** How e-mails write a date: "14 décembre 2026". */
    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH);

    private final TestSmtp smtp = TestSmtp.get();

    @Autowired
    private OutboxSender sender;
    @Autowired
    private Deadlines deadlines;

    @Test
    void theReceiptWithItsPdfReachesTheLegalRepresentativeAndTheSubmitterOnceEvenWhenSubmittedTwice()
            throws Exception {
        String legalRep = uniqueAddress("representant");
        Map<String, Object> draft = draftOfNewStructure(legalRep);
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");

        post("porteur", "/api/applications/" + id + "/submit", null);
        post("porteur", "/api/applications/" + id + "/submit", null);

        String subject = "Accusé de réception de votre candidature " + reference;
        assertThat(count("select count(*) from mail_message where subject = ?", subject))
                .as("one receipt queued for two submissions").isEqualTo(1);
        List<MimeMessage> copies = await().atMost(PATIENCE).until(() -> smtp.withSubject(reference),
                m -> m.size() == 2); // GreenMail keeps one copy per recipient
        assertThat(copies.stream().map(MailIT::messageId).distinct()).as("one e-mail").hasSize(1);
        MimeMessage mail = copies.get(0);
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                .containsExactlyInAnyOrder(legalRep, "porteur@agir.test");
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getFrom()[0].toString()).contains("ne-pas-repondre@agir.example.org");
        assertThat(text(mail)).startsWith("Bonjour,\n\nLa candidature « Recyclerie solidaire » de ")
                .contains("a bien été déposée le " + LONG_DATE.format(LocalDate.now(TimeConfig.PARIS)) + " à ",
                        " par Paul Porteur.", "Sa référence est " + reference,
                        "Suivre votre candidature :\nhttp", "/portail/candidatures/" + id + "\n",
                        "Bien cordialement,\n\nL'équipe de l'Appel à Agir — Département de la Seine-Saint-Denis")
                .doesNotContain("(s)", "null");

        Part pdf = attachment(mail, "accuse-de-reception-" + reference + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains(reference);
        }
        await().atMost(PATIENCE).until(() -> "SENT".equals(jdbc.queryForObject(
                "select status from mail_message where subject = ?", String.class, subject)));
    }

    @Test
    void anSmtpOutageNeitherFailsTheSubmissionNorLosesTheReceipt() {
        Map<String, Object> draft = draftOfNewStructure(uniqueAddress("panne"));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        String subject = "Accusé de réception de votre candidature " + reference;

        smtp.stop();
        try {
            ResponseEntity<Map<String, Object>> submitted = call("porteur", HttpMethod.POST,
                    "/api/applications/" + id + "/submit", null);
            assertThat(submitted.getStatusCode().value()).isEqualTo(200);
            assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED");
            await().atMost(PATIENCE).until(() -> count("select count(*) from mail_message where subject = ? "
                    + "and attempts >= 1 and last_error is not null", subject) == 1);
            Map<String, Object> pending = jdbc.queryForMap("select status, sent_at, next_attempt_at "
                    + "from mail_message where subject = ?", subject);
            assertThat(pending.get("status")).isEqualTo("PENDING");
            assertThat(pending.get("sent_at")).isNull();
        } finally {
            smtp.start();
        }

        // Time passes: the retry pass, as if run after the message's next attempt is due.
        sender.sendDue(Instant.now().plus(Duration.ofHours(1)));
        Map<String, Object> sent = jdbc.queryForMap("select status, attempts, sent_at, last_error "
                + "from mail_message where subject = ?", subject);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(((Number) sent.get("attempts")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("last_error")).isNull();
        assertThat(smtp.withSubject(reference).stream().map(MailIT::messageId).distinct()).hasSize(1);
    }

    @Test
    void theInvitationEmailCarriesACodeThatJoinsTheStructure() throws Exception {
        Map<String, Object> structure = registerStructure("porteur");
        String invited = uniqueAddress("invitee");
        post("porteur", "/api/structures/" + structure.get("id") + "/invitations", Map.of("email", invited));

        MimeMessage mail = awaitOne("Invitation à rejoindre « " + structure.get("name") + " »");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly(invited);
        String body = text(mail);
        assertThat(body).startsWith("Bonjour,\n\nPaul Porteur, représentant légal de la structure « "
                        + structure.get("name") + " », vous invite à rejoindre son dossier")
                .contains("valable jusqu'au " + LONG_DATE.format(LocalDate.now(TimeConfig.PARIS).plusDays(
                        14 /* MembershipService.VALIDITY_DAYS */)) + " inclus");
        Matcher link = Pattern.compile("http://\\S+/portail/invitations\\?code=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("a link with the code in:\n%s", body).isTrue();
        assertThat(post("porteuse", "/api/invitations/accept", Map.of("code", link.group(1))))
                .containsEntry("role", "MEMBER");
        assertThat(get("porteuse", "/api/structures/" + structure.get("id")).get("name")).isEqualTo(structure.get("name"));
    }

    @Test
    void aJoinRequestMailsTheLegalRepresentativeOnceADayAndAnswersTheSameForAnUnknownStructure() throws Exception {
        String legalRep = uniqueAddress("sollicite");
        Map<String, Object> structure = registerStructure("porteur", legalRep);
        ResponseEntity<Map<String, Object>> again = call("porteuse", HttpMethod.POST, "/api/structures",
                Map.of("name", "Doublon", "legalForm", "ASSOCIATION", "siret", structure.get("siret"),
                        "legalRepName", "Paule", "legalRepEmail", "paule@example.org"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("joinRequest", "/api/structures/join-requests");

        ResponseEntity<Map<String, Object>> known = call("porteuse", HttpMethod.POST, "/api/structures/join-requests",
                Map.of("siret", structure.get("siret"), "message", "Je suis la nouvelle trésorière."));
        ResponseEntity<Map<String, Object>> unknown = call("porteuse", HttpMethod.POST,
                "/api/structures/join-requests", Map.of("siret", TestData.randomSiret()));
        assertThat(known.getStatusCode().value()).isEqualTo(202);
        assertThat(unknown.getStatusCode().value()).isEqualTo(202);
        assertThat(unknown.getBody()).isEqualTo(known.getBody());
        assertThat((String) known.getBody().get("message")).contains("représentant légal");

        String subject = "Demande pour rejoindre « " + structure.get("name") + " »";
        MimeMessage mail = awaitOne(subject);
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly(legalRep);
        assertThat(text(mail)).contains("Paule Porteuse (porteuse@agir.test) demande à rejoindre le dossier",
                "Son message :\n« Je suis la nouvelle trésorière. »",
                "/portail/structures/" + structure.get("id") + "/membres");

        assertThat(call("porteuse", HttpMethod.POST, "/api/structures/join-requests",
                Map.of("siret", structure.get("siret"))).getStatusCode().value()).isEqualTo(202);
        assertThat(count("select count(*) from structure_join_request where structure_id = ?", structure.get("id")))
                .as("one request a day").isEqualTo(1);
        assertThat(count("select count(*) from mail_message where subject like ?", subject + "%")).isEqualTo(1);
        assertThat(call("porteuse", HttpMethod.POST, "/api/structures/join-requests", Map.of("message", "?"))
                .getStatusCode().value()).as("no identifier").isEqualTo(422);
    }

    @Test
    void aMissingPiecesRequestMailsThePiecesAndTheDeadline() throws Exception {
        String legalRep = uniqueAddress("pieces");
        Map<String, Object> draft = draftOfNewStructure(legalRep);
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "MISSING_PIECES",
                "missingPieces", "Statuts signés ; dernier rapport d'activité"));
        LocalDate due = deadlines.missingPiecesDueFrom(LocalDate.now(TimeConfig.PARIS));

        MimeMessage mail = awaitOne("Pièces manquantes pour votre candidature " + reference);
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly(legalRep);
        assertThat(text(mail)).contains("Statuts signés ; dernier rapport d'activité",
                "au plus tard le " + LONG_DATE.format(due) + " :\nhttp", "/portail/candidatures/" + id,
                "sera déclarée irrecevable.", "L'équipe de l'Appel à Agir");
    }

    private Map<String, Object> draftOfNewStructure(String legalRepEmail) {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur", legalRepEmail);
        return draft("porteur", campaign.get("id"), structure.get("id"), 1, List.of(budget(1, 20000, 30000)));
    }

    private MimeMessage awaitOne(String subject) {
        return await().atMost(PATIENCE).until(() -> smtp.withSubject(subject), m -> m.size() == 1).get(0);
    }

    private static String uniqueAddress(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded, whether the message has attachments or not. */
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

    private static Part attachment(Part part, String fileName) throws MessagingException, IOException {
        if (fileName.equals(part.getFileName())) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = attachment(child, fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
