package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operations: an SMTP server that does not answer leaves the node alive and ready (the outbox waits)
 * and is reported to administrators; a database that cannot be reached makes it unready, and ready
 * again once back; Prometheus metrics are for administrators only. The application reaches its
 * database through a relay the test cuts ({@link TcpProxy}), and its SMTP port is a closed one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-wait=500",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        // A database that does not answer is reported within two seconds, not thirty.
        "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles({"mariadb", "test"})
// Spring Boot's tests leave metrics exporters off unless asked: Prometheus is what is tested here.
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
    private static final String PASSWORD = "agir-demo";
    private static final Pattern DATABASE = Pattern.compile("//([^/:]+):(\\d+)/");
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static TcpProxy database;

    @DynamicPropertySource
    static void unreliableNeighbours(DynamicPropertyRegistry registry) {
        String url = System.getProperty("agir.test.jdbc-url",
                "jdbc:mariadb://127.0.0.1:3306/agir_test_dev?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true");
        Matcher hostPort = DATABASE.matcher(url);
        assertThat(hostPort.find()).as("host and port in %s", url).isTrue();
        database = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        registry.add("spring.datasource.url", () -> hostPort.replaceFirst("//127.0.0.1:" + database.port + "/"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", OperationsIT::closedPort);
    }

    @AfterAll
    static void closeRelay() {
        database.close();
    }

    /** A port nothing listens on: connecting to it is refused at once, as to a stopped SMTP server. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;

    private ResponseEntity<Map<String, Object>> health(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(ResponseEntity<Map<String, Object>> health, String name) {
        return (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get(name);
    }

    @Test
    @Order(1)
    void anSmtpOutageLeavesTheNodeAliveAndReadyAndIsReportedToAdministrators() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            ResponseEntity<Map<String, Object>> answer = health(null, probe);
            assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(answer.getBody()).as(probe).containsEntry("status", "UP").doesNotContainKey("components");
        }
        // The outage is seen: the mail group is DOWN (503), with the reason for an administrator only.
        ResponseEntity<Map<String, Object>> mail = health(null, "/actuator/health/mail");
        assertThat(mail.getStatusCode().value()).isEqualTo(503);
        assertThat(mail.getBody()).containsEntry("status", "DOWN").doesNotContainKey("components");
        ResponseEntity<Map<String, Object>> mailForAdmin = health("admin", "/actuator/health/mail");
        assertThat(mailForAdmin.getStatusCode().value()).isEqualTo(503);
        assertThat(component(mailForAdmin, "mail")).containsEntry("status", "DOWN");
        assertThat(String.valueOf(component(mailForAdmin, "mail").get("details"))).contains("error");

        // What each probe is made of, for an administrator: readiness is the database and the engine.
        ResponseEntity<Map<String, Object>> readiness = health("admin", "/actuator/health/readiness");
        assertThat(((Map<String, Object>) readiness.getBody().get("components")).keySet())
                .containsExactlyInAnyOrder("readinessState", "db", "engine");
        assertThat(component(readiness, "engine")).containsEntry("status", "UP");
        assertThat(String.valueOf(component(readiness, "engine").get("details"))).contains("jobExecutor=active");
        ResponseEntity<Map<String, Object>> all = health("admin", "/actuator/health");
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(((Map<String, Object>) all.getBody().get("components"))).containsKeys("db", "engine")
                .doesNotContainKey("mail");
        assertThat(((Map<String, Object>) health("admin", "/actuator/health/liveness").getBody().get("components"))
                .keySet()).containsExactly("livenessState");
    }

    @Test
    @Order(2)
    void prometheusMetricsAreForAdministratorsAndCoverJobsTheOutboxAndHttpLatency() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(http.withBasicAuth("porteur", PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(403);

        // A waiting e-mail (the SMTP server is down, and it is not due before tomorrow): the backlog counts it.
        Instant created = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.update("insert into mail_message (recipients, subject, body, status, attempts, next_attempt_at, created_at) "
                + "values ('metrique@example.org', 'Métrique', 'Corps', 'PENDING', 1, ?, ?)",
                Timestamp.from(Instant.now().plus(Duration.ofDays(1))), Timestamp.from(created));
        int pending = jdbc.queryForObject("select count(*) from mail_message where status = 'PENDING'", Integer.class);
        http.withBasicAuth("porteur", PASSWORD).getForEntity("/api/me", String.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> scrape = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/prometheus",
                    String.class);
            assertThat(scrape.getStatusCode().value()).isEqualTo(200);
            assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
            String text = scrape.getBody();
            assertThat(text).contains("agir_jobs{application=\"agir\",state=\"due\"}",
                    "agir_jobs{application=\"agir\",state=\"locked\"}", "agir_jobs{application=\"agir\",state=\"failed\"}",
                    "agir_mail_outbox{application=\"agir\",status=\"FAILED\"}",
                    "agir_mail_outbox_oldest_pending_seconds", "http_server_requests_seconds_bucket");
            assertThat(value(text, "agir_mail_outbox{application=\"agir\",status=\"PENDING\"}"))
                    .as("the outbox's backlog").isEqualTo(pending);
            assertThat(value(text, "agir_mail_outbox_oldest_pending_seconds{application=\"agir\"}"))
                    .isGreaterThanOrEqualTo(600);
            assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/me\"");
            // Spring Security's own observations are off (issue 21: each filter of the chain was timed).
            assertThat(text).doesNotContain("spring_security_");
        });
    }

    private static double value(String prometheus, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(prometheus);
        assertThat(line.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }

    /** Last: the database is cut, then restored, under the running node. */
    @Test
    @Order(3)
    void aNodeThatCannotReachItsDatabaseIsUnreadyButAliveAndReadyAgainOnceItCan() {
        assertThat(health(null, "/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
        database.cut();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ResponseEntity<Map<String, Object>> readiness = health(null, "/actuator/health/readiness");
                assertThat(readiness.getStatusCode().value()).isEqualTo(503);
                assertThat(readiness.getBody()).containsEntry("status", "DOWN");
            });
            assertThat(health(null, "/actuator/health/liveness").getStatusCode().value()).as("alive all the same")
                    .isEqualTo(200);
        } finally {
            database.open();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(health(null, "/actuator/health/readiness").getStatusCode().value()).isEqualTo(200));
    }
}
