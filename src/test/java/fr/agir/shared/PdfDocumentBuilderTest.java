package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocumentBuilderTest {

    @Test
    void writesFrenchTextAndAmountsThatCanBeReadBack() throws Exception {
        byte[] pdf = new PdfDocumentBuilder("Convention CPO-2026-000001")
                .heading("Convention pluriannuelle d'objectifs")
                .paragraph("L’association s’engage à réaliser l’action — « Atelier vélo » — en Seine-Saint-Denis.")
                .field("Montant", Money.format(new BigDecimal("34000.00")))
                .build();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Convention CPO-2026-000001");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Convention pluriannuelle d'objectifs", "L’association s’engage à réaliser",
                    "« Atelier vélo »", "Montant : 34 000,00 €");
        }
    }

    @Test
    void longTextFlowsOntoNewPages() throws Exception {
        PdfDocumentBuilder builder = new PdfDocumentBuilder("Long");
        for (int i = 0; i < 200; i++) {
            builder.paragraph("Paragraphe " + i + " : " + "texte ".repeat(40));
        }
        try (PDDocument document = Loader.loadPDF(builder.build())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
            assertThat(new PDFTextStripper().getText(document)).contains("Paragraphe 199");
        }
    }

    @Test
    void charactersTheFontCannotDrawAreReplacedNotFatal() {
        assertThat(PdfA.printable("Ünïcode ✓ 中 😀\tfin\r")).isEqualTo("Ünïcode ? ? ? fin");
        assertThat(PdfA.printable("« L’œuvre »\u00a0: 12\u202f000 € — Ŵ")).isEqualTo("« L’œuvre »\u00a0: 12\u202f000 € — Ŵ");
    }
}
