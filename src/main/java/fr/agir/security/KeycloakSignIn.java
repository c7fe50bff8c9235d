package fr.agir.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Profile {@code keycloak}: pages sign in through Keycloak (OIDC authorization code with PKCE,
 * client {@code agir-web}); the API takes Keycloak bearer JWTs whose audience is {@code agir-api};
 * signing out also ends the Keycloak session. There is no local account in this mode.
 */
@Configuration
@ConditionalOnProperty(name = "agir.security.mode", havingValue = "keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakSignIn implements SignIn {
    static final String REGISTRATION_ID = "keycloak";

    private final KeycloakProperties keycloak;

    public KeycloakSignIn(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    /** Built from properties rather than discovered, so Agir starts even while Keycloak does not answer yet. */
    @Bean
    ClientRegistrationRepository clientRegistrations() {
        String browser = keycloak.issuer() + "/protocol/openid-connect";
        String server = keycloak.internalRealmUrl() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.webClientId())
                .clientSecret(keycloak.webClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(browser + "/auth")
                .tokenUri(server + "/token")
                .jwkSetUri(server + "/certs")
                .userInfoUri(server + "/userinfo")
                .userNameAttributeName(KeycloakAuthorities.USERNAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** API tokens: signed by the realm's keys, issued by the realm, meant for {@code agir-api}, not expired. */
    @Bean
    JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(keycloak.internalRealmUrl() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(keycloak.apiAudience()))));
        return decoder;
    }

    @Override
    public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
        ClientRegistrationRepository registrations = clientRegistrations(); // the bean: this class is proxied
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/login?logout");

        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setPrincipalClaimName(KeycloakAuthorities.USERNAME_CLAIM);
        tokens.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakAuthorities.from(jwt.getClaims()));

        http.oauth2Login(login -> login
                        .loginPage("/login")
                        .failureUrl("/login?error")
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
                        .userInfoEndpoint(u -> u.oidcUserService(agirUsers())))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(apiEntryPoint))
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession));
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> agirUsers() {
        OidcUserService keycloakUsers = new OidcUserService();
        return request -> {
            OidcUser user = keycloakUsers.loadUser(request);
            return new DefaultOidcUser(KeycloakAuthorities.from(user.getClaims()), user.getIdToken(),
                    user.getUserInfo(), KeycloakAuthorities.USERNAME_CLAIM);
        };
    }

    @Override
    public AuthenticationEntryPoint pageEntryPoint() {
        return new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION_ID);
    }

    /** Signing out (a form) ends with Keycloak's logout page: the browser's origin of Keycloak. */
    @Override
    public List<String> formActionSources() {
        java.net.URI url = java.net.URI.create(keycloak.url());
        return List.of(url.getScheme() + "://" + url.getAuthority());
    }

    @Override
    public String apiChallenge(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException
                ? "Bearer realm=\"agir\", error=\"invalid_token\"" : "Bearer realm=\"agir\"";
    }

    @Override
    public String apiFailureText(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException
                ? "Votre jeton d'accès est invalide ou a expiré : reconnectez-vous."
                : "Vous devez vous connecter pour accéder à ce service.";
    }
}
