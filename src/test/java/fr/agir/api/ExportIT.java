package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The exports (issue 20): each export's headers and content, in CSV and in Excel (read back with fastexcel-reader),
 * a formula in a structure's name, a title, a debtor or a reason neutralised in both formats, and every other role
 * refused. The rows are seeded in 2089 (and removed after) or driven through the API (the queue, the jury).
 */
class ExportIT extends ApiTestSupport {
    private static final String FORMULA = "=HYPERLINK(\"http://malveillant.example\",\"Cliquez\")";

    @Test
    void eachExportHasItsFrenchHeadersItsRowsAndNoFormula() throws IOException {
        try (OpenDataSeed seed = new OpenDataSeed(jdbc, 2089)) {
            long s = seed.structure(FORMULA, null, false);
            long app = seed.application(s, "+33 cuisine; \"solidaire\"", "IN_PROGRESS");
            long g = seed.act(app, "ARRETE", "IN_FORCE", 2089, null, Instant.parse("2089-02-01T09:00:00Z"), "7000.00");
            seed.installment(g, app, 1, "SINGLE", "7000.00", "PAID", Instant.parse("2089-05-02T10:00:00Z"));
            seed.recovery(app, s, 2089, "@SUM(A1:A9)", "1200.00", "-2+3 trop perçu");

            // A campaign's applications (the search page filtered by campaign).
            String search = "/instruction/candidatures/export?campaignId=" + seed.campaign + "&format=";
            List<List<String>> csv = csv(get("instructeur", search + "csv", "text/csv"));
            assertThat(csv.get(0)).containsExactly("Référence", "Projet", "Structure", "SIRET", "EPT", "Thématique",
                    "Statut", "Durée (ans)", "Montant demandé (€)", "Déposée le");
            assertThat(csv).hasSize(2);
            assertThat(csv.get(1).get(1)).isEqualTo("'+33 cuisine; \"solidaire\"");
            assertThat(csv.get(1).get(2)).isEqualTo("'" + FORMULA);
            assertThat(csv.get(1).get(6)).isEqualTo("Subvention en cours d'exécution");
            List<List<String>> xlsx = xlsx(get("instructeur", search + "xlsx", "spreadsheetml"));
            assertThat(xlsx.get(0)).startsWith("Référence", "Projet", "Structure");
            assertThat(xlsx.get(1).get(1)).isEqualTo("'+33 cuisine; \"solidaire\"");
            assertThat(xlsx.get(1).get(2)).isEqualTo("'" + FORMULA);

            // Finance: the paid installments of 2089.
            String desk = "/finances/export?onglet=payees&budgetYear=2089&format=";
            csv = csv(get("finances1", desk + "csv", "text/csv"));
            assertThat(csv.get(0)).startsWith("Référence", "Structure", "Acte", "N° de l'acte", "Campagne");
            assertThat(csv).hasSize(2);
            assertThat(csv.get(1).get(1)).isEqualTo("'" + FORMULA);
            assertThat(csv.get(1).get(2)).isEqualTo("Arrêté");
            assertThat(csv.get(1)).contains("7000,00", "2089", "M-1-SINGLE", "02/05/2089");
            xlsx = xlsx(get("finances1", desk + "xlsx", "spreadsheetml"));
            assertThat(xlsx.get(1).get(1)).isEqualTo("'" + FORMULA);
            assertThat(new java.math.BigDecimal(xlsx.get(1).get(9))).as("an amount is a number").isEqualByComparingTo("7000");

            // Finance: the recovery orders to export, without the legal representative's e-mail.
            String titres = "/finances/titres/export?statut=TO_EXPORT&format=";
            String text = get("finances1", titres + "csv", "text/csv");
            csv = csv(text);
            assertThat(csv.get(0)).startsWith("N° du titre", "Exercice", "Candidature", "Débiteur");
            List<String> order = csv.stream().filter(r -> r.get(3).equals("'@SUM(A1:A9)")).findFirst().orElseThrow();
            assertThat(order).contains("1200,00", "'-2+3 trop perçu", "Émis par les finances", "À exporter");
            assertThat(text).doesNotContain("marie.secrete");
            xlsx = xlsx(get("finances1", titres + "xlsx", "spreadsheetml"));
            assertThat(xlsx.stream().anyMatch(r -> r.get(3).equals("'@SUM(A1:A9)") && r.get(8).equals("'-2+3 trop perçu")))
                    .isTrue();
        }

        // The instructors' queue, with its filters: one application submitted, its structure's name a formula.
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        jdbc.update("UPDATE structure SET name = ? WHERE id = ?", FORMULA, structure.get("id"));
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 12000, 20000)));
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e "
                + "ON t.PROC_INST_ID_ = e.ID_ WHERE t.TASK_DEF_KEY_ = 'Task_CheckCompleteness' AND e.BUSINESS_KEY_ = ?",
                draft.get("reference")) == 1);
        String queue = "/instruction/export?campaignId=" + campaign.get("id") + "&stage=SUBMITTED&format=";
        List<List<String>> csv = csv(get("instructeur", queue + "csv", "text/csv"));
        assertThat(csv.get(0)).containsExactly("Référence", "Projet", "Structure", "Étape", "Stade", "Thématique", "EPT",
                "Montant demandé (€)", "Arrivée le", "Échéance", "En retard", "Attribuée à");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1).get(0)).isEqualTo(draft.get("reference"));
        assertThat(csv.get(1).get(2)).isEqualTo("'" + FORMULA);
        List<List<String>> xlsx = xlsx(get("instructeur", queue + "xlsx", "spreadsheetml"));
        assertThat(xlsx).hasSize(2);
        assertThat(xlsx.get(1).get(2)).isEqualTo("'" + FORMULA);
        // Another filter: nothing but the header.
        assertThat(csv(get("instructeur", "/instruction/export?campaignId=" + campaign.get("id")
                + "&stage=UNDER_REVIEW&format=csv", "text/csv"))).hasSize(1);

        // A jury session's ranking, for the secretariat: aggregates, never a juror's name.
        JurySetup jury = juryInScoring(List.of("jury", "jure2"), 2, 1);
        String ranking = "/instruction/jury/seances/" + jury.sessionId() + "/classement/export?format=";
        String rankingText = get("instructeur", ranking + "csv", "text/csv");
        csv = csv(rankingText);
        assertThat(csv.get(0)).startsWith("Rang", "Référence", "Projet", "Structure");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1).get(1)).isEqualTo(jury.applications().get(0).reference());
        assertThat(rankingText).doesNotContain("Membre jury", "Membre jure2", "Julie", "Jean Juré", "jury@");
        xlsx = xlsx(get("instructeur", ranking + "xlsx", "spreadsheetml"));
        assertThat(xlsx.get(1).get(1)).isEqualTo(jury.applications().get(0).reference());

        // Who may not see a page may not download it: the jury (of this very session too), an applicant, a reviewer,
        // finance on the instructors' pages and an instructor on finance's.
        for (String user : List.of("porteur", "avis-djva", "jury", "jure2", "finances1")) {
            for (String path : List.of(queue + "csv", search(campaign) + "xlsx", ranking + "csv")) {
                assertThat(status(user, path)).as("%s %s", user, path).isIn(403, 404);
            }
        }
        for (String user : List.of("porteur", "avis-djva", "jury", "instructeur")) {
            for (String path : List.of("/finances/export?format=csv", "/finances/titres/export?format=xlsx")) {
                assertThat(status(user, path)).as("%s %s", user, path).isIn(403, 404);
            }
        }
        ResponseEntity<String> anonymous = http.getForEntity("/finances/export?format=csv", String.class);
        assertThat(String.valueOf(anonymous.getHeaders().getContentType())).as("anonymous: no file").doesNotContain("csv");
        assertThat(String.valueOf(anonymous.getBody())).doesNotContain("Référence;");
        // An unknown format is an unknown address.
        assertThat(status("instructeur", "/instruction/export?format=pdf")).isEqualTo(404);
    }

    private static String search(Map<String, Object> campaign) {
        return "/instruction/candidatures/export?campaignId=" + campaign.get("id") + "&format=";
    }

    private int status(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headersFor(user)), byte[].class)
                .getStatusCode().value();
    }

    private byte[] download(String user, String path, String type) {
        ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headersFor(user)),
                byte[].class);
        assertThat(response.getStatusCode().value()).as("GET %s by %s", path, user).isEqualTo(200);
        assertThat(String.valueOf(response.getHeaders().getContentType())).contains(type);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isNotBlank();
        return response.getBody();
    }

    private String get(String user, String path, String type) {
        byte[] body = download(user, path, type);
        return type.equals("text/csv") ? new String(body, StandardCharsets.UTF_8) : java.util.Base64.getEncoder()
                .encodeToString(body);
    }

    /** The CSV's rows: a byte-order mark, ';'-separated, quoted cells with doubled quotes, CRLF. */
    private static List<List<String>> csv(String text) {
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(String base64) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(base64)))) {
            for (Row r : workbook.getFirstSheet().read()) {
                String[] cells = new String[Math.max(r.getCellCount(), 24)];
                Arrays.fill(cells, "");
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells[c] = r.getCellText(c);
                }
                rows.add(new ArrayList<>(Arrays.asList(cells)));
            }
        }
        return rows;
    }
}
