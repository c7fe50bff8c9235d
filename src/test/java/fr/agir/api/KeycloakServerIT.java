package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The test JVM's Keycloak ({@link KeycloakServer}) starts with the repository's realm files: the realm answers, a
 * demo user gets a token through {@code agir-api}, a wrong password gets none. No Agir context here: the class runs
 * beside the other integration tests (see junit-platform.properties), so that Keycloak's start (about a minute on
 * two cores) is over when the Keycloak tests ({@link KeycloakTestSupport}) come.
 */
@Execution(ExecutionMode.CONCURRENT)
class KeycloakServerIT {

    @Test
    void theRealmIsImportedAndItsDemoUsersGetTokens() {
        KeycloakServer keycloak = KeycloakServer.get();

        String token = keycloak.passwordGrant("agir", "agir-api", "instructeur", KeycloakServer.DEMO_PASSWORD);
        assertThat(token.split("\\.")).as("a signed JWT").hasSize(3);
        // One failure, far below the realm's brute-force threshold (10 in a row).
        assertThatThrownBy(() -> keycloak.passwordGrant("agir", "agir-api", "jure2", "pas-le-bon"))
                .hasMessageContaining("Keycloak refused the token of jure2");
    }
}
