package fr.agir.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, whichever {@link SignIn} runs: the JSON API answers problem+json when not
 * signed in or not allowed; pages send the browser to sign in; the Camunda webapps and REST API
 * are for administrators only, who sign in once and are passed through to Cockpit. Fine-grained
 * rules (own structure, own directorate, separation of duties) live in the services.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {
    /**
     * The paths answered as an API (401/403 problem+json, never a redirect to the sign-in page):
     * Agir's JSON API, the engine's REST API and the actuator.
     */
    static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
    /** Cockpit, Tasklist and Admin send their own Content-Security-Policy (their pages need another one). */
    private static final RequestMatcher CAMUNDA_WEBAPPS = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
    /** Pages whose library sets inline styles from its script (Swagger UI, dmn-js): they allow them (not scripts). */
    private static final RequestMatcher INLINE_STYLE_PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            // The administration's routing table: dmn-js's decision table viewer sets inline styles too.
            PathPatternRequestMatcher.withDefaults().matcher("/administration/directions"));

    /**
     * No observation of Spring Security's own work (issue 21): with the actuator's registry present it wrapped each
     * of the chain's filters, the authentication and every authorization decision in an observation with its timer,
     * on every request (seen in the autosave's profile). Nothing reads them: the HTTP latency Agir publishes is
     * Spring MVC's {@code http_server_requests}, and who signed in or was refused is in the logs and the audit.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ObjectMapper json, SignIn signIn) throws Exception {
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, signIn.apiChallenge(e));
            write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "non-authentifie", "Connexion requise",
                    signIn.apiFailureText(e)));
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/error", "/login", "/assets/**", "/css/**", "/js/**",
                                "/favicon.svg", "/favicon.ico", "/mentions-legales", "/donnees-personnelles",
                                "/accessibilite", "/contact").permitAll()
                        // Open data (issue 20): the SCDL subsidies files and their page, for anyone.
                        .requestMatchers("/donnees-ouvertes", "/donnees-ouvertes/**").permitAll()
                        .requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/prometheus")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/instruction", "/instruction/**", "/pilotage", "/pilotage/**")
                        .hasAnyRole(Role.INSTRUCTOR.name(), Role.ADMIN.name())
                        .requestMatchers("/jury", "/jury/**").hasRole(Role.JURY.name())
                        .requestMatchers("/administration", "/administration/**").hasRole(Role.ADMIN.name())
                        // The credits (AE/CP) are set by finance and by the administrator; the rest is finance's.
                        .requestMatchers("/finances/credits", "/finances/credits/**")
                        .hasAnyRole(Role.FINANCE.name(), Role.ADMIN.name())
                        .requestMatchers("/finances", "/finances/**").hasRole(Role.FINANCE.name())
                        .requestMatchers("/administration", "/administration/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied(json), API)
                        // A page refused to a browser: the container's error page (web/ErrorPages), a
                        // French page with a way back. Without this second entry Spring Security would
                        // use the API's JSON answer for every request.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE)
                        .defaultAuthenticationEntryPointFor(signIn.pageEntryPoint(), AnyRequestMatcher.INSTANCE))
                // A request carrying its credentials (Authorization header) and no session cannot be
                // forged by another site; one with a session cookie must carry the CSRF token, whatever
                // else it carries. The Camunda webapps have their own CSRF filter.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        // HSTS (Spring Security's default) is written on secure requests only: behind TLS.
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(31536000))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(CAMUNDA_WEBAPPS, INLINE_STYLE_PAGES)),
                                new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy(signIn))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(INLINE_STYLE_PAGES, new StaticHeadersWriter(
                                "Content-Security-Policy", contentSecurityPolicy(signIn)
                                        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")))));
        signIn.configure(http, apiEntryPoint);
        return http.build();
    }

    /** Publishes refused authorizations, so that the audit trail records them. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    static boolean needsCsrfToken(HttpServletRequest request) {
        boolean safeMethod = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
        if (safeMethod || request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            return false;
        }
        // Only a request that authenticates by its header and carries no session is exempt: a browser
        // sends its session cookie by itself, and a forged request may add any header a form can.
        boolean authenticatesByHeader = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        boolean carriesSession = request.getRequestedSessionId() != null;
        return !authenticatesByHeader || carriesSession;
    }

    /** Powerful browser features Agir never uses, refused to every page (and to anything they embed). */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "magnetometer=(), gyroscope=(), accelerometer=()";

    /**
     * Agir's pages load scripts, styles, images and fonts from Agir only; no inline script nor inline
     * style (the templates have none; the form renderer's bundle is a file under /assets). Forms post
     * to Agir, or to the identity provider a sign-out or sign-in hands over to.
     */
    static String contentSecurityPolicy(SignIn signIn) {
        String formAction = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                signIn.formActionSources().stream()).toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction
                + "; frame-ancestors 'self'";
    }

    private AccessDeniedHandler apiAccessDenied(ObjectMapper json) {
        return (request, response, e) -> write(response, json, Problems.of(HttpStatus.FORBIDDEN, "acces-refuse",
                "Accès refusé", "Votre rôle ne permet pas cette action."));
    }

    private static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Hands the signed-in user to Cockpit, Tasklist and Admin, so admins sign in once. */
    @Bean
    FilterRegistrationBean<CamundaWebappSignOn> camundaWebappSingleSignOn() {
        FilterRegistrationBean<CamundaWebappSignOn> registration = new FilterRegistrationBean<>(new CamundaWebappSignOn());
        registration.setInitParameters(java.util.Map.of("authentication-provider",
                SpringSecurityCamundaAuthenticationProvider.class.getName()));
        registration.setUrlPatterns(List.of("/camunda/*"));
        registration.setOrder(101);
        return registration;
    }
}
