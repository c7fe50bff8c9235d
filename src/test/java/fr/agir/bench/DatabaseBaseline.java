package fr.agir.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The database's own insert+commit rate: plain JDBC, the same number of rows and commits as the
 * lifecycle run wrote, on the same pool and READ COMMITTED, in a table of four columns and a
 * secondary index. The physical limit of the machine for that much durable writing.
 */
final class DatabaseBaseline {
    private final DataSource dataSource;

    DatabaseBaseline(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS bench_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "ref BIGINT NOT NULL, label VARCHAR(100) NOT NULL, at DATETIME(6) NOT NULL, KEY ix_bench_ref (ref))");
        }
    }

    /** Thread {@code part} of {@code parts}: its share of {@code commits} transactions writing {@code rows} rows in all. */
    void write(int part, int parts, long rows, long commits) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO bench_insert (ref, label, at) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (long tx = part; tx < commits; tx += parts) {
                long from = rows * tx / commits;
                long to = rows * (tx + 1) / commits;
                for (long r = from; r < to; r++) {
                    insert.setLong(1, r);
                    insert.setString(2, "ligne " + r);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
