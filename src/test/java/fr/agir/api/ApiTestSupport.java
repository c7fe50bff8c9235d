package fr.agir.api;

import fr.agir.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the application on a random port, real MariaDB, job executor on,
 * called with the seeded demo accounts exactly as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-wait=500",
        "camunda.bpm.job-execution.wait-time-in-millis=200"})
@ActiveProfiles({"mariadb", "test"})
@Import(ProcessEngineCoverageConfiguration.class)
abstract class ApiTestSupport {
    protected static final String PASSWORD = "agir-demo";
    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RuntimeService runtime;

    protected ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), MAP);
    }

    /** A POST whose body is sent as it is, with its own content type (to test unreadable input). */
    protected ResponseEntity<Map<String, Object>> postRaw(String user, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    /** Signs in through the login page as a browser would (CSRF token and cookie included). */
    protected ResponseEntity<String> signInByForm(String user, String password) {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        String csrf = page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf);
        return http.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    protected Map<String, Object> post(String user, String path, Object body) {
        ResponseEntity<Map<String, Object>> response = call(user, HttpMethod.POST, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("POST %s by %s: %s", path, user, response.getBody())
                .isTrue();
        return response.getBody();
    }

    protected Map<String, Object> get(String user, String path) {
        ResponseEntity<Map<String, Object>> response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode().value()).as("GET %s by %s: %s", path, user, response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    protected List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, PASSWORD)
                .exchange(path, HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode().value()).as("GET %s by %s", path, user).isEqualTo(200);
        return response.getBody();
    }

    /** Waits until the job executor has moved the application's process to {@code activityId}. */
    protected void awaitWaitingAt(String reference, String activityId) {
        await().atMost(PATIENCE).until(() -> runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(activityId).count() > 0);
    }

    /** An admin-created campaign, once its opening timer has fired. */
    protected Map<String, Object> openCampaign(int closingInDays) {
        String code = "IT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> campaign = post("admin", "/api/campaigns", Map.of("code", code, "name", "Appel " + code,
                "openingDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).minusDays(1).toString(),
                "closingDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(closingInDays).toString(),
                "envelopeOperating", 1000000, "envelopeInvestment", 100000, "maxDurationYears", 2,
                "thematics", List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN")));
        await().atMost(PATIENCE).until(() -> "OPEN".equals(get("admin", "/api/campaigns/" + campaign.get("id")).get("status")));
        return campaign;
    }

    protected Map<String, Object> registerStructure(String applicant) {
        return post(applicant, "/api/structures", Map.of("name", "Association " + System.nanoTime(),
                "legalForm", "ASSOCIATION", "siret", TestData.randomSiret(), "addressLine", "5 rue Gabriel Péri",
                "postalCode", "93200", "commune", "Saint-Denis", "legalRepName", "Awa Diallo",
                "legalRepEmail", "awa@example.org", "iban", "FR76 3000 6000 0112 3456 7890 189", "bic", "AGRIFRPP"));
    }

    protected static Map<String, Object> budget(int year, int requested, int personnel) {
        return Map.of("year", year, "requestedAmount", requested, "lines", Map.of(
                "64", personnel, "70", personnel + 3000 - requested, "74-DEPARTEMENT", requested,
                "60", 3000, "86", 1500, "87", 1500));
    }

    protected Map<String, Object> draft(String applicant, Object campaignId, Object structureId, int years,
                                        List<Map<String, Object>> budgets) {
        return post(applicant, "/api/applications", Map.of("campaignId", campaignId, "structureId", structureId,
                "title", "Recyclerie solidaire", "description", "Collecte, réparation et revente d'objets",
                "thematic", "TRANSITION_ECOLOGIQUE", "targetPublic", "JEUNES", "territory", "Saint-Denis",
                "durationYears", years, "budgets", budgets));
    }

    /** A one-year draft of a fresh structure of {@code porteur}, in a fresh open campaign. */
    protected Map<String, Object> oneYearDraft(Map<String, Object> budget) {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        return draft("porteur", campaign.get("id"), structure.get("id"), 1, List.of(budget));
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
