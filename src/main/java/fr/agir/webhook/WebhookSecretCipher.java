package fr.agir.webhook;

import fr.agir.shared.DevelopmentProfiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints' signing secrets encrypted at rest: AES-GCM (random 96-bit nonce, 128-bit tag, a fixed
 * associated text), stored as {@code gcm1:<base64(nonce ‖ ciphertext ‖ tag)>}. HMAC needs the secret itself,
 * so it cannot be hashed; a copy of the database alone no longer lets anyone forge Agir's messages.
 *
 * <p>The key is {@code agir.webhooks.secret-key} ({@code AGIR_WEBHOOKS_SECRET_KEY}): 32 random bytes in base64
 * ({@code openssl rand -base64 32}). Left blank, a development key is used, which only the embedded default
 * and the {@code dev}, {@code demo} and {@code test} profiles accept: any other start fails, naming the setting.
 * A value stored in clear (before this existed) is still read, and {@link WebhookSecretsAtRest} encrypts it at
 * start.
 */
@Component
public class WebhookSecretCipher {
    static final String PREFIX = "gcm1:";
    /** The development key: public (it is in the source), so never accepted outside development. */
    static final String DEVELOPMENT_KEY = "ZGV2LW9ubHktYWdpci13ZWJob29rLWtleS0zMmJ5dGU=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED = "agir:webhook_endpoint.secret".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public WebhookSecretCipher(@Value("${agir.webhooks.secret-key:}") String configured, Environment environment) {
        this(configured, DevelopmentProfiles.active(environment));
    }

    WebhookSecretCipher(String configured, boolean development) {
        String base64 = configured == null || configured.isBlank() ? DEVELOPMENT_KEY : configured.strip();
        if (base64.equals(DEVELOPMENT_KEY) && !development) {
            throw new IllegalStateException("agir.webhooks.secret-key (AGIR_WEBHOOKS_SECRET_KEY) must be set outside "
                    + "the dev, demo and test profiles: 32 random bytes in base64 (openssl rand -base64 32). It "
                    + "encrypts the webhook endpoints' secrets in the database; keep it, or the secrets are lost.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("agir.webhooks.secret-key is not base64: 32 random bytes in base64 "
                    + "(openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("agir.webhooks.secret-key must be 32 bytes (AES-256) in base64, not "
                    + bytes.length + " (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** Whether a stored value is still in clear (written before secrets were encrypted). */
    static boolean isClear(String stored) {
        return stored != null && !stored.startsWith(PREFIX);
    }

    public String encrypt(String secret) {
        if (secret == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret; a value still in clear is returned as it is. A value that does not open is an error. */
    public String decrypt(String stored) {
        if (stored == null || isClear(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A webhook secret does not decrypt with agir.webhooks.secret-key: was "
                    + "the key changed? Rotate the endpoint's secret from the administration page.", e);
        }
    }
}
