package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import fr.agir.webhook.WebhookSender;
import fr.agir.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signed webhooks end to end: a real HTTP receiver on the loopback (allowed by agir.webhooks.allowed-hosts in
 * application-test.yml) checks each message as docs/INTEGRATION.md tells integrators to; the worker is driven
 * with a later "now" instead of waiting for the retries.
 */
class WebhookIT extends ApiTestSupport {
    private final TestSmtp smtp = TestSmtp.get();
    @Autowired
    private WebhookSender sender;
    @Autowired
    private fr.agir.webhook.WebhookSecretsAtRest secretsAtRest;

    private HttpServer receiver;
    /** What the receiver got: its headers and raw body, and the status it answered. */
    private record Received(String id, String timestamp, String signature, String body, int answered) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        // The endpoints of this class receive nothing of the other tests that share the context.
        jdbc.update("update webhook_endpoint set enabled = false");
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    /** Registers an endpoint through the administrator's page and returns the secret it showed once. */
    private String register(String session, String url, String... events) {
        String page = browser(session, HttpMethod.GET, "/administration/webhooks", null).getBody();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("url", url);
        form.add("description", "GED du Département");
        for (String e : events) {
            form.add("events", e);
        }
        ResponseEntity<String> posted = browser(session, HttpMethod.POST, "/administration/webhooks", formPost(form));
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(303);
        String shown = browser(session, HttpMethod.GET, "/administration/webhooks", null).getBody();
        assertThat(shown).contains("copiez-le maintenant");
        String secret = shown.replaceAll("(?s).*<code id=\"secret\"[^>]*>(whsec_[^<]+)</code>.*", "$1");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String again = browser(session, HttpMethod.GET, "/administration/webhooks", null).getBody();
        assertThat(again).as("the secret is shown once").doesNotContain(secret).contains(WebhookSignature.hint(secret));
        return secret;
    }

    @Test
    void aSubmissionIsSignedRetriedAfterFailuresAndDeliveredOnceThenReplayedFromThePage() {
        String admin = signedInSession("admin");
        String secret = register(admin, receiverUrl(), "application.submitted", "application.decided");
        // Stored encrypted (AES-GCM, agir.webhooks.secret-key): the database alone cannot sign.
        String stored = jdbc.queryForObject("select secret from webhook_endpoint where id = "
                + "(select max(id) from webhook_endpoint)", String.class);
        assertThat(stored).startsWith("gcm1:").doesNotContain(secret.substring("whsec_".length()));
        failuresToAnswer.set(3);

        Map<String, Object> draft = oneYearDraft(budget(1, 12000, 20000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);

        // The attempt right after commit fails (503); the worker, driven with a later "now", retries.
        await().atMost(PATIENCE).until(() -> received.size() >= 1);
        Instant now = Instant.now();
        for (int day = 1; day <= 10 && received.stream().noneMatch(r -> r.answered() == 204); day++) {
            sender.deliverDue(now.plus(Duration.ofDays(day)));
        }
        assertThat(received).hasSize(4);
        assertThat(received.stream().map(Received::answered).toList()).containsExactly(503, 503, 503, 204);
        assertThat(sender.deliverDue(now.plus(Duration.ofDays(30)))).as("never again after success").isZero();
        assertThat(received).hasSize(4);
        assertThat(received.stream().map(Received::id).distinct().toList()).as("one message id across retries")
                .hasSize(1);
        assertThat(received.stream().map(Received::body).distinct().toList()).hasSize(1);

        // Every attempt carries a signature the receiver verifies with the secret (docs/INTEGRATION.md).
        long nowSeconds = Instant.now().getEpochSecond();
        for (Received r : received) {
            assertThat(WebhookSignature.verify(secret, r.id(), r.timestamp(), r.body(), r.signature(), nowSeconds, 300))
                    .as("signature of %s", r).isTrue();
        }
        Received last = received.get(3);
        assertThat(last.body()).contains("\"type\":\"application.submitted\"", "\"reference\":\"" + reference + "\"",
                "\"campaign\":{", "\"status\":\"SUBMITTED\"");
        assertThat(last.body().toLowerCase()).doesNotContain("iban", "bic", "opinion", "avis", "score", "jury",
                "paul porteur", "awa@example.org", "dépôt par");
        // A forged message is what the documented check refuses: another body, another secret, an old timestamp.
        assertThat(WebhookSignature.verify(secret, last.id(), last.timestamp(),
                last.body().replace(reference, "AAP-0000-0000"), last.signature(), nowSeconds, 300)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), last.id(), last.timestamp(), last.body(),
                last.signature(), nowSeconds, 300)).isFalse();
        assertThat(WebhookSignature.verify(secret, last.id(), last.timestamp(), last.body(), last.signature(),
                nowSeconds + 3600, 300)).as("a replay an hour later").isFalse();

        // The deliveries page: delivered after 4 attempts, answered 204; the admin replays it, same message id.
        String deliveries = browser(admin, HttpMethod.GET, "/administration/webhooks/livraisons", null).getBody();
        assertThat(deliveries).contains("application.submitted", last.id(), "Remis", "HTTP 204");
        Long deliveryId = jdbc.queryForObject("select id from webhook_delivery where message_id = ?", Long.class,
                last.id());
        assertThat(count("select count(*) from webhook_delivery where id = ? and status = 'DELIVERED' and attempts = 4",
                deliveryId)).isEqualTo(1);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(deliveries));
        assertThat(browser(admin, HttpMethod.POST, "/administration/webhooks/livraisons/" + deliveryId + "/relance",
                formPost(form)).getStatusCode().value()).isEqualTo(303);
        await().atMost(PATIENCE).until(() -> received.size() == 5);
        assertThat(received.get(4).id()).isEqualTo(last.id());
        assertThat(received.get(4).answered()).isEqualTo(204);
        assertThat(browser(admin, HttpMethod.GET, "/administration/webhooks/livraisons", null).getBody())
                .contains("Livraison relancée");
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledWithANoticeToTheAdministrators() throws Exception {
        String admin = signedInSession("admin");
        register(admin, receiverUrl(), "application.submitted");
        Long endpointId = jdbc.queryForObject("select max(id) from webhook_endpoint", Long.class);
        // As if it had failed 19 times already (agir.webhooks.disable-after: 20).
        jdbc.update("update webhook_endpoint set consecutive_failures = 19 where id = ?", endpointId);
        failuresToAnswer.set(100);

        Map<String, Object> draft = oneYearDraft(budget(1, 12000, 20000));
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        await().atMost(PATIENCE).until(() -> count("select count(*) from webhook_endpoint where id = ? and enabled = false",
                endpointId) == 1);
        assertThat(received).hasSize(1);
        await().atMost(PATIENCE).until(() -> !smtp.withSubject("webhook désactivé").isEmpty());
        assertThat(smtp.withSubject("webhook désactivé").get(0).getAllRecipients()[0].toString())
                .isEqualTo("admin@agir.example.org");
        // A disabled endpoint is sent nothing, whatever the clock says; the page shows why.
        assertThat(sender.deliverDue(Instant.now().plus(Duration.ofDays(5)))).isZero();
        assertThat(received).hasSize(1);
        assertThat(browser(admin, HttpMethod.GET, "/administration/webhooks", null).getBody())
                .contains("Point de réception désactivé", "20 échecs consécutifs", "Réactiver");

        // Re-enabled once the receiver is repaired: what waited goes at once.
        failuresToAnswer.set(0);
        String page = browser(admin, HttpMethod.GET, "/administration/webhooks", null).getBody();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("enabled", "true");
        assertThat(browser(admin, HttpMethod.POST, "/administration/webhooks/" + endpointId + "/activation",
                formPost(form)).getStatusCode().value()).isEqualTo(303);
        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertThat(received.get(1).answered()).isEqualTo(204);
    }

    @Test
    void internalOrPlainHttpAddressesAreRefusedAtRegistrationAndAtDelivery() {
        String admin = signedInSession("admin");
        int before = count("select count(*) from webhook_endpoint");
        for (String url : List.of("http://example.org/hooks", "https://10.1.2.3/hooks", "https://127.0.0.2/hooks",
                "https://localhost/hooks", "https://169.254.169.254/latest")) {
            String page = browser(admin, HttpMethod.GET, "/administration/webhooks", null).getBody();
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("_csrf", csrfOf(page));
            form.add("url", url);
            form.add("events", "installment.paid");
            ResponseEntity<String> refused = browser(admin, HttpMethod.POST, "/administration/webhooks", formPost(form));
            assertThat(refused.getStatusCode().value()).as(url).isEqualTo(422);
            assertThat(refused.getBody()).as(url).contains("aria-invalid=\"true\"").containsAnyOf("https://",
                    "réseau interne").contains("value=\"" + url + "\"");
        }
        assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(before);

        // An address that became internal after registration (its DNS changed) is refused when sending.
        jdbc.update("insert into webhook_endpoint (url, event_types, secret, secret_hint, enabled, consecutive_failures, "
                + "created_by, created_at) values ('https://localhost:9/hooks', 'application.submitted', ?, 'x', true, 0, "
                + "'admin', '2000-01-01 00:00:00')", WebhookSignature.newSecret());
        Long endpointId = jdbc.queryForObject("select max(id) from webhook_endpoint", Long.class);
        String messageId = "msg_ssrf_" + System.nanoTime(); // unique in a database kept between runs
        jdbc.update("insert into webhook_delivery (endpoint_id, message_id, event_type, payload, status, attempts, "
                + "next_attempt_at, created_at) values (?, ?, 'application.submitted', '{}', 'PENDING', 0, "
                + "'2000-01-01 00:00:00', '2000-01-01 00:00:00')", endpointId, messageId);
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(jdbc.queryForObject("select last_error from webhook_delivery where message_id = ?",
                String.class, messageId)).contains("Adresse refusée", "réseau interne");
    }

    /** A secret written in clear before secrets were encrypted: encrypted at start, and it still signs the same. */
    @Test
    void aSecretStoredInClearIsEncryptedAndStillSignsTheSame() {
        String secret = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        jdbc.update("insert into webhook_endpoint (url, event_types, secret, previous_secret, previous_secret_until, "
                + "secret_hint, enabled, consecutive_failures, created_by, created_at) values (?, 'application.submitted', "
                + "?, ?, ?, 'x', true, 0, 'admin', '2000-01-01 00:00:00')", receiverUrl(), secret, previous,
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
        Long endpointId = jdbc.queryForObject("select max(id) from webhook_endpoint", Long.class);
        assertThat(secretsAtRest.encryptClearSecrets()).isGreaterThanOrEqualTo(2);
        Map<String, Object> row = jdbc.queryForMap("select secret, previous_secret from webhook_endpoint where id = ?",
                endpointId);
        assertThat(String.valueOf(row.get("secret"))).startsWith("gcm1:").doesNotContain(secret.substring(6));
        assertThat(String.valueOf(row.get("previous_secret"))).startsWith("gcm1:").doesNotContain(previous.substring(6));
        assertThat(secretsAtRest.encryptClearSecrets()).as("nothing left in clear").isZero();

        String messageId = "msg_clear_" + System.nanoTime();
        jdbc.update("insert into webhook_delivery (endpoint_id, message_id, event_type, payload, status, attempts, "
                + "next_attempt_at, created_at) values (?, ?, 'application.submitted', '{\"type\":\"test\"}', "
                + "'PENDING', 0, '2000-01-01 00:00:00', '2000-01-01 00:00:00')", endpointId, messageId);
        sender.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
        Received got = received.stream().filter(r -> messageId.equals(r.id())).findFirst().orElseThrow();
        long nowSeconds = Instant.now().getEpochSecond();
        assertThat(got.signature().split(" ")).as("current and previous secret both sign").hasSize(2);
        assertThat(WebhookSignature.verify(secret, got.id(), got.timestamp(), got.body(), got.signature(), nowSeconds,
                300)).isTrue();
        assertThat(WebhookSignature.verify(previous, got.id(), got.timestamp(), got.body(), got.signature(), nowSeconds,
                300)).isTrue();
    }

    @Test
    void onlyAdministratorsReachTheWebhookPages() {
        String instructor = signedInSession("instructeur");
        assertThat(browser(instructor, HttpMethod.GET, "/administration/webhooks", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(browser(instructor, HttpMethod.GET, "/administration/webhooks/livraisons", null)
                .getStatusCode().value()).isEqualTo(403);
        String admin = signedInSession("admin");
        assertThat(browser(admin, HttpMethod.GET, "/administration/webhooks", null).getBody())
                .contains("Enregistrer un point de réception", "href=\"/administration/webhooks\"");
    }
}
