package fr.agir.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests against a real Keycloak: the application in the {@code keycloak} profile (no
 * local account), on the port the realm redirects browsers to, called with Keycloak bearer tokens.
 * The helpers of {@link ApiTestSupport} work unchanged: only the credentials differ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-wait=500",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "agir.keycloak.clock-skew=0s"})
@ActiveProfiles({"mariadb", "test", "keycloak"})
abstract class KeycloakTestSupport extends ApiTestSupport {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.get();
        registry.add("server.port", () -> keycloak.appPort);
        registry.add("agir.keycloak.url", keycloak::url);
        registry.add("agir.keycloak.web-client-secret", () -> KeycloakServer.WEB_CLIENT_SECRET);
    }

    protected static KeycloakServer keycloak() {
        return KeycloakServer.get();
    }

    @Override
    protected HttpHeaders headersFor(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(keycloak().token(user));
        }
        return headers;
    }
}
