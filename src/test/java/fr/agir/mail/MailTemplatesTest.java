package fr.agir.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.agir.security.Directorate;
import fr.agir.security.People;
import fr.agir.web.Fmt;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every e-mail template renders in French, with names, long dates and links, and prints typed text as typed. */
class MailTemplatesTest {
    /** What a malicious or careless user may type: printed as it is in a plain-text e-mail, never evaluated. */
    private static final String HOSTILE = "<script>alert(1)</script> [[${7*7}]] [(${7*7})] {{7*7}} javascript:alert(1)";

    private static MailTemplates templates;

    @BeforeAll
    static void context() {
        People people = mock(People.class);
        when(people.name("porteur")).thenReturn("Paul Porteur");
        templates = new MailTemplates(new Fmt(Clock.systemUTC()), people, new PublicLinks("https://agir.example.org/"));
    }

    private static Map<String, Object> application() {
        return Map.of("id", 12L, "reference", "AAP-2026-0012", "title", "Recyclerie " + HOSTILE,
                "submittedAt", Instant.parse("2026-12-14T08:45:00Z"), "submittedBy", "porteur",
                "statusReason", "Hors du territoire " + HOSTILE);
    }

    private static Map<String, Object> structure() {
        return Map.of("id", 7L, "name", "Les Amis " + HOSTILE, "commune", "Saint-Denis");
    }

    @Test
    void theReceiptNamesTheSubmitterAndDatesTheSubmissionTheFrenchWay() {
        MailTemplates.Rendered mail = templates.render("submission-receipt",
                Map.of("application", application(), "structure", structure()));
        assertThat(mail.subject()).isEqualTo("Accusé de réception de votre candidature AAP-2026-0012");
        assertThat(mail.body()).startsWith("Bonjour,\n\nLa candidature « Recyclerie " + HOSTILE + " » de Les Amis "
                        + HOSTILE + " a bien été déposée le 14 décembre 2026 à 09h45 par Paul Porteur.")
                .contains("https://agir.example.org/portail/candidatures/12")
                .doesNotContain("porteur.", "49", "null", "\n\n\n");
    }

    @Test
    void everyTemplateRendersWithoutAnyUnfilledValue() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("message", Map.of("application", application(), "structure", structure()));
        cases.put("missing-pieces", Map.of("application", application(), "structure", structure(),
                "pieces", "Statuts " + HOSTILE, "due", LocalDate.of(2026, 12, 14)));
        cases.put("inadmissibility", Map.of("application", application(), "structure", structure()));
        cases.put("opinion-reminder", Map.of("application", application(), "structure", structure(), "opinion",
                Map.of("directorate", Directorate.DTER, "requestedAt", Instant.parse("2026-11-30T10:00:00Z"),
                        "dueDate", LocalDate.of(2026, 12, 14))));
        cases.put("jury-reminder", Map.of("session", Map.of("id", 3L, "name", "Jury " + HOSTILE,
                        "scoringCloses", LocalDate.of(2026, 12, 14)),
                "member", Map.of("displayName", "Jeanne Jurée"), "references", List.of("AAP-1", "AAP-2")));
        cases.put("invitation", Map.of("structure", structure(), "code", "abc-123", "invitation",
                Map.of("invitedBy", "porteur", "expiresAt", Instant.parse("2026-12-14T12:00:00Z"))));
        for (var c : cases.entrySet()) {
            MailTemplates.Rendered mail = templates.render(c.getKey(), c.getValue());
            assertThat(mail.subject()).as(c.getKey()).isNotBlank().doesNotContain("\n", "null", "49");
            assertThat(mail.body()).as(c.getKey()).startsWith("Bonjour").contains("https://agir.example.org/", HOSTILE)
                    .doesNotContain("null", "49", "\n\n\n", "(s)", "/20");
        }
        assertThat(templates.render("opinion-reminder", cases.get("opinion-reminder")).subject())
                .isEqualTo("Rappel : avis DTER attendu avant le 14 décembre 2026 — AAP-2026-0012");
        assertThat(templates.render("jury-reminder", cases.get("jury-reminder")).subject())
                .startsWith("Rappel : 2 notes attendues avant le 14 décembre 2026 — Jury ");
        assertThat(templates.render("invitation", cases.get("invitation")).body())
                .contains("Paul Porteur, représentant légal", "valable jusqu'au 14 décembre 2026 inclus",
                        "https://agir.example.org/portail/invitations?code=abc-123");
    }

    @Test
    void aJoinRequestLeavesOutWhatThePersonDidNotGive() {
        Map<String, Object> values = new HashMap<>();
        values.put("structure", structure());
        values.put("name", "Paule Porteuse");
        values.put("email", null);
        values.put("message", null);
        values.put("validityDays", 15);
        String body = templates.render("join-request", values).body();
        assertThat(body).startsWith("Bonjour,\n\nPaule Porteuse demande à rejoindre")
                .doesNotContain("Son message", "null", "\n\n\n").contains("valable 15 jours");
        values.put("email", "paule@example.org");
        values.put("message", "Je suis la trésorière " + HOSTILE);
        assertThat(templates.render("join-request", values).body())
                .contains("Paule Porteuse (paule@example.org) demande", "Son message :\n« Je suis la trésorière "
                        + HOSTILE + " »\n\nSi vous connaissez");
    }

    @Test
    void theSignatureIsPoliteAndATemplateWithoutSubjectIsRefused() {
        assertThat(templates.signature()).startsWith("Bien cordialement,")
                .contains("L'équipe de l'Appel à Agir — Département de la Seine-Saint-Denis");
        assertThatThrownBy(() -> templates.render("signature", Map.of())).isInstanceOf(IllegalStateException.class);
    }
}
