package fr.agir.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the integration tests: the {@code keycloak-quarkus-dist} zip from Maven
 * Central, unpacked by the build ({@code agir.test.keycloak-home}), started once per test JVM in
 * dev mode on 127.0.0.1 with a fresh database and the repository's realm files imported.
 */
final class KeycloakServer {
    static final String DEMO_PASSWORD = "Agir-Demo-2026";
    static final String WEB_CLIENT_SECRET = "secret-des-tests-" + Long.toHexString(System.nanoTime());
    static final String ADMIN = "kc-admin";
    private static final String ADMIN_PASSWORD = "kc-admin-" + Long.toHexString(System.nanoTime());
    /** A bound, not a target: on a loaded machine (two cores shared with other builds) the start has taken over 4 min. */
    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer instance;

    final int port;
    final int appPort;
    /** Where Keycloak sends its e-mails: a GreenMail server started by the tests that need them. */
    final int smtpPort = freePort();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant fetched) {
    }

    private KeycloakServer(int port, int appPort) {
        this.port = port;
        this.appPort = appPort;
    }

    /** The one Keycloak of this JVM, started on first use; its realm sends browsers back to {@code appPort}. */
    static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = new KeycloakServer(freePort(), freePort());
            instance.start();
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String appUrl() {
        return "http://127.0.0.1:" + appPort;
    }

    private void start() {
        Path home = Path.of(System.getProperty("agir.test.keycloak-home",
                "target/keycloak/keycloak-26.4.0")).toAbsolutePath();
        Path realms = Path.of(System.getProperty("agir.test.realm-dir", "keycloak/import")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + ": run the tests with 'mvn verify', which unpacks it from the Maven repository");
        }
        try {
            deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (Stream<Path> files = Files.list(realms)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, imports.resolve(file.getFileName()));
                }
            }
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--import-realm", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolveSibling("keycloak.log").toFile());
            builder.environment().putAll(Map.of(
                    "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "AGIR_PUBLIC_URL", appUrl(),
                    "AGIR_WEB_CLIENT_SECRET", WEB_CLIENT_SECRET,
                    "AGIR_DEMO_USERS_PASSWORD", DEMO_PASSWORD,
                    "AGIR_SMTP_HOST", "127.0.0.1",
                    "AGIR_SMTP_PORT", String.valueOf(smtpPort)));
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak stopped while starting: see "
                            + home.resolveSibling("keycloak.log"));
                }
                if (status(url() + "/realms/agir/.well-known/openid-configuration") == 200) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Keycloak did not start within " + STARTUP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An access token of a realm user, through client {@code agir-api} (cached for a minute). */
    String token(String username) {
        CachedToken cached = tokens.get(username);
        if (cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(60))) {
            return cached.value();
        }
        String token = passwordGrant("agir", "agir-api", username, DEMO_PASSWORD);
        tokens.put(username, new CachedToken(token, Instant.now()));
        return token;
    }

    String passwordGrant(String realm, String clientId, String username, String password) {
        Map<?, ?> body = postForm(url() + "/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
        Object token = body.get("access_token");
        if (token == null) {
            throw new IllegalStateException("Keycloak refused the token of " + username + ": " + body);
        }
        return (String) token;
    }

    String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** Calls Keycloak's admin REST API as the bootstrap administrator. */
    int admin(String method, String path, Object body) throws IOException {
        String adminToken = passwordGrant("master", "admin-cli", ADMIN, ADMIN_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/agir" + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Map<?, ?> postForm(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        try {
            return JSON.readValue(send(request, HttpResponse.BodyHandlers.ofString()).body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request; a failure to reach Keycloak is an unchecked error of the test. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (UncheckedIOException e) {
            return -1; // not listening yet
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
