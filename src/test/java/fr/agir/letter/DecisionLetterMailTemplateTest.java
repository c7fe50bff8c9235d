package fr.agir.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import fr.agir.mail.MailTemplates;
import fr.agir.mail.PublicLinks;
import fr.agir.security.People;
import fr.agir.web.Fmt;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The e-mail a decision letter goes out with: subject, long date, what is attached, what comes next. */
class DecisionLetterMailTemplateTest {
    private final MailTemplates templates = new MailTemplates(new Fmt(Clock.systemUTC()), mock(People.class),
            new PublicLinks("https://agir.example.org/"));

    private MailTemplates.Rendered render(LetterKind kind, DecisionLetterDocument.Act act) {
        Map<String, Object> values = new HashMap<>();
        values.put("application", Map.of("id", 12L, "reference", "AGIR-2026-000012", "title", "Recyclerie"));
        values.put("structure", Map.of("id", 7L, "name", "Les Amis"));
        values.put("decision", Map.of("deliberationNumber", "CP-2026-11-042",
                "deliberationDate", LocalDate.of(2026, 11, 23)));
        values.put("kind", kind);
        values.put("act", act);
        values.put("totalInWords", "15 000,00 € (quinze mille euros)");
        return templates.render("decision-letter", values);
    }

    @Test
    void anAttributionWithAnArreteSaysItIsAttached() {
        MailTemplates.Rendered mail = render(LetterKind.ATTRIBUTION,
                new DecisionLetterDocument.Act(true, "ARR-2026-000003", true, "80"));
        assertThat(mail.subject()).isEqualTo("Notification d'attribution de subvention — candidature AGIR-2026-000012");
        assertThat(mail.body()).startsWith("Bonjour,\n\nPar délibération n° CP-2026-11-042 du 23 novembre 2026")
                .contains("une subvention de 15 000,00 € (quinze mille euros)",
                        "L'arrêté attributif n° ARR-2026-000003 est joint à ce message.",
                        "https://agir.example.org/portail/candidatures/12")
                .doesNotContain("signe la convention", "null", "\n\n\n");
    }

    @Test
    void anAttributionWithAnAgreementLinksToItsSignature() {
        assertThat(render(LetterKind.ATTRIBUTION, new DecisionLetterDocument.Act(false, "CPO-2026-000007", true, "80"))
                .body()).contains("signe la convention n° CPO-2026-000007 dans Agir :\n"
                        + "https://agir.example.org/portail/candidatures/12/convention")
                .doesNotContain("arrêté", "null");
    }

    @Test
    void aRefusalNamesTheTimeLimitOfAppeal() {
        MailTemplates.Rendered mail = render(LetterKind.REFUSAL, null);
        assertThat(mail.subject()).isEqualTo("Notification de refus de subvention — candidature AGIR-2026-000012");
        assertThat(mail.body()).contains("n'a pas retenu ce projet", "voies et délais de recours",
                "deux mois à compter de sa notification").doesNotContain("subvention de", "null", "\n\n\n");
    }
}
