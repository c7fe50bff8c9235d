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
 * wrapped paragraphs, lists, key/value lines and tables, new pages as needed, "page n / N" on demand. The result is PDF/A-2b
 * ({@link PdfA}: embedded Liberation Sans, XMP metadata, sRGB output intent); French typography
 * (« », ’, non-breaking spaces, €) is drawn as typed.
 */
public class PdfDocumentBuilder {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private static final float CELL_SIZE = 9;
    private static final float CELL_LEADING = CELL_SIZE * 1.3f;
    private static final float PADDING = 3;
    private static final float BULLET_INDENT = 14;

    private final List<Object> blocks = new ArrayList<>();
    private final String title;
    private boolean numberPages;

    /** What was asked for, wrapped into lines once the document and its fonts exist. */
    private record Block(String text, boolean bold, float size, float spaceBefore, boolean bullet) {
    }

    /** A table across the page (columns as {@link PdfTableBuilder.Column}), its header repeated on a new page. */
    private record Table(List<PdfTableBuilder.Column> columns, List<List<String>> rows, boolean lastRowBold) {
    }

    private enum PageBreak { INSTANCE }

    private record Line(String text, boolean bold, float size, float spaceBefore, float indent) {
    }

    public PdfDocumentBuilder(String title) {
        this.title = title;
    }

    public PdfDocumentBuilder heading(String text) {
        blocks.add(new Block(text, true, 15, 6, false));
        return this;
    }

    public PdfDocumentBuilder section(String text) {
        blocks.add(new Block(text, true, 11.5f, 12, false));
        return this;
    }

    public PdfDocumentBuilder paragraph(String text) {
        blocks.add(new Block(text, false, 10, 4, false));
        return this;
    }

    /** An item of a list: "–" then the text, its following lines indented under the text. */
    public PdfDocumentBuilder bullet(String text) {
        blocks.add(new Block(text, false, 10, 2, true));
        return this;
    }

    public PdfDocumentBuilder field(String label, String value) {
        blocks.add(new Block(label + " : " + (value == null ? "—" : value), false, 10, 2, false));
        return this;
    }

    /**
     * A table across the page: a shaded header row (repeated when the table runs over a page), cells
     * wrapped within their column, amounts aligned right; {@code lastRowBold} for a total row.
     */
    public PdfDocumentBuilder table(List<PdfTableBuilder.Column> columns, List<List<String>> rows, boolean lastRowBold) {
        blocks.add(new Table(List.copyOf(columns), List.copyOf(rows), lastRowBold));
        return this;
    }

    /** What follows starts on a new page. */
    public PdfDocumentBuilder pageBreak() {
        blocks.add(PageBreak.INSTANCE);
        return this;
    }

    /** "page n / N" and the title at the foot of every page. */
    public PdfDocumentBuilder numberPages() {
        this.numberPages = true;
        return this;
    }

    public byte[] build() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfA.Fonts fonts = PdfA.fonts(document);
            Cursor cursor = new Cursor(document, numberPages ? MARGIN + 14 : MARGIN);
            for (int i = 0; i < blocks.size(); i++) {
                Object block = blocks.get(i);
                if (block instanceof Block b) {
                    List<Line> lines = new ArrayList<>();
                    wrap(lines, fonts.of(b.bold()), b);
                    // A heading keeps the first lines of what follows with it on its page.
                    float keep = b.bold() && i + 1 < blocks.size() ? 3 * 10 * 1.35f : 0;
                    for (Line line : lines) {
                        float height = line.size() * 1.35f + line.spaceBefore();
                        if (!cursor.fits(height + keep)) {
                            cursor.newPage();
                        }
                        cursor.y -= height;
                        show(cursor.content, fonts.of(line.bold()), line.size(), MARGIN + line.indent(), cursor.y,
                                line.text());
                    }
                } else if (block instanceof Table t) {
                    table(cursor, fonts, t);
                } else {
                    cursor.close();
                }
            }
            cursor.close();
            if (document.getNumberOfPages() == 0) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            if (numberPages) {
                int n = document.getNumberOfPages();
                for (int i = 0; i < n; i++) {
                    try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                            PDPageContentStream.AppendMode.APPEND, true)) {
                        String label = "page " + (i + 1) + " / " + n;
                        float size = 8;
                        show(footer, fonts.regular(), size, PDRectangle.A4.getWidth() - MARGIN
                                - width(fonts.regular(), size, label), MARGIN / 2, label);
                        show(footer, fonts.regular(), size, MARGIN, MARGIN / 2, PdfA.printable(title));
                    }
                }
            }
            PdfA.archivable(document, title);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the next thing is drawn; a page is opened when the current one is full (or closed). */
    private static final class Cursor {
        private final PDDocument document;
        private final float bottom;
        private PDPageContentStream content;
        private float y;

        Cursor(PDDocument document, float bottom) {
            this.document = document;
            this.bottom = bottom;
        }

        boolean fits(float height) {
            return content != null && y - height >= bottom;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    private static void table(Cursor cursor, PdfA.Fonts fonts, Table table) throws IOException {
        float total = (float) table.columns().stream().mapToDouble(PdfTableBuilder.Column::share).sum();
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * table.columns().get(i).share() / total;
        }
        List<List<String>> header = cells(fonts.bold(), table.columns().stream()
                .map(PdfTableBuilder.Column::header).toList(), widths);
        boolean headerDrawn = false;
        for (int r = 0; r < table.rows().size(); r++) {
            PDFont font = table.lastRowBold() && r == table.rows().size() - 1 ? fonts.bold() : fonts.regular();
            List<List<String>> cells = cells(font, table.rows().get(r), widths);
            if (!headerDrawn || !cursor.fits(height(cells))) {
                if (!cursor.fits(height(header) + height(cells) + 6)) {
                    cursor.newPage();
                } else {
                    cursor.y -= 6;
                }
                row(cursor, table, widths, header, fonts.bold(), true);
                headerDrawn = true;
            }
            row(cursor, table, widths, cells, font, false);
        }
        cursor.y -= 4;
    }

    private static List<List<String>> cells(PDFont font, List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            List<Line> lines = new ArrayList<>();
            String value = i < row.size() && row.get(i) != null ? row.get(i) : "";
            wrap(lines, font, new Block(value, false, CELL_SIZE, 0, false), widths[i] - 2 * PADDING);
            cells.add(lines.stream().map(Line::text).toList());
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * CELL_LEADING + 2 * PADDING;
    }

    private static void row(Cursor cursor, Table table, float[] widths, List<List<String>> cells, PDFont font,
                            boolean header) throws IOException {
        PDPageContentStream c = cursor.content;
        float top = cursor.y;
        float height = height(cells);
        if (header) {
            c.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            c.addRect(MARGIN, top - height, WIDTH, height);
            c.fill();
            c.setNonStrokingColor(0f, 0f, 0f);
            c.setLineWidth(0.3f);
            c.moveTo(MARGIN, top);
            c.lineTo(MARGIN + WIDTH, top);
            c.stroke();
        }
        c.setLineWidth(0.3f);
        c.moveTo(MARGIN, top - height);
        c.lineTo(MARGIN + WIDTH, top - height);
        c.stroke();
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float lineY = top - PADDING - CELL_SIZE;
            for (String line : cells.get(i)) {
                float at = table.columns().get(i).right()
                        ? x + widths[i] - PADDING - width(font, CELL_SIZE, line) : x + PADDING;
                show(c, font, CELL_SIZE, at, lineY, line);
                lineY -= CELL_LEADING;
            }
            x += widths[i];
        }
        cursor.y = top - height;
    }

    private static void show(PDPageContentStream c, PDFont font, float size, float x, float y, String text)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(text);
        c.endText();
    }

    private static void wrap(List<Line> lines, PDFont font, Block block) {
        wrap(lines, font, block, WIDTH);
    }

    private static void wrap(List<Line> lines, PDFont font, Block block, float available) {
        boolean first = true;
        float indent = block.bullet() ? BULLET_INDENT : 0;
        for (String paragraph : PdfA.printable(block.text()).split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, block.size(), candidate) > available - indent && !current.isEmpty()) {
                    add(lines, block, current.toString(), first, indent);
                    first = false;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            add(lines, block, current.toString(), first, indent);
            first = false;
        }
    }

    private static void add(List<Line> lines, Block block, String text, boolean first, float indent) {
        if (block.bullet() && first) {
            // The dash hangs in the margin of the item's text.
            lines.add(new Line("–  " + text, block.bold(), block.size(), block.spaceBefore(), indent - 9));
        } else {
            lines.add(new Line(text, block.bold(), block.size(), first ? block.spaceBefore() : 0, indent));
        }
    }

    private static float width(PDFont font, float size, String text) {
        return PdfA.width(font, size, text);
    }
}
