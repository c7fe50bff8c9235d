package fr.agir.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB server of the test's own: its data directory (a fresh temporary one), its port, its
 * process, never the shared instance on 3306. Started with the settings Agir expects in production
 * (READ COMMITTED), stopped cleanly (SIGTERM, as {@code systemctl stop} does) and restarted on the
 * same data directory and port, to take the database away from running Agir nodes.
 */
final class OwnMariaDb implements AutoCloseable {
    private static final String SERVER = "/usr/sbin/mariadbd";

    private final Path dataDir;
    private final Path log;
    final int port = freePort();
    private Process process;

    private OwnMariaDb(Path dataDir, Path log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Installs a fresh data directory (root without password, no test database) and starts the server. */
    static OwnMariaDb start(Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path dataDir = Files.createTempDirectory("agir-mariadb-");
        Path log = logDir.resolve("mariadb.log");
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + dataDir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(logDir.resolve("mariadb-install.log").toFile()).start();
        if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed, see " + logDir.resolve("mariadb-install.log"));
        }
        OwnMariaDb db = new OwnMariaDb(dataDir, log);
        db.start();
        return db;
    }

    /** Starts the server (again) on the same data directory and port, and waits until it answers. */
    synchronized void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(SERVER, "--no-defaults", "--datadir=" + dataDir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("sock"),
                "--pid-file=" + dataDir.resolve("pid"), "--transaction-isolation=READ-COMMITTED", "--skip-log-bin",
                "--innodb-buffer-pool-size=64M", "--max-connections=200", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told so
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        killOnExit(process);
        await("MariaDB on port " + port).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(this::answers);
    }

    /** A clean shutdown (SIGTERM): every connection is cut, open transactions are rolled back. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean answers() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(url(""), "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** The JDBC URL Agir's nodes use: the database is created by the first node that starts. */
    String agirUrl(String database) {
        return url(database) + "?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true";
    }

    /** Plain JDBC on {@code database}, a new connection per statement (no pool to outlive an outage). */
    JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(url(database), "root", ""));
    }

    Connection connection(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "root", "");
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A process the test started does not outlive the test's JVM, even when the JVM is ended early. */
    static void killOnExit(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
