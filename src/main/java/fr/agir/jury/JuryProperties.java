package fr.agir.jury;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agir.jury.*}.
 *
 * @param scoringReminderBefore members with scores still to submit are reminded this long before scoring closes
 * @param disagreementSpread    a spread (max − min, on 20) from which members are said to disagree strongly
 * @param genericEmailDomains   webmail domains that never suggest a conflict by themselves
 */
@ConfigurationProperties(prefix = "agir.jury")
public record JuryProperties(
        @DefaultValue("P2D") Period scoringReminderBefore,
        @DefaultValue("5") BigDecimal disagreementSpread,
        @DefaultValue({"gmail.com", "yahoo.fr", "hotmail.fr", "outlook.fr", "orange.fr", "free.fr", "laposte.net"})
        Set<String> genericEmailDomains) {
}
