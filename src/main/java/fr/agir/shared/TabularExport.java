package fr.agir.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every spreadsheet export of Agir (queue, applications, jury ranking, installments, recovery orders): one
 * interface, a CSV writer and an XLSX writer behind it, both written row by row as the rows come (nothing
 * is kept but the current row: the CSV goes through a buffered writer, the XLSX sheet is flushed every
 * {@value #XLSX_FLUSH_EVERY} rows and its texts are inline strings, never a shared-strings table that grows).
 * A text cell goes through the one rule against formula injection, {@link Csv#neutralised(String)}, in both
 * formats. Cells: {@code String}, {@code BigDecimal}/{@code Number} (a number in XLSX, French decimals in CSV),
 * {@code LocalDate}/{@code Instant} (dd/mm/yyyy), {@code Boolean} (« Oui »/« Non »), null (empty).
 */
public interface TabularExport {
    int XLSX_FLUSH_EVERY = 200;

    /** The two formats, as the address names them: {@code ?format=csv} or {@code ?format=xlsx}. */
    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() { return extension; }

        public String contentType() { return contentType; }

        /** "csv", "xlsx" or "excel"; anything else is an unknown address (404). */
        public static Format of(String name) {
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            return switch (n) {
                case "csv" -> CSV;
                case "xlsx", "excel" -> XLSX;
                default -> throw new NotFoundException("Format d'export inconnu : " + name);
            };
        }
    }

    /** What an export writes: its rows, one call of {@link #row} each, as they are read. */
    @FunctionalInterface
    interface Rows {
        void writeTo(TabularExport out) throws IOException;
    }

    /** One row of cells, in the header's order. */
    void row(List<?> cells) throws IOException;

    /** Ends the file (the XLSX's sheet and workbook; the CSV's buffer). */
    void finish() throws IOException;

    static TabularExport of(Format format, OutputStream out, String sheetName, List<String> header) throws IOException {
        TabularExport export = format == Format.CSV ? new CsvExport(out) : new XlsxExport(out, sheetName);
        export.row(header);
        return export;
    }

    /**
     * The download of an export: the response is streamed ({@link StreamingResponseBody}), the rows written
     * as {@code rows} produces them. The caller checks access and reads its input BEFORE calling this (a
     * refusal must be a 403/404, not a broken download).
     */
    static ResponseEntity<StreamingResponseBody> download(Format format, String fileBase, String sheetName,
                                                          List<String> header, Rows rows) {
        StreamingResponseBody body = out -> {
            TabularExport export = of(format, out, sheetName, header);
            rows.writeTo(export);
            export.finish();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileBase + "." + format.extension(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(format.contentType()))
                .body(body);
    }

    /** A cell as the CSV writes it (before quoting): the French way a civil servant's spreadsheet reads it. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString().replace('.', ',');
        }
        if (cell instanceof LocalDate d) {
            return French.date(d);
        }
        if (cell instanceof Instant i) {
            return French.date(i);
        }
        if (cell instanceof LocalDateTime t) {
            return French.date(t.toLocalDate());
        }
        if (cell instanceof Boolean b) {
            return b ? "Oui" : "Non";
        }
        return cell.toString();
    }

    /** ';'-separated, CRLF, UTF-8 with a byte-order mark (Excel then reads the accents), cells by {@link Csv#cell}. */
    final class CsvExport implements TabularExport {
        private final Writer writer;

        CsvExport(OutputStream out) throws IOException {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            writer.write('\uFEFF');
        }

        @Override
        public void row(List<?> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(Csv.SEPARATOR);
                }
                Object c = cells.get(i);
                // Numbers are written by Agir itself: not neutralised (a negative amount stays a number).
                writer.write(c instanceof Number ? text(c) : Csv.cell(text(c)));
            }
            writer.write(Csv.LINE_END);
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }

    /** One sheet, bold frozen header, numbers as numbers, dates as dates; flushed as it goes. */
    final class XlsxExport implements TabularExport {
        private static final String EUROS = "#,##0.00";
        private final Workbook workbook;
        private final Worksheet sheet;
        private final List<Integer> widths = new ArrayList<>();
        private int row;

        XlsxExport(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Agir", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell == null) {
                    continue;
                }
                if (cell instanceof BigDecimal d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format(EUROS).set();
                } else if (cell instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (cell instanceof LocalDate d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("dd/mm/yyyy").set();
                } else {
                    String v = Csv.neutralised(text(cell));
                    sheet.inlineString(row, c, v);
                    if (row == 0) {
                        sheet.style(row, c).bold().set();
                        widths.add(Math.max(12, Math.min(40, v.length() + 4)));
                    }
                }
            }
            if (row == 0) {
                sheet.freezePane(0, 1);
                for (int c = 0; c < widths.size(); c++) {
                    sheet.width(c, widths.get(c));
                }
            }
            row++;
            if (row % XLSX_FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
