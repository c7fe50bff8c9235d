package fr.agir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package-per-capability boundaries of docs/ARCHITECTURE.md, and no HTML written in Java. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.agir");
    }

    @Test
    void capabilitiesDoNotDependOnEachOtherInCycles() {
        slices().matching("fr.agir.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The lifecycle order of docs/ARCHITECTURE.md: a capability only uses those before it. */
    private static final List<String> CAPABILITIES = List.of("structure", "campaign", "application", "instruction",
            "jury", "vote", "agreement", "letter", "payment", "reporting", "steering", "opendata");

    @Test
    void aCapabilityOnlyUsesTheCapabilitiesBeforeItInTheLifecycle() {
        for (int i = 0; i < CAPABILITIES.size() - 1; i++) {
            String[] later = CAPABILITIES.subList(i + 1, CAPABILITIES.size()).stream()
                    .map(c -> "fr.agir." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("fr.agir." + CAPABILITIES.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later).check(classes);
        }
    }

    @Test
    void sharedPackagesKnowNoCapability() {
        noClasses().that().resideInAnyPackage("fr.agir.shared..", "fr.agir.workflow..", "fr.agir.security..",
                        "fr.agir.audit..", "fr.agir.web..", "fr.agir.mail..", "fr.agir.webhook..", "fr.agir.integration..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.agir.structure..", "fr.agir.campaign..",
                        "fr.agir.application..", "fr.agir.instruction..", "fr.agir.jury..", "fr.agir.vote..",
                        "fr.agir.agreement..", "fr.agir.letter..", "fr.agir.payment..", "fr.agir.reporting..",
                        "fr.agir.steering..", "fr.agir.opendata..", "fr.agir.demo..")
                .check(classes);
    }

    @Test
    void onlyTheWorkflowGlueAndDelegatesTouchTheEngineApi() {
        noClasses().that().resideOutsideOfPackages("fr.agir.workflow..", "fr.agir..process..", "fr.agir.security..",
                        "fr.agir.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
                .check(classes);
    }

    // --- No HTML in Java: pages are Thymeleaf templates (docs/ARCHITECTURE.md, "The web layer"). ---
    // This reads the sources, not the bytecode: ArchUnit sees classes and calls, not what string
    // literals contain. Nothing is allow-listed. PDFs need no exemption: PDFBox draws text on a page
    // (shared/PdfDocumentBuilder), it writes no markup, so a PDF's code has no tag in its strings.
    // E-mails are plain-text templates (templates/mail/*.txt).

    /** An HTML tag, opening or closing, as pages are written: "<p", "</div>", "<a href", "<br/>"… */
    private static final Pattern HTML_TAG = Pattern.compile("</?(?:a|abbr|article|aside|body|br|button|caption|code"
            + "|dd|details|div|dl|dt|em|fieldset|footer|form|h[1-6]|head|header|hr|html|img|input|label|legend|li"
            + "|link|main|meta|nav|ol|option|p|pre|script|section|select|small|span|strong|style|summary|table|tbody"
            + "|td|textarea|tfoot|th|thead|time|title|tr|ul)(?=[\\s>/]|$)", Pattern.CASE_INSENSITIVE);
    /** The old string builders of pages, and escaping by hand (a template escapes by itself). */
    private static final Pattern HTML_HELPERS = Pattern.compile("\\bfr\\.agir\\.web\\.(?:Page|FormHtml)\\b"
            + "|\\bFormHtml\\s*\\.|\\bPage\\s*\\.\\s*(?:escape|render|definition|portal|seeOther|csrfField|csrfQuery)\\b"
            + "|\\bHtmlUtils\\s*\\.\\s*htmlEscape");

    @Test
    void noClassUnderSrcMainJavaBuildsHtmlFromStrings() throws IOException {
        Map<String, List<String>> offenders = new TreeMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                List<String> found = htmlIn(read(f));
                if (!found.isEmpty()) {
                    offenders.put(root.relativize(f).toString(), found);
                }
            });
        }
        StringBuilder report = new StringBuilder();
        offenders.forEach((file, found) -> report.append("\n  ").append(file).append(" (").append(found.size())
                .append("): ").append(String.join(" | ", found.subList(0, Math.min(3, found.size())))));
        assertThat(offenders).as("Java classes writing HTML (move it to a Thymeleaf template):%s", report).isEmpty();
    }

    /** The check itself, on small sources: it reads strings and text blocks, not comments, generics or comparisons. */
    @Test
    void theHtmlCheckSeesTagsInStringsAndTextBlocksOnly() {
        assertThat(htmlIn("class A { String s = \"<p class=\\\"x\\\">\" + name + \"</p>\"; }")).hasSize(2);
        assertThat(htmlIn("class A { String s = \"\"\"\n  <div>\n  <a href=\"/x\">x</a>\n  \"\"\"; }"))
                .hasSize(3);
        assertThat(htmlIn("class A { String s = \"<br>\" + \"<TABLE>\" + \"<input/>\" + \"<h2 id=x>\"; }")).hasSize(4);
        assertThat(htmlIn("import fr.agir.web.Page; class A { }")).hasSize(1);
        assertThat(htmlIn("class A { String s = FormHtml.input(\"x\"); }")).hasSize(1);
        assertThat(htmlIn("class A { String s = HtmlUtils.htmlEscape(t); }")).hasSize(1);
        assertThat(htmlIn("class A { String s = Page.escape(t); }")).hasSize(1);

        assertThat(htmlIn("""
                /** A {@code <p>} in a comment, a <div> in Javadoc. */
                class A {
                    // "<p>" in a line comment
                    /* "<table>" in a block comment */
                    List<Page<String>> pages = Page.empty(); // Spring Data's Page
                    boolean b = a < p && c <br; char c = '<'; char q = '"';
                    String s = "a < b, <none>, <= 3, 1<2, x<p", t = "\\"<";
                    String u = "<pre" .length() > 0 ? "<" : ">";
                }
                """)).as("only x<p and <pre are tags").hasSize(2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML found in a Java source: tags in its string literals and text blocks, uses of HTML helpers in its code. */
    static List<String> htmlIn(String source) {
        StringBuilder code = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
                    end++;
                }
                literals.add(source.substring(i + 3, Math.min(end, n)));
                code.append("\"\"");
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(end, n)));
                }
                code.append(c).append(c);
                i = end + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        List<String> found = new ArrayList<>();
        for (String literal : literals) {
            Matcher tag = HTML_TAG.matcher(literal);
            while (tag.find()) {
                found.add("\"" + tag.group() + "\"");
            }
        }
        Matcher helper = HTML_HELPERS.matcher(code);
        while (helper.find()) {
            found.add(helper.group());
        }
        return found;
    }
}
