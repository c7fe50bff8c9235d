package fr.agir.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's settings and its scheduled retry pass. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class MailConfig {
}
