package fr.agir.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How users prove who they are: {@link LocalSignIn} (seeded demo accounts, the embedded default)
 * or {@link KeycloakSignIn} (profile {@code keycloak}). Both give the same authorities; the rest
 * of {@link SecurityConfig} does not depend on which one runs.
 */
public interface SignIn {

    /** Adds the sign-in, API authentication and sign-out mechanisms to the filter chain. */
    void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception;

    /** Where a browser without a session is sent. */
    AuthenticationEntryPoint pageEntryPoint();

    /** The {@code WWW-Authenticate} challenge of a refused API call. */
    String apiChallenge(AuthenticationException failure);

    /** The French text of a refused API call. */
    String apiFailureText(AuthenticationException failure);

    /**
     * Where else than Agir a page's form may lead (Content-Security-Policy {@code form-action}): the
     * identity provider a sign-in or sign-out hands the browser over to. None by default.
     */
    default java.util.List<String> formActionSources() {
        return java.util.List.of();
    }
}
