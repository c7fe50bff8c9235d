package fr.agir.vote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report's annex as an XLSX workbook (fastexcel) for the assembly's services: a sheet « Lignes »
 * with one row per line and amounts as numbers in euros (a spreadsheet adds them up), its header row
 * frozen, and a sheet « Totaux » (per year, per part of the envelope, per legal act).
 */
final class ReportAnnexXlsx {
    /**
     * Euros as Excel's French currency format writes them; no quoted literal: fastexcel writes the
     * format into styles.xml unescaped, and a quote there breaks the XML.
     */
    private static final String EUROS = "#,##0.00 [$€-40C]";
    private static final List<String> HEADER = List.of("Référence", "Structure", "SIRET", "RNA", "Commune", "EPT",
            "Projet", "Thématique", "Part de l'enveloppe", "Montant année 1 (€)", "Montant année 2 (€)",
            "Montant ajusté", "Durée (ans)", "Acte juridique", "Déport", "Décision", "Motivation");

    private ReportAnnexXlsx() {
    }

    static byte[] of(CommissionService.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Agir", "1.0");
            lines(workbook.newWorksheet("Lignes"), report);
            totals(workbook.newWorksheet("Totaux"), report);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void lines(Worksheet sheet, CommissionService.Report report) {
        header(sheet, 0, HEADER);
        sheet.freezePane(0, 1);
        int row = 1;
        for (CommissionService.LineView v : report.lines()) {
            ReportLine l = v.line();
            Map<Integer, BigDecimal> amounts = ReportAnnex.amounts(l);
            sheet.value(row, 0, v.application().getReference());
            sheet.value(row, 1, v.structure().getName());
            sheet.value(row, 2, v.structure().getSiret());
            sheet.value(row, 3, v.structure().getRna());
            sheet.value(row, 4, v.structure().getCommune());
            sheet.value(row, 5, v.structure().getEpt() == null ? null : v.structure().getEpt().label());
            sheet.value(row, 6, v.application().getTitle());
            sheet.value(row, 7, v.application().getThematic() == null ? null : v.application().getThematic().label());
            sheet.value(row, 8, l.getNature().label());
            euros(sheet, row, 9, amounts.get(1));
            euros(sheet, row, 10, amounts.get(2));
            sheet.value(row, 11, ReportAnnex.adjustedShown(l) ? "Oui" : "Non");
            Integer duration = ReportAnnex.duration(l);
            if (duration != null) {
                sheet.value(row, 12, duration);
            }
            sheet.value(row, 13, v.instrumentLabel());
            sheet.value(row, 14, ReportAnnex.deport(v));
            sheet.value(row, 15, ReportAnnex.outcome(l));
            sheet.value(row, 16, l.getMotivation());
            row++;
        }
        int[] widths = {18, 30, 16, 12, 18, 20, 36, 22, 16, 16, 16, 10, 10, 20, 14, 12, 30};
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, widths[c]);
        }
    }

    private static void totals(Worksheet sheet, CommissionService.Report report) {
        boolean voted = report.sitting().getStatus() == CommissionSitting.Status.VOTED;
        sheet.value(0, 0, ReportAnnex.title(report));
        sheet.style(0, 0).bold().set();
        int row = 2;
        header(sheet, row++, List.of("Année", voted ? "Total voté (€)" : "Total proposé (€)"));
        for (Map.Entry<Integer, BigDecimal> e : report.totals().byYear().entrySet()) {
            sheet.value(row, 0, "Année " + e.getKey());
            euros(sheet, row++, 1, e.getValue());
        }
        row++;
        header(sheet, row++, List.of("Part de l'enveloppe (année 1)", "Enveloppe (€)", "Déjà voté (€)",
                "Ce rapport (€)", "Reste (€)"));
        for (CommissionService.EnvelopePart p : report.totals().envelope()) {
            sheet.value(row, 0, p.nature().label());
            euros(sheet, row, 1, p.available());
            euros(sheet, row, 2, p.committed());
            euros(sheet, row, 3, p.proposed());
            euros(sheet, row++, 4, p.remaining());
        }
        row++;
        header(sheet, row++, List.of("Acte juridique", "Lignes"));
        for (Map.Entry<String, Integer> e : report.totals().byInstrument().entrySet()) {
            sheet.value(row, 0, e.getKey());
            sheet.value(row++, 1, e.getValue());
        }
        sheet.width(0, 32);
        for (int c = 1; c < 5; c++) {
            sheet.width(c, 18);
        }
    }

    private static void header(Worksheet sheet, int row, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(row, c, names.get(c));
            sheet.style(row, c).bold().set();
        }
    }

    private static void euros(Worksheet sheet, int row, int column, BigDecimal amount) {
        if (amount != null) {
            sheet.value(row, column, amount);
            sheet.style(row, column).format(EUROS).set();
        }
    }
}
