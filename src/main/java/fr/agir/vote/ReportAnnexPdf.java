package fr.agir.vote;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfTableBuilder;
import fr.agir.shared.PdfTableBuilder.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's annex as a PDF for the assembly's services: landscape A4, one row per line (header
 * repeated on each page), then the totals per year, per part of the envelope and per legal act.
 * Plain PDF for now: PDF/A comes with issue 16.
 */
final class ReportAnnexPdf {
    private ReportAnnexPdf() {
    }

    static byte[] of(CommissionService.Report report) {
        boolean voted = report.sitting().getStatus() == CommissionSitting.Status.VOTED;
        PdfTableBuilder pdf = new PdfTableBuilder(ReportAnnex.title(report)).heading(ReportAnnex.title(report))
                .paragraph("Appel à projets : " + report.campaign().getName() + ". "
                        + ReportAnnex.count(report.lines().size()) + (voted
                        ? ". Délibération " + report.sitting().getDeliberationNumber() + " du "
                        + French.date(report.sitting().getDeliberationDate()) + " : montants votés."
                        : " : montants proposés. " + ReportAnnex.ADJUSTED_MARK
                        + " montant ajusté par la DIEESS (la proposition du jury est conservée)."));
        List<Column> columns = new ArrayList<>(List.of(new Column("Structure", 14, false),
                new Column("SIRET / RNA", 11.5f, false), new Column("Commune", 8, false), new Column("EPT", 8, false),
                new Column("Projet", 13, false), new Column("Thématique", 10.5f, false),
                new Column(voted ? "Voté année 1" : "Proposé année 1", 7.5f, true),
                new Column(voted ? "Voté année 2" : "Proposé année 2", 7.5f, true), new Column("Durée", 4, false),
                new Column("Acte juridique", 8.5f, false), new Column("Déport", 5, false)));
        if (voted) {
            columns.add(new Column("Décision", 6, false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (CommissionService.LineView v : report.lines()) {
            ReportLine l = v.line();
            Map<Integer, BigDecimal> amounts = ReportAnnex.amounts(l);
            String mark = ReportAnnex.adjustedShown(l) ? " " + ReportAnnex.ADJUSTED_MARK : "";
            Integer duration = ReportAnnex.duration(l);
            List<String> row = new ArrayList<>(List.of(v.structure().getName(), ReportAnnex.identifier(v),
                    text(v.structure().getCommune()), v.structure().getEpt() == null ? "" : v.structure().getEpt().label(),
                    text(v.application().getTitle()),
                    v.application().getThematic() == null ? "" : v.application().getThematic().label(),
                    money(amounts.get(1), mark), money(amounts.get(2), mark),
                    duration == null ? "" : French.years(duration), v.instrumentLabel(), ReportAnnex.deport(v)));
            if (voted) {
                row.add(ReportAnnex.outcome(l));
            }
            rows.add(row);
        }
        pdf.table(columns, rows);

        pdf.section("Totaux par année");
        pdf.table(List.of(new Column("Année", 1, false), new Column(voted ? "Total voté" : "Total proposé", 1, true)),
                report.totals().byYear().entrySet().stream()
                        .map(e -> List.of("Année " + e.getKey(), Money.format(e.getValue()))).toList(), 0.35f);
        pdf.section("Enveloppe de l'appel à projets, première année, par part");
        pdf.table(List.of(new Column("Part", 1, false), new Column("Enveloppe", 1, true),
                        new Column("Déjà voté", 1, true), new Column("Ce rapport", 1, true), new Column("Reste", 1, true)),
                report.totals().envelope().stream().map(p -> List.of(p.nature().label(), Money.format(p.available()),
                        Money.format(p.committed()), Money.format(p.proposed()),
                        Money.format(p.remaining()) + (p.over() ? " (dépassement)" : ""))).toList(), 0.75f);
        pdf.section("Actes juridiques");
        pdf.table(List.of(new Column("Acte", 1, false), new Column("Lignes", 1, true)),
                report.totals().byInstrument().entrySet().stream()
                        .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList(), 0.35f);
        return pdf.build();
    }

    private static String money(BigDecimal amount, String mark) {
        return amount == null ? "" : Money.format(amount) + mark;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
