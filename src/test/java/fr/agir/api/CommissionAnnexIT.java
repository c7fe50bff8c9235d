package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.bench.AwaitingVote;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The report's annex for the assembly's services: a sitting of 300 lines (written to the tables, their
 * lifecycles waiting at the vote), its legal act per line and counts per act, the PDF read back (a line,
 * the totals, the page count and numbering), the XLSX read back (typed amounts, the totals sheet), the
 * links of the sitting page, and staff only.
 */
class CommissionAnnexIT extends ApiTestSupport {
    private static final LocalDate TODAY = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    @SuppressWarnings("unchecked")
    void theAnnexComesAsPdfAndXlsxWithTheLegalActOfEachLine() throws Exception {
        long campaignId = ((Number) openCampaign(30, 5_000_000, 200_000).get("id")).longValue();
        List<AwaitingVote.Amounts> amounts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // 30 two-year grants (agreements), 10 one-year above 23,000 € (agreements), 260 one-year arrêtés.
            amounts.add(i % 10 == 0 ? new AwaitingVote.Amounts(2, 12000, 9000)
                    : i % 30 == 1 ? new AwaitingVote.Amounts(1, 30000, 25000) : new AwaitingVote.Amounts(1, 10000, 8000));
        }
        List<AwaitingVote.Line> lines = AwaitingVote.create(jdbc, runtime, campaignId, amounts);
        String number = "CP-ANX-" + Long.toString(System.nanoTime(), 36);
        String sittingId = String.valueOf(post("instructeur", "/api/commission/seances", Map.of("campaignId", campaignId,
                "number", number, "sittingDate", TODAY.minusDays(1).toString())).get("id"));
        String base = "/api/commission/seances/" + sittingId;
        assertThat(post("instructeur", base + "/rapport", null).get("added")).isEqualTo(300);
        AwaitingVote.Line adjusted = lines.get(5); // one year, 8,000 € proposed → 7,500 €
        assertThat(call("instructeur", HttpMethod.PUT, base + "/lignes/" + adjusted.applicationId(), Map.of(
                "durationYears", 1, "amounts", Map.of("1", 7500), "reason", "Budget de fonctionnement ramené"))
                .getStatusCode().value()).isEqualTo(200);

        // The legal act per line and the counts per act.
        Map<String, Object> report = get("instructeur", base);
        Map<String, Object> twoYears = line(report, lines.get(0).applicationId());
        assertThat(twoYears).containsEntry("legalInstrument", "AGREEMENT").containsEntry("legalInstrumentLabel", "Convention");
        assertThat(line(report, lines.get(1).applicationId())).containsEntry("legalInstrument", "AGREEMENT");
        assertThat(line(report, adjusted.applicationId())).containsEntry("legalInstrument", "ARRETE")
                .containsEntry("legalInstrumentLabel", "Arrêté attributif");
        assertThat((Map<String, Object>) report.get("byInstrument")).containsEntry("Convention", 40)
                .containsEntry("Arrêté attributif", 260);
        String csv = callForText("instructeur", HttpMethod.GET, base + "/annexe.csv").getBody();
        assertThat(csv).contains(";Acte juridique;").contains(";Arrêté attributif;");

        // The PDF: landscape pages numbered "page x / n", the header on each, a line, the totals.
        ResponseEntity<byte[]> pdfResponse = download("instructeur", base + "/annexe.pdf");
        assertThat(pdfResponse.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String fileBase = "annexe-rapport-" + number.replaceAll("[^A-Za-z0-9-]", "_");
        assertThat(pdfResponse.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + fileBase + ".pdf\"");
        if (System.getenv("AGIR_SCREENSHOTS") != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(System.getenv("AGIR_SCREENSHOTS")));
            java.nio.file.Files.write(java.nio.file.Path.of(System.getenv("AGIR_SCREENSHOTS"), "annexe.pdf"),
                    pdfResponse.getBody());
        }
        try (PDDocument pdf = Loader.loadPDF(pdfResponse.getBody())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).as("300 lines at 20 to 35 a page, then the totals").isBetween(8, 20);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).as("landscape")
                    .isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Annexe au rapport — séance n° " + number + " du "
                    + TODAY.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(text).contains("page 1 / " + pages, "page " + pages + " / " + pages);
            assertThat(count(text, "Acte juridique")).as("the table's header on each page it runs over")
                    .isGreaterThanOrEqualTo(pages - 1);
            String adjustedLine = rowOf(text, 5);
            assertThat(adjustedLine).contains("SIRET " + adjusted.siret(), "Saint-Denis", "Plaine Commune",
                    "7 500,00 € *", "1 an", "Arrêté attributif", "Non");
            assertThat(rowOf(text, 0)).contains("9 000,00 €", "2 ans", "Convention");
            // Totals: year 1 = 30 × 9,000 + 10 × 25,000 + 259 × 8,000 + 7,500; year 2 = 30 × 9,000.
            assertThat(text).contains("Année 1 2 599 500,00 €", "Année 2 270 000,00 €")
                    .contains("Fonctionnement 5 000 000,00 € 0,00 € 2 599 500,00 € 2 400 500,00 €")
                    .contains("Convention 40", "Arrêté attributif 260");
        }

        // The XLSX: a sheet of lines with typed euro amounts and its header frozen, a sheet of totals.
        ResponseEntity<byte[]> xlsxResponse = download("instructeur", base + "/annexe.xlsx");
        assertThat(xlsxResponse.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        assertThat(xlsxResponse.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + fileBase + ".xlsx\"");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsxResponse.getBody()),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Row> rows = workbook.findSheet("Lignes").orElseThrow().read();
            assertThat(rows).as("a header and 300 lines").hasSize(301);
            assertThat(rows.get(0).getCellAsString(13)).contains("Acte juridique");
            Row row = rows.stream().filter(r -> adjusted.reference().equals(r.getCellAsString(0).orElse(null)))
                    .findFirst().orElseThrow();
            Cell amount = row.getCell(9);
            assertThat(amount.getType()).isEqualTo(CellType.NUMBER);
            assertThat(amount.asNumber()).isEqualByComparingTo("7500");
            assertThat(amount.getDataFormatString()).contains("€");
            assertThat(row.getCellAsString(11)).contains("Oui");
            assertThat(row.getCell(12).asNumber()).isEqualByComparingTo("1");
            assertThat(row.getCellAsString(13)).contains("Arrêté attributif");
            BigDecimal year1 = rows.stream().skip(1).map(r -> r.getCellAsNumber(9).orElse(BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(year1).isEqualByComparingTo("2599500");
            List<Row> totals = workbook.findSheet("Totaux").orElseThrow().read();
            Row year1Total = totals.stream().filter(r -> "Année 1".equals(r.getCellAsString(0).orElse(null)))
                    .findFirst().orElseThrow();
            assertThat(year1Total.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(year1Total.getCell(1).asNumber()).isEqualByComparingTo("2599500");
            assertThat(totals.stream().filter(r -> "Arrêté attributif".equals(r.getCellAsString(0).orElse(null)))
                    .findFirst().orElseThrow().getCell(1).asNumber()).isEqualByComparingTo("260");
        }

        // The sitting page links to both, and its table shows the act.
        String session = signedInSession("instructeur");
        String page = browser(session, HttpMethod.GET, "/instruction/commission/seances/" + sittingId, null).getBody();
        assertThat(page).contains("href=\"" + base + "/annexe.pdf\"", "href=\"" + base + "/annexe.xlsx\"",
                "href=\"" + base + "/annexe.csv\"", "Acte juridique", "Arrêté attributif");
        for (String link : List.of("/annexe.pdf", "/annexe.xlsx")) {
            ResponseEntity<String> followed = browser(session, HttpMethod.GET, base + link, null);
            assertThat(followed.getStatusCode().value()).isEqualTo(200);
            assertThat(followed.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        }

        // Staff only.
        for (String user : List.of("porteur", "jury")) {
            for (String annex : List.of("/annexe.pdf", "/annexe.xlsx", "/annexe.csv")) {
                assertThat(http.exchange(base + annex, HttpMethod.GET, new org.springframework.http.HttpEntity<>(
                        headersFor(user)), byte[].class).getStatusCode().value()).as(user + " " + annex).isEqualTo(403);
            }
        }
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headersFor(user)), byte[].class);
        assertThat(response.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> report, long applicationId) {
        return ((List<Map<String, Object>>) report.get("lines")).stream()
                .filter(l -> ((Number) l.get("applicationId")).longValue() == applicationId).findFirst().orElseThrow();
    }

    /** The text of the i-th row of the annex's table (of the fixture's structures, named "Association <tag> <i>"), on one line. */
    private static String rowOf(String text, int i) {
        String flat = text.replace("\r", "").replace('\n', ' ');
        Matcher m = Pattern.compile("Association \\S+ " + i + " (.*?)Association \\S+ " + (i + 1) + " ").matcher(flat);
        assertThat(m.find()).as("row %d in the PDF", i).isTrue();
        return m.group(1);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
