package fr.agir.webhook;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start, encrypts the endpoints' secrets still stored in clear (written before {@link WebhookSecretCipher}
 * existed). Each row is rewritten only if it still holds the clear value read, so two nodes starting together
 * do no harm; the signatures do not change (the secret is the same, only its storage is).
 */
@Component
public class WebhookSecretsAtRest implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(WebhookSecretsAtRest.class);

    private final JdbcTemplate jdbc;
    private final WebhookSecretCipher cipher;

    WebhookSecretsAtRest(JdbcTemplate jdbc, WebhookSecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int encrypted = encryptClearSecrets();
        if (encrypted > 0) {
            log.info("Webhooks: {} secret(s) stored in clear are now encrypted", encrypted);
        }
    }

    /** Encrypts every secret still in clear; returns how many columns were rewritten. */
    public int encryptClearSecrets() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, secret, previous_secret FROM webhook_endpoint "
                + "WHERE secret NOT LIKE 'gcm1:%' OR (previous_secret IS NOT NULL AND previous_secret NOT LIKE 'gcm1:%')");
        int count = 0;
        for (Map<String, Object> row : rows) {
            Object id = row.get("id");
            String secret = (String) row.get("secret");
            String previous = (String) row.get("previous_secret");
            if (WebhookSecretCipher.isClear(secret)) {
                count += jdbc.update("UPDATE webhook_endpoint SET secret = ? WHERE id = ? AND secret = ?",
                        cipher.encrypt(secret), id, secret);
            }
            if (WebhookSecretCipher.isClear(previous)) {
                count += jdbc.update("UPDATE webhook_endpoint SET previous_secret = ? WHERE id = ? AND previous_secret = ?",
                        cipher.encrypt(previous), id, previous);
            }
        }
        return count;
    }
}
