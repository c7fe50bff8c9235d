package fr.agir.jury;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(JuryProperties.class)
class JuryConfig {
}
