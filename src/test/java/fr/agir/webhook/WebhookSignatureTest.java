package fr.agir.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    /** The Standard Webhooks reference vector: a receiver's library accepts what we send. */
    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TS, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReceiversCheckRefusesForgeryAndReplay() {
        String signature = WebhookSignature.sign(SECRET, ID, TS, BODY);
        assertThat(WebhookSignature.verify(SECRET, ID, String.valueOf(TS), BODY, signature, TS + 10, 300))
                .as("positive control").isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, String.valueOf(TS), "{\"test\": 1}", signature, TS, 300))
                .as("body changed").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", String.valueOf(TS), BODY, signature, TS, 300))
                .as("id changed").isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, String.valueOf(TS), BODY, signature, TS, 300))
                .as("another secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, String.valueOf(TS), BODY, signature, TS + 301, 300))
                .as("replayed after the tolerance").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, String.valueOf(TS + 60), BODY, signature, TS + 60, 300))
                .as("timestamp moved forward without re-signing").isFalse();
        // During a rotation the header carries both signatures: either secret verifies.
        String rotated = WebhookSignature.newSecret();
        String both = WebhookSignature.sign(rotated, ID, TS, BODY) + " " + signature;
        assertThat(WebhookSignature.verify(SECRET, ID, String.valueOf(TS), BODY, both, TS, 300)).isTrue();
        assertThat(WebhookSignature.verify(rotated, ID, String.valueOf(TS), BODY, both, TS, 300)).isTrue();
    }

    @Test
    void secretsAreWhsecBase64OfThirtyTwoBytesAndOnlyTheirHintIsKept() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.hint(secret)).startsWith("whsec_…").endsWith(secret.substring(secret.length() - 4))
                .hasSize(11);
    }

    @Test
    void theUrlGuardRefusesWhatIsNotHttpsOrIsInternalUnlessAllowed() throws Exception {
        EndpointUrlGuard guard = new EndpointUrlGuard(new WebhookProperties(List.of("127.0.0.1", "ged.interne"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofHours(24), 15, 20, Duration.ofSeconds(15),
                Duration.ofMinutes(2), List.of("admin@example.org")));
        assertThat(guard.refusal("http://93.184.215.14/x")).get().asString().contains("https://");
        assertThat(guard.refusal("https://10.1.2.3/x")).get().asString().contains("réseau interne");
        assertThat(guard.refusal("https://192.168.1.1/x")).isPresent();
        assertThat(guard.refusal("https://172.20.0.1/x")).isPresent();
        assertThat(guard.refusal("https://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(guard.refusal("https://127.0.0.2/x")).as("loopback not allow-listed").isPresent();
        assertThat(guard.refusal("https://localhost/x")).as("a name resolving to loopback").isPresent();
        assertThat(guard.refusal("https://[::1]/x")).isPresent();
        assertThat(guard.refusal("https://[fd00::1]/x")).isPresent();
        assertThat(guard.refusal("https://224.0.0.1/x")).isPresent();
        assertThat(guard.refusal("https://100.64.0.1/x")).isPresent();
        assertThat(guard.refusal("https://user:pw@93.184.215.14/x")).isPresent();
        assertThat(guard.refusal("ftp://93.184.215.14/x")).isPresent();
        assertThat(guard.refusal("pas une adresse")).isPresent();
        assertThat(guard.refusal("https://93.184.215.14/x")).as("a public address").isEmpty();
        assertThat(guard.refusal("http://127.0.0.1:8089/x")).as("allow-listed").isEmpty();
        assertThat(EndpointUrlGuard.internal(InetAddress.getByName("::ffff:10.0.0.1"))).isTrue();
    }

    @Test
    void backoffDoublesUpToTheLongestWait() {
        WebhookProperties p = new WebhookProperties(List.of(), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMinutes(1), 15, 20, Duration.ofSeconds(15), Duration.ofMinutes(2), List.of());
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.backoffAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoffAfter(30)).isEqualTo(Duration.ofMinutes(1));
    }
}
