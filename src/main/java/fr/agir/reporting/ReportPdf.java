package fr.agir.reporting;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.shared.PdfTableBuilder;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The submitted report as a PDF/A-2b (Cerfa 15059*02's three parts), produced at each submission and kept on
 * the report: what the structure sent, as it sent it.
 */
@Component
class ReportPdf {
    private static final List<PdfTableBuilder.Column> COLUMNS = List.of(
            new PdfTableBuilder.Column("Compte", 0.09f, false),
            new PdfTableBuilder.Column("Libellé", 0.35f, false),
            new PdfTableBuilder.Column("Prévu", 0.16f, true),
            new PdfTableBuilder.Column("Réalisé", 0.16f, true),
            new PdfTableBuilder.Column("Écart", 0.24f, true));

    private final StructureService structures;
    private final fr.agir.security.People people;

    ReportPdf(StructureService structures, fr.agir.security.People people) {
        this.structures = structures;
        this.people = people;
    }

    byte[] render(ReportSheet sheet) {
        Report report = sheet.report();
        String title = "Compte rendu financier " + sheet.application().getReference() + " — année "
                + report.getGrantYear();
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(title).numberPages()
                .heading("Compte rendu financier de l'action subventionnée")
                .paragraph("Cerfa n° 15059*02 — arrêté du 11 octobre 2006")
                .field("Structure", structures.get(sheet.application().getStructureId()).getName())
                .field("Candidature", sheet.application().getReference() + " « " + sheet.application().getTitle() + " »")
                .field("Année de la subvention", String.valueOf(report.getGrantYear()))
                .field("Remis le", report.getSubmittedAt() == null ? null : French.dateTime(report.getSubmittedAt()))
                .field("Remis par", report.getSubmittedBy() == null ? null : people.name(report.getSubmittedBy()));
        ReportSheet.Content c = sheet.content();
        pdf.section("1. Bilan qualitatif de l'action")
                .field("Actions réalisées au regard des objectifs", c.actions())
                .field("Nombre de personnes touchées", c.publicReached() == null ? null : String.valueOf(c.publicReached()))
                .field("Dates et lieux de réalisation", c.datesPlaces())
                .field("Indicateurs annoncés : résultats obtenus", c.indicators());
        pdf.section("2. Tableau de synthèse (charges et produits de l'action)")
                .table(COLUMNS, rows(sheet.charges(), "Total des charges", sheet.total(true, false),
                        sheet.total(true, true)), true)
                .table(COLUMNS, rows(sheet.products(), "Total des produits", sheet.total(false, false),
                        sheet.total(false, true)), true);
        pdf.section("3. Annexe explicative")
                .paragraph("Écarts de plus de " + sheet.thresholdText() + " (ou montants non prévus) et leur explication :");
        if (sheet.explained().isEmpty()) {
            pdf.bullet("Aucun écart significatif.");
        }
        sheet.explained().forEach(r -> pdf.bullet(r.account() + " " + r.label() + " : " + r.gapText() + " — "
                + (r.explanation() == null ? "—" : r.explanation())));
        pdf.field("Utilisation de la subvention du Département", c.grantUse())
                .field("Part de la subvention employée", Money.format(sheet.spentGrant()))
                .field("Part de la subvention non employée", c.unspent() == null ? null : Money.format(c.unspent()));
        pdf.section("Pièces jointes (dossier de la structure)");
        if (sheet.pieces().isEmpty()) {
            pdf.bullet("Aucune pièce disponible dans le dossier de la structure lors de l'envoi.");
        }
        sheet.pieces().forEach(d -> pdf.bullet(d.getType().label() + " : " + d.getOriginalName() + " (version "
                + d.getVersionNumber() + ", SHA-256 " + d.getSha256() + ")"));
        return pdf.build();
    }

    private static List<List<String>> rows(List<ReportSheet.Row> rows, String totalLabel, BigDecimal forecast,
                                           BigDecimal actual) {
        List<List<String>> out = new ArrayList<>();
        rows.stream().filter(r -> r.forecast().signum() != 0 || r.actual() != null && r.actual().signum() != 0)
                .forEach(r -> out.add(List.of(r.account(), r.label(), Money.format(r.forecast()),
                        r.actual() == null ? "—" : Money.format(r.actual()), r.gapText())));
        out.add(List.of("", totalLabel, Money.format(forecast), Money.format(actual),
                Money.format(actual.subtract(forecast))));
        return out;
    }
}
