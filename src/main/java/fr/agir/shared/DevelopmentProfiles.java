package fr.agir.shared;

import java.util.Arrays;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Whether Agir runs for development, a demonstration or the tests, where placeholder settings (the open-data
 * SIRET, the webhook secrets' key) are acceptable: the embedded default (no active profile) or a {@code dev},
 * {@code demo} or {@code test} profile. Anything else ({@code mariadb,keycloak} in docker-compose, production)
 * must set the real values.
 */
public final class DevelopmentProfiles {
    public static final Set<String> NAMES = Set.of("dev", "demo", "test");

    private DevelopmentProfiles() {
    }

    public static boolean active(Environment environment) {
        String[] profiles = environment.getActiveProfiles();
        return profiles.length == 0 || Arrays.stream(profiles).anyMatch(NAMES::contains);
    }
}
