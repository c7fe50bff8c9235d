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
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may reach what, whichever {@link SignIn} runs: the JSON API answers problem+json when not
 * signed in or not allowed; pages send the browser to sign in; the Camunda webapps and REST API
 * are for administrators only, who sign in once and are passed through to Cockpit. Fine-grained
 * rules (own structure, own directorate, separation of duties) live in the services.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {
    private static final PathPatternRequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

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
                        .requestMatchers("/camunda/**", "/engine-rest/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/instruction", "/instruction/**")
                        .hasAnyRole(Role.INSTRUCTOR.name(), Role.ADMIN.name())
                        .requestMatchers("/jury", "/jury/**").hasRole(Role.JURY.name())
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied(json), API)
                        // A page refused by role (/instruction/… for an applicant) is the French error page
                        // (ErrorPages): with the API's handler alone, Spring would use it for every request.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE)
                        .defaultAuthenticationEntryPointFor(signIn.pageEntryPoint(), AnyRequestMatcher.INSTANCE))
                // A request carrying its credentials (Authorization header) cannot be forged by another
                // site; one authenticated by the session cookie must carry the CSRF token. The Camunda
                // webapps have their own CSRF filter.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
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
        return !safeMethod && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
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
