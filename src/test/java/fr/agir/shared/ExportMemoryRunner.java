package fr.agir.shared;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Run by {@link ExportMemoryTest} in a JVM of its own capped at 256 MB of heap: {@code rows} rows read by a JDBC
 * cursor (H2 in memory, MariaDB mode, fetch size 500, as the exports do) and written by {@link TabularExport} in
 * the format asked, each row carrying 8 texts of 1,000 accented characters: the file's text is far larger than
 * the heap (20,000 rows: 160 million characters, not Latin-1 — « œ », « € » —, so 320 MB as Java strings), so
 * the run only ends if nothing is kept but the current row. The file goes to a stream that counts its bytes and
 * line ends (what the exports write is read back in ExportIT). Prints "bytes=<n> lines=<n> chars=<n>
 * peakHeapMB=<n> maxHeapMB=<n>" and exits 0; any failure (OutOfMemoryError) exits non-zero.
 */
public final class ExportMemoryRunner {
    private static final int TEXTS = 8;
    private static final int TEXT_LENGTH = 1000;

    private ExportMemoryRunner() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        TabularExport.Format format = TabularExport.Format.of(args[1]);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:export;MODE=MariaDB;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE line (id BIGINT PRIMARY KEY, reference VARCHAR(40), amount DECIMAL(15,2))");
        jdbc.update("INSERT INTO line SELECT X, CONCAT('AGIR-', X), X * 1.5 FROM SYSTEM_RANGE(1, ?)", rows);
        jdbc.setFetchSize(500);
        List<String> header = new ArrayList<>(List.of("Référence", "Montant (€)"));
        for (int t = 0; t < TEXTS; t++) {
            header.add("Texte " + (t + 1));
        }
        long[] chars = {0};
        Counting counted = new Counting();
        try (OutputStream out = new BufferedOutputStream(counted, 64 * 1024)) {
            TabularExport export = TabularExport.of(format, out, "Lignes", header);
            jdbc.query("SELECT id, reference, amount FROM line ORDER BY id", rs -> {
                List<Object> cells = new ArrayList<>(List.of(rs.getString(2), rs.getBigDecimal(3)));
                for (int t = 0; t < TEXTS; t++) {
                    String text = text(rs.getLong(1), t);
                    chars[0] += text.length();
                    cells.add(text);
                }
                try {
                    export.row(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            export.finish();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("bytes=" + counted.bytes + " lines=" + counted.lines + " chars=" + chars[0] + " peakHeapMB=" + peak / (1024 * 1024)
                + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** A text of its own per row and column (no string is shared), starting with '=' now and then. */
    private static String text(long id, int column) {
        StringBuilder b = new StringBuilder(TEXT_LENGTH);
        b.append(id % 97 == 0 ? "=" : "").append("ligne ").append(id).append(" colonne ").append(column).append(' ');
        while (b.length() < TEXT_LENGTH) {
            b.append("œuvre € ");
        }
        b.setLength(TEXT_LENGTH);
        return b.toString();
    }

    /** Where the file goes: nowhere, counted (bytes, and line ends for the CSV). */
    private static final class Counting extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
