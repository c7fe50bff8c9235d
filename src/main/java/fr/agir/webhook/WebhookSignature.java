package fr.agir.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 symmetric signatures: {@code v1,} + base64(HMAC-SHA256(key, id + "." +
 * timestamp + "." + body)), where the key is the base64 part of the endpoint's {@code whsec_…} secret.
 * The same few lines a receiver writes to check us (docs/INTEGRATION.md).
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A fresh secret: 32 random bytes (the spec allows 24 to 64), as {@code whsec_<base64>}. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What the page shows of a secret once it has been shown: its prefix and last four characters. */
    public static String hint(String secret) {
        return SECRET_PREFIX + "…" + secret.substring(secret.length() - 4);
    }

    /** {@code v1,<base64 signature>} of one message. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, messageId + "." + timestamp + "." + body));
    }

    /**
     * The receiver's check: one of the header's space-separated signatures is ours, compared in
     * constant time, and the timestamp is within {@code toleranceSeconds} of {@code nowSeconds}
     * (a replayed old message is refused even with a valid signature).
     */
    public static boolean verify(String secret, String messageId, String timestampHeader, String body,
                                 String signatureHeader, long nowSeconds, long toleranceSeconds) {
        if (secret == null || messageId == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }

    private static byte[] hmac(String secret, String content) {
        String base64 = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
