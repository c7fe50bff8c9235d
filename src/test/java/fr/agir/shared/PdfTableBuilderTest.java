package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTableBuilderTest {

    private static String page(PDDocument pdf, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderOnEachAndPagesNumbered() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(List.of("Ligne " + i, "Montant " + i));
        }
        byte[] bytes = new PdfTableBuilder("Annexe — essai").heading("Annexe — essai")
                .table(List.of(new PdfTableBuilder.Column("Intitulé", 3, false),
                        new PdfTableBuilder.Column("Colonne montant", 1, true)), rows)
                .section("Totaux").paragraph("Fin du document.").build();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
            for (int p = 1; p <= pages; p++) {
                String text = page(pdf, p);
                assertThat(text).contains("page " + p + " / " + pages, "Annexe — essai");
                if (p < pages) {
                    assertThat(text).as("header on page %d", p).contains("Colonne montant");
                }
            }
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains("Ligne 0", "Ligne 119", "Montant 119", "Totaux", "Fin du document.");
        }
    }

    @Test
    void aCellTooLongForThreeLinesEndsWithAnEllipsis() throws Exception {
        String longText = "mot ".repeat(200).strip();
        byte[] bytes = new PdfTableBuilder("Essai").table(List.of(new PdfTableBuilder.Column("Texte", 1, false),
                new PdfTableBuilder.Column("Autre", 5, false)), List.of(List.of(longText, "court"))).build();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("…", "court");
            assertThat(text.split("mot", -1).length - 1).as("cut after three lines").isLessThan(100);
        }
    }
}
