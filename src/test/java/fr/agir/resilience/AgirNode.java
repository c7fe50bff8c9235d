package fr.agir.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Agir node: the jar that {@code mvn package} built, run by {@code java -jar} in a JVM of its own
 * (heap capped as on the target), with the {@code mariadb} profile, on its own port, against a
 * database of {@link OwnMariaDb} and an SMTP server of the test. Its output goes to
 * {@code target/resilience/<name>.log}. The job executor keeps the application's lock time
 * (application.yml); only its polling is quicker, so that a timer made due is seen in a second.
 */
final class AgirNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port = OwnMariaDb.freePort();
    private final List<String> command = new ArrayList<>();
    private final Path log;
    private Process process;

    /**
     * @param name        the node's name, also its engine's host name in Camunda's job log
     * @param jdbcUrl     the database (shared by the nodes of one scenario)
     * @param smtpPort    the test's SMTP server
     * @param workDir     where the node keeps its documents (shared by the nodes of one scenario) and its log
     */
    AgirNode(String name, String jdbcUrl, int smtpPort, Path workDir) {
        this.name = name;
        this.log = workDir.resolve(name + ".log");
        String jar = System.getProperty("agir.test.app-jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("agir.test.app-jar (the jar mvn package builds) is missing: " + jar);
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + workDir,
                "-jar", jar,
                "--spring.profiles.active=mariadb",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--agir.demo.seed=false",
                // A production profile: the webhook secrets' key must be given (any 32 bytes, base64), as in production.
                "--agir.webhooks.secret-key=cmVzaWxpZW5jZS10ZXN0cy1rZXktMzItYnl0ZXMhISE=",
                // the driven campaigns open no budget credits (see README, "Crédits (AE/CP)")
                "--agir.finance.credits.required=false",
                "--agir.public-url=http://127.0.0.1:" + port,
                "--agir.documents.root=" + workDir.resolve("documents"),
                // the outbox's retry pass, so that a mail caught by an outage goes soon after it
                "--agir.mail.retry-delay=PT5S",
                // The scenarios check which node ran each job in the job log, which only history level full writes.
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--spring.main.banner-mode=off"));
    }

    /** Starts the JVM; {@link #awaitReady()} waits until it serves. */
    AgirNode start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        OwnMariaDb.killOnExit(process);
        return this;
    }

    /** Waits until {@code /actuator/health} answers 200 (database, engine and SMTP up). */
    AgirNode awaitReady() {
        await(name + " ready (see " + log + ")").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .failFast(name + " exited, see " + log, () -> !process.isAlive())
                .until(() -> health() == 200);
        return this;
    }

    /** The status of {@code /actuator/health}, 0 when nothing answers. */
    int health() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    AgirClient client() {
        return new AgirClient(name, baseUrl());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook, no rollback by the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** A graceful stop (SIGTERM), SIGKILL if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }
}
