package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Web security of the local sign-in: answers to bad credentials on every API path, the guard's refusal
 * through the engine's REST API, when the CSRF token is required, the session cookie and the security
 * headers of pages and API answers.
 */
class SecurityHeadersIT extends ApiTestSupport {

    private ResponseEntity<String> withAuthorization(String authorization, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    @Test
    void badCredentialsOnAnyApiPathAre401ProblemJsonNeverARedirect() {
        for (String path : List.of("/api/me", "/engine-rest/process-definition", "/engine-rest/task",
                "/actuator/prometheus")) {
            for (String credentials : new String[] {null, "Bearer pas-un-jeton", "Basic YWRtaW46bWF1dmFpcw==",
                    "Mystere 42"}) {
                ResponseEntity<String> answer = withAuthorization(credentials, HttpMethod.GET, path);
                assertThat(answer.getStatusCode().value()).as("%s with %s", path, credentials).isEqualTo(401);
                assertThat(answer.getHeaders().getContentType().toString()).as("%s with %s", path, credentials)
                        .startsWith("application/problem+json");
                assertThat(answer.getBody()).contains("Connexion requise");
                assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNotBlank();
            }
        }
        // Positive control: the right credentials pass, and a page without them still goes to the sign-in page.
        assertThat(http.withBasicAuth("admin", PASSWORD).getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode().value()).isEqualTo(200);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withRedirects(
                org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange("/portail", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(302);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void anAdministratorCannotCompleteAnAgirStepThroughTheEngineRestApiAndIsToldSoIn403() {
        Map<String, Object> draft = oneYearDraft(budget(1, 20000, 30000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
        int deniedBefore = count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = 'admin'");

        for (String path : List.of("/engine-rest/task/" + taskId + "/complete",
                "/engine-rest/task/" + taskId + "/submit-form")) {
            ResponseEntity<Map<String, Object>> refused = call("admin", HttpMethod.POST, path,
                    Map.of("variables", Map.of("outcome", Map.of("value", "COMPLETE"),
                            "completedThroughAgir", Map.of("value", true))));
            assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.getBody()).containsEntry("type", "urn:agir:probleme:etape-hors-agir")
                    .containsEntry("status", 403);
            assertThat(String.valueOf(refused.getBody().get("detail"))).contains("Cette étape se fait dans Agir");
        }
        // The guard held: the step is still waiting, the refusal is audited, and Agir's own way still works.
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = 'admin'"))
                .isEqualTo(deniedBefore + 2);
        post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "COMPLETE"));
        awaitWaitingAt(reference, "Task_GiveOpinion");
        // Other engine failures keep the engine's own answers (an unknown task: 404, not 403).
        assertThat(call("admin", HttpMethod.POST, "/engine-rest/task/inconnue/complete", Map.of())
                .getStatusCode().value()).isIn(404, 500);
    }

    @Test
    void aRequestWithASessionCookieNeedsTheCsrfTokenWhateverAuthorizationHeaderItCarries() {
        String session = signedInSession("porteur");
        String csrf = csrfOf(browser(session, HttpMethod.GET, "/", null).getBody());
        assertThat(csrf).hasSizeGreaterThan(20).doesNotContain("<");
        LinkedMultiValueMap<String, String> noToken = new LinkedMultiValueMap<>();

        for (String authorization : new String[] {"Bearer n-importe-quoi", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("porteur:" + PASSWORD).getBytes()), "Basic " + java.util.Base64.getEncoder()
                .encodeToString("porteuse:mauvais".getBytes())}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
            ResponseEntity<String> forged = browser(session, HttpMethod.POST, "/logout",
                    new HttpEntity<>(noToken, headers));
            assertThat(forged.getStatusCode().value()).as("session + %s without token", authorization).isEqualTo(403);
            HttpHeaders api = new HttpHeaders();
            api.setContentType(MediaType.APPLICATION_JSON);
            api.set(HttpHeaders.AUTHORIZATION, authorization);
            api.add(HttpHeaders.COOKIE, session);
            assertThat(http.exchange("/api/applications/1/messages", HttpMethod.POST,
                    new HttpEntity<>(Map.of("body", "Forgé"), api), String.class).getStatusCode().value())
                    .as("API call with session + %s without token", authorization).isEqualTo(403);
        }
        // The session is still signed in (nothing above signed it out): the home page answers.
        assertThat(browser(session, HttpMethod.GET, "/", null).getStatusCode().value()).isEqualTo(200);

        // Positive controls: credentials without a session need no token; the form with its token signs out.
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        assertThat(structure.get("id")).isNotNull();
        LinkedMultiValueMap<String, String> withToken = new LinkedMultiValueMap<>();
        withToken.add("_csrf", csrf);
        ResponseEntity<String> signedOut = browser(session, HttpMethod.POST, "/logout", formPost(withToken));
        assertThat(signedOut.getStatusCode().value()).isEqualTo(302);
        assertThat(signedOut.getHeaders().getLocation().toString()).endsWith("/login?logout");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindTls() {
        String cookie = http.getForEntity("/login", String.class).getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        HttpHeaders proxied = new HttpHeaders();
        proxied.set("X-Forwarded-Proto", "https");
        ResponseEntity<String> overTls = http.exchange("/login", HttpMethod.GET, new HttpEntity<>(proxied), String.class);
        assertThat(overTls.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(overTls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeadersAndCamundaKeepsItsOwnPolicy() {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        ResponseEntity<String> api = callForText("porteur", HttpMethod.GET, "/api/me");
        ResponseEntity<String> problem = callForText(null, HttpMethod.GET, "/api/me");
        for (ResponseEntity<String> answer : List.of(page, api, problem)) {
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.get("Content-Security-Policy")).hasSize(1);
            String csp = headers.getFirst("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'").doesNotContain("unsafe");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(headers.get("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
        }
        // Swagger UI sets inline styles from its script: allowed there, scripts still from Agir only.
        String swagger = http.getForEntity("/swagger-ui/index.html", String.class).getHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(swagger).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
                // Cockpit sends its own policy (it needs more than Agir's pages): only that one, not both.
        ResponseEntity<String> cockpit = http.withBasicAuth("admin", PASSWORD).getForEntity("/camunda/app/cockpit/default/",
                String.class);
        assertThat(cockpit.getStatusCode().value()).isEqualTo(200);
        assertThat(cockpit.getHeaders().get("Content-Security-Policy")).hasSize(1);
        assertThat(cockpit.getHeaders().getFirst("Content-Security-Policy")).isNotEqualTo(
                page.getHeaders().getFirst("Content-Security-Policy"));
    }
}
