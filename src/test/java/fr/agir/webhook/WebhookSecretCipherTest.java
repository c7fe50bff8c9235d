package fr.agir.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32});
    private final WebhookSecretCipher cipher = new WebhookSecretCipher(KEY, false);

    @Test
    void aSecretIsStoredEncryptedAndReadBackTheSame() {
        String secret = WebhookSignature.newSecret();
        String stored = cipher.encrypt(secret);
        assertThat(stored).startsWith("gcm1:").doesNotContain(secret.substring("whsec_".length()));
        assertThat(stored.length()).as("fits webhook_endpoint.secret VARCHAR(120)").isLessThanOrEqualTo(120);
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
        assertThat(cipher.encrypt(secret)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void theSignatureIsTheSameWithTheSecretReadBack() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(WebhookSignature.sign(cipher.decrypt(cipher.encrypt(secret)), "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretStillInClearIsReadAsItIs() {
        assertThat(WebhookSecretCipher.isClear("whsec_abcd")).isTrue();
        assertThat(cipher.decrypt("whsec_abcd")).isEqualTo("whsec_abcd");
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void anAlteredValueOrAnotherKeyDoesNotDecrypt() {
        String stored = cipher.encrypt(WebhookSignature.newSecret());
        char last = stored.charAt(stored.length() - 2);
        String altered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agir.webhooks.secret-key");
        WebhookSecretCipher other = new WebhookSecretCipher(WebhookSecretCipher.DEVELOPMENT_KEY, true);
        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevelopmentKeyIsRefusedOutsideDevelopmentAndABadKeyEverywhere() {
        assertThat(new WebhookSecretCipher("", true).decrypt(new WebhookSecretCipher(null, true).encrypt("whsec_x")))
                .as("blank: the development key, in development").isEqualTo("whsec_x");
        assertThatThrownBy(() -> new WebhookSecretCipher("", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AGIR_WEBHOOKS_SECRET_KEY");
        assertThatThrownBy(() -> new WebhookSecretCipher(WebhookSecretCipher.DEVELOPMENT_KEY, false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WebhookSecretCipher("not base64 !", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new WebhookSecretCipher(Base64.getEncoder().encodeToString(new byte[16]), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
