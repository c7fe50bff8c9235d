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
 * Lays out tabular French documents (a report's annex) on landscape A4 with PDFBox: a title, tables
 * whose header row is repeated on every page they run over, cells wrapped within their column, short
 * paragraphs, and "page x / n" at the foot of each page. PDF/A-2b with the same fonts as
 * {@link PdfDocumentBuilder} ({@link PdfA}).
 */
public class PdfTableBuilder {
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float SIZE = 7.5f;
    private static final float LEADING = SIZE * 1.25f;
    private static final float PADDING = 2.5f;
    private static final int MAX_CELL_LINES = 3;

    private final String title;
    private final List<Object> blocks = new ArrayList<>();

    /** A column: its header, its share of the page's width, and whether its cells align right (amounts). */
    public record Column(String header, float share, boolean right) {
    }

    private record Text(String text, boolean bold, float size, float spaceBefore) {
    }

    private record Table(List<Column> columns, List<List<String>> rows, float width) {
    }

    public PdfTableBuilder(String title) {
        this.title = title;
    }

    public PdfTableBuilder heading(String text) {
        blocks.add(new Text(text, true, 13, 0));
        return this;
    }

    public PdfTableBuilder section(String text) {
        blocks.add(new Text(text, true, 10.5f, 10));
        return this;
    }

    public PdfTableBuilder paragraph(String text) {
        blocks.add(new Text(text, false, 8.5f, 3));
        return this;
    }

    /** A table across the page; each row has one cell per column (null is blank). */
    public PdfTableBuilder table(List<Column> columns, List<List<String>> rows) {
        return table(columns, rows, 1);
    }

    /** A table over {@code share} of the page's width (a short summary reads better narrow). */
    public PdfTableBuilder table(List<Column> columns, List<List<String>> rows, float share) {
        blocks.add(new Table(List.copyOf(columns), rows, WIDTH * share));
        return this;
    }

    public byte[] build() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Cursor cursor = new Cursor(document, PdfA.fonts(document));
            PDFont regular = cursor.fonts.regular();
            for (Object block : blocks) {
                if (block instanceof Text t) {
                    text(cursor, t);
                } else {
                    table(cursor, (Table) block);
                }
            }
            cursor.close();
            int n = document.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = "page " + (i + 1) + " / " + n;
                    show(footer, regular, SIZE, PAGE.getWidth() - MARGIN - width(regular, SIZE, label), MARGIN / 2, label);
                    show(footer, regular, SIZE, MARGIN, MARGIN / 2, PdfA.printable(title));
                }
            }
            PdfA.archivable(document, title);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the next thing is drawn; opens a page when the current one is full. */
    private static final class Cursor {
        private final PDDocument document;
        private final PdfA.Fonts fonts;
        private PDPageContentStream content;
        private float y;

        Cursor(PDDocument document, PdfA.Fonts fonts) {
            this.document = document;
            this.fonts = fonts;
        }

        boolean fits(float height) {
            return content != null && y - height >= MARGIN;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    private static void text(Cursor cursor, Text t) throws IOException {
        PDFont font = cursor.fonts.of(t.bold());
        List<String> lines = wrap(font, t.size(), t.text(), WIDTH, Integer.MAX_VALUE);
        float spaceBefore = t.spaceBefore();
        for (String line : lines) {
            float height = t.size() * 1.35f + spaceBefore;
            // A heading keeps a few rows of what follows with it on its page.
            if (!cursor.fits(height + (t.bold() ? 4 * (LEADING + 2 * PADDING) : 0))) {
                cursor.newPage();
            }
            cursor.y -= height;
            show(cursor.content, font, t.size(), MARGIN, cursor.y, line);
            spaceBefore = 0;
        }
    }

    private static void table(Cursor cursor, Table table) throws IOException {
        float total = (float) table.columns().stream().mapToDouble(Column::share).sum();
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.width() * table.columns().get(i).share() / total;
        }
        PDFont regular = cursor.fonts.regular();
        PDFont bold = cursor.fonts.bold();
        List<List<String>> header = cells(bold, table.columns().stream().map(Column::header).toList(), widths);
        float headerHeight = height(header);
        boolean headerDrawn = false;
        for (List<String> row : table.rows()) {
            List<List<String>> cells = cells(regular, row, widths);
            float height = height(cells);
            if (!headerDrawn || !cursor.fits(height)) {
                if (!cursor.fits(headerHeight + height + 4)) {
                    cursor.newPage();
                } else {
                    cursor.y -= 4;
                }
                row(cursor, table, widths, header, headerHeight, bold, true);
                headerDrawn = true;
            }
            row(cursor, table, widths, cells, height, regular, false);
        }
    }

    private static List<List<String>> cells(PDFont font, List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String value = i < row.size() && row.get(i) != null ? row.get(i) : "";
            cells.add(wrap(font, SIZE, value, widths[i] - 2 * PADDING, MAX_CELL_LINES));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * PADDING;
    }

    private static void row(Cursor cursor, Table table, float[] widths, List<List<String>> cells, float height,
                     PDFont font, boolean header) throws IOException {
        List<Column> columns = table.columns();
        PDPageContentStream c = cursor.content;
        float top = cursor.y;
        if (header) {
            c.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            c.addRect(MARGIN, top - height, table.width(), height);
            c.fill();
            c.setNonStrokingColor(0f, 0f, 0f);
        }
        c.setLineWidth(0.3f);
        c.moveTo(MARGIN, top - height);
        c.lineTo(MARGIN + table.width(), top - height);
        c.stroke();
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float lineY = top - PADDING - SIZE;
            for (String line : cells.get(i)) {
                float at = columns.get(i).right()
                        ? x + widths[i] - PADDING - width(font, SIZE, line) : x + PADDING;
                show(c, font, SIZE, at, lineY, line);
                lineY -= LEADING;
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

    /** Words wrapped to {@code width}; beyond {@code maxLines} the last line ends with "…". */
    private static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : PdfA.printable(text).split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
        }
        List<String> fitted = new ArrayList<>();
        for (String line : lines) {
            String l = line;
            while (width(font, size, l) > width && l.length() > 1) {
                l = l.substring(0, l.length() - 2) + "…";
            }
            fitted.add(l);
        }
        if (fitted.size() > maxLines) {
            List<String> cut = new ArrayList<>(fitted.subList(0, maxLines));
            String last = cut.get(maxLines - 1);
            while (width(font, size, last + "…") > width && last.length() > 1) {
                last = last.substring(0, last.length() - 1);
            }
            cut.set(maxLines - 1, last + "…");
            return cut;
        }
        return fitted;
    }

    private static float width(PDFont font, float size, String text) {
        return PdfA.width(font, size, text);
    }
}
