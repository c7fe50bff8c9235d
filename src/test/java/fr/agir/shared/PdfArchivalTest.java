package fr.agir.shared;

import static fr.agir.shared.PdfAValidation.assertPdfA2b;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

/**
 * Every PDF Agir produces is drawn by {@link PdfDocumentBuilder} or {@link PdfTableBuilder}: both give
 * PDF/A-2b files (veraPDF, zero failures) whose text reads back with its French typography. The
 * documents themselves are checked where they are built (receipt, letters, agreement, arrêté,
 * minutes, annex: see the tests calling {@link PdfAValidation}).
 */
class PdfArchivalTest {
    private static final String FRENCH = "L’association « Les Jardins d’Œudeville » s’engage à réaliser l’action"
            + "\u00a0: 12\u202f000,00\u00a0€ — ça coûte cher ; naïveté, où, Ÿ, ê.";

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aDocumentIsPdfA2bWithEmbeddedFontsMetadataAndOutputIntent() throws Exception {
        PdfDocumentBuilder builder = new PdfDocumentBuilder("Convention CPO-2026-000001 — essai")
                .heading("Convention pluriannuelle d’objectifs").section("Article 1 — Objet").paragraph(FRENCH)
                .field("Montant", Money.format(new BigDecimal("34000.00"))).field("Vide", null)
                .paragraph("Ligne 1\nLigne 2\tavec tabulation\r\n✓ 中 😀");
        for (int i = 0; i < 80; i++) {
            builder.paragraph("Paragraphe " + i + " : " + "texte ".repeat(30));
        }
        byte[] pdf = builder.build();

        assertPdfA2b(pdf);
        String text = text(pdf);
        assertThat(text).contains("L’association « Les Jardins d’Œudeville » s’engage", "12\u202f000,00\u00a0€",
                "— ça coûte cher ;", "naïveté, où, Ÿ, ê.", "Montant : 34 000,00 €", "Vide : —", "? ? ?", "Paragraphe 79");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            }
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Convention CPO-2026-000001 — essai");
            assertThat(info.getCreator()).isEqualTo("Agir");
            assertThat(info.getProducer()).isEqualTo("Agir");
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id.getPart()).isEqualTo(2);
            assertThat(id.getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Convention CPO-2026-000001 — essai");
            assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo("Agir");
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).singleElement().satisfies(intent ->
                    assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
            assertThat(document.isEncrypted()).isFalse();
        }
    }

    @Test
    void aTableDocumentWithItsShadedHeadersIsPdfA2b() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            rows.add(List.of("Association « Ligne " + i + " » d’Aubervilliers", Money.format(new BigDecimal(i * 1000))));
        }
        byte[] pdf = new PdfTableBuilder("Annexe au rapport — séance n° CP-2026-11").heading("Annexe au rapport — séance")
                .paragraph(FRENCH)
                .table(List.of(new PdfTableBuilder.Column("Structure", 3, false),
                        new PdfTableBuilder.Column("Montant", 1, true)), rows)
                .section("Totaux").table(List.of(new PdfTableBuilder.Column("Année", 1, false),
                        new PdfTableBuilder.Column("Montant", 1, true)), List.of(List.of("Année 1", "89 000,00 €")), 0.4f)
                .build();

        assertPdfA2b(pdf);
        assertThat(text(pdf)).contains("Association « Ligne 89 » d’Aubervilliers", "89\u202f000,00\u00a0€".replace('\u202f', ' ')
                .replace('\u00a0', ' '), "L’association « Les Jardins d’Œudeville »", "page 1 / ",
                "Annexe au rapport — séance n° CP-2026-11");
    }

    @Test
    void thePlainPdfsAgirUsedToWriteAreNotPdfA2b() throws Exception {
        // What the builders wrote before: a standard font, not embedded, no metadata, no output intent.
        try (PDDocument document = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 10);
                content.showText("Convention");
                content.endText();
            }
            document.save(out);
            assertThat(PdfAValidation.failures(out.toByteArray())).as("veraPDF does fail a plain PDF").isNotEmpty();
        }
    }

    @Test
    void anEmptyDocumentIsStillPdfA2b() {
        assertPdfA2b(new PdfDocumentBuilder("Vide").build());
    }
}
