package fr.agir;

import fr.agir.agreement.Agreement;
import fr.agir.agreement.AgreementService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The structure's signature for tests and the benchmark that drive the services in-process (no SMTP
 * server): the legal representative asks for the one-time code, which is read from the e-mail as
 * Agir's outbox holds it (mail_message), and signs with it and his consent — the real path, no bypass.
 */
public final class SignatureCodes {
    private static final Pattern CODE = Pattern.compile("Votre code de signature : (\\d{6})");

    private SignatureCodes() {
    }

    public static Agreement sign(ApplicationContext context, String username, Long agreementId) {
        AgreementService agreements = context.getBean(AgreementService.class);
        JdbcTemplate db = context.getBean(JdbcTemplate.class);
        return Actors.asSignedIn(username, () -> {
            agreements.sendSignatureCode(agreementId);
            return agreements.sign(agreementId, code(db, agreements.get(agreementId).getNumber()), true);
        });
    }

    /** The code of the newest e-mail queued for this agreement. */
    public static String code(JdbcTemplate db, String agreementNumber) {
        String body = db.queryForObject("SELECT body FROM mail_message WHERE subject = ? ORDER BY id DESC LIMIT 1",
                String.class, "Votre code pour signer la convention " + agreementNumber);
        Matcher matcher = CODE.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No signature code in the e-mail for " + agreementNumber);
        }
        return matcher.group(1);
    }
}
