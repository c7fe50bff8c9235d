package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.agir.shared.TextTemplate.Heading;
import fr.agir.shared.TextTemplate.Item;
import fr.agir.shared.TextTemplate.Kind;
import fr.agir.shared.TextTemplate.NewPage;
import fr.agir.shared.TextTemplate.Paragraph;
import fr.agir.shared.TextTemplate.Part;
import fr.agir.shared.TextTemplate.Table;
import fr.agir.shared.TextTemplate.Title;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small template language of the documents the DIEESS edits: placeholders, conditions, refusals. */
class TextTemplateTest {
    private static final Map<String, Kind> VOCABULARY = Map.of("structure.nom", Kind.TEXT, "projet.titre", Kind.TEXT,
            "structure.siret", Kind.TEXT, "convention.pluriannuelle", Kind.CONDITION, "tableau.montants", Kind.TABLE);
    private static final TextTemplate.TableValue TABLE = new TextTemplate.TableValue(
            List.of(new PdfTableBuilder.Column("Année", 1, false)), List.of(List.of("1")), false);

    private static Map<String, Object> facts(String name, String title, String siret, boolean twoYears) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("structure.nom", name);
        facts.put("projet.titre", title);
        facts.put("structure.siret", siret);
        facts.put("convention.pluriannuelle", twoYears);
        facts.put("tableau.montants", TABLE);
        return facts;
    }

    private static List<Part> render(String template, Map<String, Object> facts) {
        return TextTemplate.parse(template, VOCABULARY, "Modèle d'essai").render(facts);
    }

    @Test
    void placeholdersHeadingsParagraphsItemsTablesAndPageBreaks() {
        String template = """
                // a note for whoever edits the file: not printed
                # Convention avec {{ structure.nom }}

                ## Article 1 — Objet
                La structure {{structure.nom}} réalise
                le projet « {{projet.titre}} ».

                - premier point
                  qui continue
                - second point
                {{tableau.montants}}
                ---
                Fin.
                """;
        assertThat(render(template, facts("Les Jardins", "Potagers", "123", false))).containsExactly(
                new Title("Convention avec Les Jardins"),
                new Heading("Article 1 — Objet"),
                new Paragraph("La structure Les Jardins réalise le projet « Potagers »."),
                new Item("premier point qui continue"),
                new Item("second point"),
                new Table(TABLE),
                new NewPage(),
                new Paragraph("Fin."));
    }

    @Test
    void conditionsChooseTheWordingOnTheirOwnLinesOrWithinOne() {
        String template = """
                {{#si convention.pluriannuelle}}
                Deux années.
                {{#sinon}}
                Une année.
                {{/si}}
                Durée : {{#si non convention.pluriannuelle}}un an{{#sinon}}deux ans{{/si}}{{#si structure.siret}}, SIRET {{structure.siret}}{{/si}}.
                """;
        assertThat(render(template, facts("A", "P", "", true)))
                .containsExactly(new Paragraph("Deux années. Durée : deux ans."));
        assertThat(render(template, facts("A", "P", "123 456", false)))
                .containsExactly(new Paragraph("Une année. Durée : un an, SIRET 123 456."));
    }

    @Test
    void aValueIsPrintedAsTypedNeverReadAsTemplateNorAsMarkup() {
        String template = "## {{projet.titre}}\n{{structure.nom}}\n";
        List<Part> parts = render(template, facts("# Pas un titre\n{{structure.siret}} et }} et {{#si x}}",
                "{{structure.nom}}", "SECRET", false));
        assertThat(parts).containsExactly(new Heading("{{structure.nom}}"),
                new Paragraph("# Pas un titre\n{{structure.siret}} et }} et {{#si x}}"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsNameAndLine() {
        assertThatThrownBy(() -> TextTemplate.parse("# Titre\n\nLa structure {{structure.nmo}}.\n", VOCABULARY,
                "Modèle d'essai"))
                .isInstanceOf(TextTemplate.TemplateException.class)
                .hasMessageContaining("Modèle d'essai, ligne 3")
                .hasMessageContaining("« structure.nmo » n'est pas une donnée connue")
                .hasMessageContaining("structure.nom");
        assertThatThrownBy(() -> TextTemplate.parse("{{#si convention.annuelle}}x{{/si}}", VOCABULARY, "M"))
                .hasMessageContaining("« convention.annuelle » n'est pas une donnée connue");
    }

    @Test
    void malformedTemplatesAreRefusedWithTheReason() {
        assertThat(refusal("{{#si convention.pluriannuelle}}\nx\n")).contains("n'est pas fermé par {{/si}}");
        assertThat(refusal("x\n{{/si}}\n")).contains("ligne 2", "{{/si}} sans {{#si …}} avant");
        assertThat(refusal("{{#si convention.pluriannuelle}}a{{#sinon}}b{{#sinon}}c{{/si}}"))
                .contains("deux {{#sinon}}");
        assertThat(refusal("Texte {{convention.pluriannuelle}}")).contains("est une condition");
        assertThat(refusal("Voir {{tableau.montants}} ci-dessus")).contains("doit être seul sur sa ligne");
        assertThat(refusal("{{#pour chaque}}")).contains("n'est pas une instruction connue");
        assertThat(refusal("La structure {{structure.nom}\n")).contains("sans « }} »");
        assertThat(refusal("{{ T(java.lang.Runtime).exec('x') }}")).contains("n'est pas une donnée connue");
    }

    private static String refusal(String template) {
        try {
            TextTemplate.parse(template, VOCABULARY, "M");
        } catch (TextTemplate.TemplateException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + template);
    }
}
