package fr.agir.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is. {@code url} is the address browsers use, which is also the tokens' issuer;
 * {@code internalUrl} is the one the server calls for keys and tokens (they differ inside
 * docker-compose, where the app reaches Keycloak by its service name). {@code clockSkew} is the
 * tolerance on a token's validity dates (60 s unless set).
 */
@ConfigurationProperties("agir.keycloak")
public record KeycloakProperties(String url, String internalUrl, String realm, String webClientId,
                                 String webClientSecret, String apiAudience,
                                 @DefaultValue("60s") Duration clockSkew) {

    public String issuer() {
        return url + "/realms/" + realm;
    }

    public String internalRealmUrl() {
        return (internalUrl == null || internalUrl.isBlank() ? url : internalUrl) + "/realms/" + realm;
    }
}
