package fr.agir.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every CSV file Agir writes: ';'-separated, CRLF line ends, a cell quoted when it holds a separator, a
 * quote or a line break, and a cell starting with '=', '+', '-', '@', a tab or a carriage return
 * neutralised by a leading apostrophe (formula injection: "=HYPERLINK(…)" in a structure's name must not
 * become a formula in the spreadsheet that opens the file). Amounts are written by the callers, never
 * negative, so their cells are not touched.
 */
public final class Csv {
    public static final String SEPARATOR = ";";
    public static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** One cell, neutralised and quoted as needed; null is the empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = neutralised(value);
        if (v.contains(SEPARATOR) || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /**
     * The one rule against formula injection, for CSV and XLSX alike ({@link TabularExport}): a text starting
     * with '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe; null stays null.
     */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Appends one line of cells. */
    public static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(SEPARATOR))).append(LINE_END);
    }
}
