package fr.agir.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays out simple French documents (agreements, receipts, letters) with PDFBox: titles,
 * wrapped paragraphs and key/value lines, new pages as needed. Text is limited to the
 * WinAnsi character set of the standard fonts (French accents, €).
 */
public class PdfDocumentBuilder {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<Line> lines = new ArrayList<>();
    private final String title;

    private record Line(String text, boolean bold, float size, float spaceBefore) {
    }

    public PdfDocumentBuilder(String title) {
        this.title = title;
    }

    public PdfDocumentBuilder heading(String text) {
        wrap(text, true, 15, 6);
        return this;
    }

    public PdfDocumentBuilder section(String text) {
        wrap(text, true, 11.5f, 12);
        return this;
    }

    public PdfDocumentBuilder paragraph(String text) {
        wrap(text, false, 10, 4);
        return this;
    }

    public PdfDocumentBuilder field(String label, String value) {
        wrap(label + " : " + (value == null ? "—" : value), false, 10, 2);
        return this;
    }

    public byte[] build() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Département de la Seine-Saint-Denis — Agir");
            PDPageContentStream content = null;
            float y = 0;
            for (Line line : lines) {
                float height = line.size() * 1.35f + line.spaceBefore();
                if (content == null || y - height < MARGIN) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                }
                y -= height;
                content.beginText();
                content.setFont(line.bold() ? bold : regular, line.size());
                content.newLineAtOffset(MARGIN, y);
                content.showText(line.text());
                content.endText();
            }
            if (content != null) {
                content.close();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void wrap(String text, boolean isBold, float size, float spaceBefore) {
        PDType1Font font = isBold ? bold : regular;
        boolean first = true;
        for (String paragraph : sanitize(text).split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) > WIDTH && !current.isEmpty()) {
                    lines.add(new Line(current.toString(), isBold, size, first ? spaceBefore : 0));
                    first = false;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(new Line(current.toString(), isBold, size, first ? spaceBefore : 0));
            first = false;
        }
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the standard fonts can draw: typographic spaces and quotes become plain ones. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.replace("\r", "").toCharArray()) {
            switch (c) {
                case '\u202f', '\u00a0', '\t' -> out.append(' ');
                case '\u2019', '\u2018' -> out.append('\'');
                case '\u2013', '\u2014' -> out.append('-');
                default -> out.append(c == '\n' || isWinAnsi(c) ? c : '?');
            }
        }
        return out.toString();
    }

    private static boolean isWinAnsi(char c) {
        return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || "€œŒ«»…".indexOf(c) >= 0;
    }
}
