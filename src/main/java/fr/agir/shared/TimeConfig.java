package fr.agir.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business dates are taken in Europe/Paris; instants are stored in UTC. */
@Configuration
public class TimeConfig {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Bean
    Clock clock() {
        return Clock.system(PARIS);
    }
}
