package fr.agir.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out simple French documents (agreements, receipts, letters) with PDFBox: titles,
 * wrapped paragraphs and key/value lines, new pages as needed. The result is PDF/A-2b
 * ({@link PdfA}: embedded Liberation Sans, XMP metadata, sRGB output intent); French typography
 * (« », ’, non-breaking spaces, €) is drawn as typed.
 */
public class PdfDocumentBuilder {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final List<Block> blocks = new ArrayList<>();
    private final String title;

    /** What was asked for, wrapped into lines once the document and its fonts exist. */
    private record Block(String text, boolean bold, float size, float spaceBefore) {
    }

    private record Line(String text, boolean bold, float size, float spaceBefore) {
    }

    public PdfDocumentBuilder(String title) {
        this.title = title;
    }

    public PdfDocumentBuilder heading(String text) {
        blocks.add(new Block(text, true, 15, 6));
        return this;
    }

    public PdfDocumentBuilder section(String text) {
        blocks.add(new Block(text, true, 11.5f, 12));
        return this;
    }

    public PdfDocumentBuilder paragraph(String text) {
        blocks.add(new Block(text, false, 10, 4));
        return this;
    }

    public PdfDocumentBuilder field(String label, String value) {
        blocks.add(new Block(label + " : " + (value == null ? "—" : value), false, 10, 2));
        return this;
    }

    public byte[] build() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfA.Fonts fonts = PdfA.fonts(document);
            List<Line> lines = new ArrayList<>();
            for (Block block : blocks) {
                wrap(lines, fonts.of(block.bold()), block);
            }
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
                content.setFont(fonts.of(line.bold()), line.size());
                content.newLineAtOffset(MARGIN, y);
                content.showText(line.text());
                content.endText();
            }
            if (content != null) {
                content.close();
            } else {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            PdfA.archivable(document, title);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wrap(List<Line> lines, PDFont font, Block block) {
        boolean first = true;
        for (String paragraph : PdfA.printable(block.text()).split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, block.size(), candidate) > WIDTH && !current.isEmpty()) {
                    lines.add(new Line(current.toString(), block.bold(), block.size(), first ? block.spaceBefore() : 0));
                    first = false;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(new Line(current.toString(), block.bold(), block.size(), first ? block.spaceBefore() : 0));
            first = false;
        }
    }

    private static float width(PDFont font, float size, String text) {
        return PdfA.width(font, size, text);
    }
}
