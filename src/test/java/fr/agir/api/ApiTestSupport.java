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
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import java.net.URI;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the application on a random port, real MariaDB, job executor on,
 * called with the seeded demo accounts exactly as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-wait=500",
        "camunda.bpm.job-execution.wait-time-in-millis=200"})
@ActiveProfiles({"mariadb", "test"})
@Import(ApiTestSupport.NoProcessCoverage.class)
abstract class ApiTestSupport {

    /**
     * The BPMN's coverage is measured by the process tests (job executor off). Here the job executor runs
     * jobs while the coverage library computes a test method's coverage from its event list, which is not
     * thread-safe: a job ending at that moment threw a {@code ConcurrentModificationException} in
     * {@code afterTestMethod} (CI, ReportDeadlinesIT). So the ITs do not import the library's engine plugin
     * ({@code ProcessEngineCoverageConfiguration}), and its test listener, registered for every Spring test,
     * skips them: only the process tests' classes are included.
     */
    @TestConfiguration
    static class NoProcessCoverage {
        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses("fr.agir.*ProcessTest")
                    .build();
        }
    }

    protected static final String PASSWORD = "agir-demo";
    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    /** Agir's e-mails go to the one GreenMail of the test JVM (see {@link TestSmtp}). */
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.get().port);
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected org.camunda.bpm.engine.TaskService taskService;

    /** The credentials of {@code user} (null: none): the demo account's password here, a Keycloak token in the Keycloak tests. */
    protected HttpHeaders headersFor(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        return headers;
    }

    protected ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), MAP);
    }

    /** Any call, read as text whatever its content type (PDF, HTML or JSON). */
    protected ResponseEntity<String> callForText(String user, HttpMethod method, String path) {
        return callForText(user, method, path, null);
    }

    protected ResponseEntity<String> callForText(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = headersFor(user);
        headers.setAccept(List.of(MediaType.ALL));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    protected byte[] bytes(String user, String path) {
        ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headersFor(user)),
                byte[].class);
        assertThat(response.getStatusCode().value()).as("GET %s by %s", path, user).isEqualTo(200);
        return response.getBody();
    }

    /** A POST whose body is sent as it is, with its own content type (to test unreadable input). */
    protected ResponseEntity<Map<String, Object>> postRaw(String user, String path, String body, MediaType type) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(type);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    /**
     * The session cookie of a sign-in through the login form. Redirections are not followed, so that
     * this is the signed-in session and not the one the login page opens after them.
     */
    protected String signedInSession(String user) {
        TestRestTemplate browser = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = browser.getForEntity("/login", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", PASSWORD);
        form.add("_csrf", page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1"));
        ResponseEntity<String> signedIn = browser.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
        assertThat(signedIn.getHeaders().getLocation().getPath()).as("not back to /login?error").isEqualTo("/");
        return signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    protected ResponseEntity<String> browser(String session, HttpMethod method, String path,
                                             HttpEntity<? extends MultiValueMap<String, ?>> body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.addAll(body.getHeaders());
        }
        headers.add(HttpHeaders.COOKIE, session);
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).exchange(URI.create(path),
                method, new HttpEntity<>(body == null ? null : body.getBody(), headers), String.class);
    }

    /** A form as a browser posts it (application/x-www-form-urlencoded). */
    protected static HttpEntity<MultiValueMap<String, String>> formPost(MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form, headers);
    }

    /** The CSRF token a page of the session carries in its hidden field. */
    protected static String csrfOf(String page) {
        return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
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
        ResponseEntity<List<Map<String, Object>>> response =
                http.exchange(path, HttpMethod.GET, new HttpEntity<>(headersFor(user)), LIST);
        assertThat(response.getStatusCode().value()).as("GET %s by %s", path, user).isEqualTo(200);
        return response.getBody();
    }

    /** Waits until the job executor has moved the application's process to {@code activityId}. */
    protected void awaitWaitingAt(String reference, String activityId) {
        await().atMost(PATIENCE).until(() -> runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(activityId).count() > 0);
    }

    /** Waits until the job executor has run the application's lifecycle to its end. */
    protected void awaitEnded(String reference) {
        await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .count() == 0);
    }

    /** An admin-created campaign, once its opening timer has fired. */
    protected Map<String, Object> openCampaign(int closingInDays) {
        return openCampaign(closingInDays, 1000000, 100000);
    }

    /** An open campaign with this envelope in euros (operating, investment). */
    protected Map<String, Object> openCampaign(int closingInDays, int envelopeOperating, int envelopeInvestment) {
        String code = "IT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> campaign = post("admin", "/api/campaigns", Map.of("code", code, "name", "Appel " + code,
                "openingDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).minusDays(1).toString(),
                "closingDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(closingInDays).toString(),
                "envelopeOperating", envelopeOperating, "envelopeInvestment", envelopeInvestment, "maxDurationYears", 2,
                "thematics", List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN")));
        await().atMost(PATIENCE).until(() -> "OPEN".equals(get("admin", "/api/campaigns/" + campaign.get("id")).get("status")));
        return campaign;
    }

    /** A structure of {@code applicant}, with the pieces its case file needs for applying. */
    protected Map<String, Object> registerStructure(String applicant) {
        return registerStructure(applicant, "awa@example.org");
    }

    protected Map<String, Object> registerStructure(String applicant, String legalRepEmail) {
        Map<String, Object> structure = registerStructureWithoutDocuments(applicant, legalRepEmail);
        provideRequiredPieces(applicant, structure.get("id"));
        return structure;
    }

    protected Map<String, Object> registerStructureWithoutDocuments(String applicant) {
        return registerStructureWithoutDocuments(applicant, "awa@example.org");
    }

    protected Map<String, Object> registerStructureWithoutDocuments(String applicant, String legalRepEmail) {
        return registerStructureWithoutDocuments(applicant, legalRepEmail, "93200", "Saint-Denis");
    }

    protected Map<String, Object> registerStructureWithoutDocuments(String applicant, String legalRepEmail,
                                                                  String postalCode, String commune) {
        return post(applicant, "/api/structures", Map.of("name", "Association " + System.nanoTime(),
                "legalForm", "ASSOCIATION", "siret", TestData.randomSiret(), "addressLine", "5 rue Gabriel Péri",
                "postalCode", postalCode, "commune", commune, "legalRepName", "Awa Diallo",
                "legalRepEmail", legalRepEmail, "iban", "FR76 3000 6000 0112 3456 7890 189", "bic", "AGRIFRPP"));
    }

    /** Adds the pieces a structure's case file needs for applying. */
    protected void provideRequiredPieces(String applicant, Object structureId) {
        for (String type : List.of("STATUTS", "LISTE_DIRIGEANTS", "RIB")) {
            ResponseEntity<Map<String, Object>> upload = uploadDocument(applicant, String.valueOf(structureId),
                    type, type.toLowerCase() + ".pdf", fr.agir.structure.SampleFiles.pdf(type), null);
            assertThat(upload.getStatusCode().value()).as("upload of %s: %s", type, upload.getBody()).isEqualTo(201);
        }
    }

    /** A piece uploaded to a structure's case file, as the portal's form or an API client sends it. */
    protected ResponseEntity<Map<String, Object>> uploadDocument(String user, String structureId, String type,
                                                               String name, byte[] content, String validUntil) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/structures/" + structureId + "/documents", HttpMethod.POST,
                new HttpEntity<>(documentParts(type, name, content, validUntil), headers), MAP);
    }

    /** The fields of a piece's upload form; a null field is left out, as a browser leaves out an empty file. */
    protected static MultiValueMap<String, Object> documentParts(String type, String name, byte[] content,
                                                                 String validUntil) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (type != null) {
            parts.add("type", type);
        }
        if (content != null) {
            parts.add("file", filePart(name, content));
        }
        if (validUntil != null) {
            parts.add("validUntil", validUntil);
        }
        return parts;
    }

    /** A message on an application, with an attachment when {@code file} is not null, as an API client posts it. */
    protected ResponseEntity<Map<String, Object>> postMessage(String user, String path, String body, String name,
                                                              byte[] file) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("body", body);
        if (file != null) {
            parts.add("file", filePart(name, file));
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), MAP);
    }

    /** A multipart file part, named as the browser names it. */
    protected static HttpEntity<byte[]> filePart(String name, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentDisposition(org.springframework.http.ContentDisposition.formData().name("file").filename(name)
                .build());
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(content, part);
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

    /** An RFC 7807 answer: its status, its content type and its problem type. */
    protected static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("type", type).containsKey("detail");
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** The ids of a one-year grant whose advance is paid and whose report is expected. */
    protected record Grant(String structureId, String applicationId, String reference, String agreementId,
                           String advanceId, String reportId) {
    }

    /**
     * A one-year application of {@code porteur} voted by the Commission permanente: its agreement waits to be
     * signed. 27 000 € is above agir.legal-instrument.agreement-above (23 000 €): under it, a one-year grant
     * gets an arrêté attributif (bpmn/legal-instrument.dmn), with nothing to sign.
     */
    protected Voted votedOneYear() {
        Map<String, Object> campaign = openCampaign(30);
        Voted awaiting = awaitingJury(campaign.get("id"), registerStructure("porteur"), 30000);
        String id = awaiting.applicationId();
        post("instructeur", "/api/applications/" + id + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", 27000)));
        post("instructeur", "/api/applications/" + id + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-043",
                "deliberationDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        awaitWaitingAt(awaiting.reference(), "Task_SignAgreement");
        return awaiting;
    }

    /**
     * A one-year application of {@code porteur}'s structure, taken through the API to the jury: complete,
     * favourable opinions of DTER and DJVA, synthesis proposing 90% of {@code requested}.
     */
    protected Voted awaitingJury(Object campaignId, Map<String, Object> structure, int requested) {
        Map<String, Object> draft = draft("porteur", campaignId, structure.get("id"), 1,
                List.of(budget(1, requested, requested + 10000)));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        submitAndAwaitOpinions(id, reference);
        await().atMost(PATIENCE).until(() -> list("instructeur", "/api/applications/" + id + "/opinions").size() == 2);
        post("avis-dter", "/api/applications/" + id + "/opinions/DTER", Map.of("verdict", "FAVORABLE", "comment", "Avis favorable"));
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "FAVORABLE", "comment", "Avis favorable"));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        post("instructeur", "/api/applications/" + id + "/synthesis",
                Map.of("summary", "Projet solide", "proposedAmounts", Map.of("1", requested * 9 / 10)));
        awaitWaitingAt(reference, "Event_JuryResultReceived");
        return new Voted(String.valueOf(structure.get("id")), id, reference);
    }

    /** A jury session in scoring: its campaign, its applications (awaiting the jury) and the grid's criteria ids. */
    protected record JurySetup(String campaignId, String sessionId, List<Voted> applications, List<Long> criteria) {
    }

    /**
     * A campaign with {@code count} applications awaiting the jury, a two-criteria grid (the first
     * eliminatory below 2), and a session of {@code members} with {@code perApplication} members per
     * application, automatically assigned, scoring open.
     */
    protected JurySetup juryInScoring(List<String> members, int perApplication, int count) {
        return juryInScoring(members, perApplication, count, 1000000);
    }

    /** The same, in a campaign whose operating envelope is {@code envelopeOperating} euros (investment: 100 000). */
    protected JurySetup juryInScoring(List<String> members, int perApplication, int count, int envelopeOperating) {
        Map<String, Object> campaign = openCampaign(30, envelopeOperating, 100000);
        String campaignId = String.valueOf(campaign.get("id"));
        List<Voted> applications = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            applications.add(awaitingJury(campaignId, registerStructure("porteur"), 10000 + 1000 * i));
        }
        return sessionInScoring(campaignId, "Jury " + campaign.get("code"), applications,
                members.stream().map(m -> Map.<String, Object>of("username", m, "displayName", "Membre " + m,
                        "email", m + "@jury.example.org")).toList(), perApplication);
    }

    /**
     * A two-criteria grid for the campaign (the first eliminatory below 2) and a session named {@code name} of
     * these members ({@code username}, {@code displayName}, {@code email}) judging these applications, with
     * {@code perApplication} members per application, automatically assigned, scoring open.
     */
    protected JurySetup sessionInScoring(String campaignId, String name, List<Voted> applications,
                                         List<Map<String, Object>> members, int perApplication) {
        Map<String, Object> grid = call("instructeur", org.springframework.http.HttpMethod.PUT,
                "/api/campaigns/" + campaignId + "/scoring-grid", Map.of("criteria", List.of(
                        Map.of("label", "Utilité sociale", "description", "Réponse à un besoin du territoire",
                                "scaleMin", 0, "scaleMax", 5, "anchors", List.of("Absente", "Faible", "Passable",
                                        "Satisfaisante", "Forte", "Exemplaire"), "weight", 2, "required", true,
                                "eliminatoryBelow", 2),
                        Map.of("label", "Solidité du modèle économique", "scaleMin", 0, "scaleMax", 5, "weight", 1,
                                "required", true)))).getBody();
        List<Long> criteria = ((List<Map<String, Object>>) grid.get("criteria")).stream()
                .map(c -> ((Number) c.get("id")).longValue()).toList();
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        Map<String, Object> session = post("instructeur", "/api/jury/sessions", Map.of("campaignId", campaignId,
                "name", name, "scoringOpens", today.toString(),
                "scoringCloses", today.plusDays(10).toString(), "deliberationDate", today.plusDays(12).toString(),
                "jurorsPerApplication", perApplication, "members", members));
        String sessionId = String.valueOf(session.get("id"));
        post("instructeur", "/api/jury/sessions/" + sessionId + "/applications", Map.of("applicationIds",
                applications.stream().map(a -> Long.valueOf(a.applicationId())).toList()));
        post("instructeur", "/api/jury/sessions/" + sessionId + "/assignments/automatic", null);
        post("instructeur", "/api/jury/sessions/" + sessionId + "/phase", Map.of("phase", "SCORING"));
        return new JurySetup(campaignId, sessionId, applications, criteria);
    }

    protected record Voted(String structureId, String applicationId, String reference) {
    }

    /** The line of templates/mail/signature-code.txt that carries the code. */
    protected static final java.util.regex.Pattern SIGNATURE_CODE =
            java.util.regex.Pattern.compile("Votre code de signature : (\\d{6})");

    /**
     * {@code user} asks for a one-time signature code for the agreement and gets it as he would: from the
     * e-mail GreenMail received (the newest one for this agreement, since a new code voids the older).
     */
    protected String signatureCode(String user, String agreementId) {
        String number = (String) get(user, "/api/agreements/" + agreementId).get("number");
        String subject = "Votre code pour signer la convention " + number;
        int before = TestSmtp.get().withSubject(subject).size();
        post(user, "/api/agreements/" + agreementId + "/signature-code", null);
        return lastSignatureCode(subject, before);
    }

    /** The code of the newest e-mail whose subject contains {@code subject}, once more than {@code before} arrived. */
    protected static String lastSignatureCode(String subject, int before) {
        List<jakarta.mail.internet.MimeMessage> mails = await().atMost(PATIENCE)
                .until(() -> TestSmtp.get().withSubject(subject), m -> m.size() > before);
        java.util.regex.Matcher code = SIGNATURE_CODE.matcher(TestSmtp.text(mails.get(mails.size() - 1)));
        assertThat(code.find()).as("the code in the e-mail").isTrue();
        return code.group(1);
    }

    /** The legal representative {@code user} signs the agreement: asks for the code, reads it by e-mail, consents. */
    protected Map<String, Object> signAgreement(String user, String agreementId) {
        return post(user, "/api/agreements/" + agreementId + "/sign",
                Map.of("code", signatureCode(user, agreementId), "consent", true));
    }

    protected Grant grantedOneYear() {
        Voted voted = votedOneYear();
        String id = voted.applicationId();
        String reference = voted.reference();
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + id + "/agreement").get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(reference, "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        String advanceId = String.valueOf(pay(id, reference, 1, "ADVANCE").get("id"));
        String reportId = String.valueOf(awaitReport(id, 1).get("id"));
        return new Grant(voted.structureId(), id, reference, agreementId, advanceId, reportId);
    }

    /** Submits a draft and declares it complete: it waits for the opinions of DTER and DJVA (routed by the DMN). */
    protected void submitAndAwaitOpinions(String id, String reference) {
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + id + "/completeness", Map.of("outcome", "COMPLETE"));
        awaitWaitingAt(reference, "Task_GiveOpinion");
    }

    /** Prepares (finances1) and validates (finances2) an installment, then waits until it is paid. */
    protected Map<String, Object> pay(String applicationId, String reference, int year, String kind) {
        Map<String, Object> installment = awaitInstallment(applicationId, year, kind);
        String path = "/api/installments/" + installment.get("id");
        awaitWaitingAt(reference, "Task_PreparePayment");
        post("finances1", path + "/prepare", Map.of("comment", "Conditions de versement réunies"));
        awaitWaitingAt(reference, "Task_ValidatePayment");
        post("finances2", path + "/validate", Map.of("decision", "APPROVE"));
        exportAndReturn(String.valueOf(installment.get("id")));
        await().atMost(PATIENCE).until(() -> "PAID".equals(awaitInstallment(applicationId, year, kind).get("status")));
        return installment;
    }

    /** A one-year grant whose advance is liquidated and validated, not yet exported: its installment id. */
    protected String validatedAdvance() {
        Voted voted = votedOneYear();
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement").get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        Map<String, Object> installment = awaitInstallment(voted.applicationId(), 1, "ADVANCE");
        String path = "/api/installments/" + installment.get("id");
        awaitWaitingAt(voted.reference(), "Task_PreparePayment");
        post("finances1", path + "/prepare", Map.of("comment", "Conditions de versement réunies"));
        awaitWaitingAt(voted.reference(), "Task_ValidatePayment");
        post("finances2", path + "/validate", Map.of("decision", "APPROVE"));
        return String.valueOf(installment.get("id"));
    }

    /**
     * What the finance software does with a validated installment: exports today's bordereaux (finances1),
     * then imports a return file paying its payment order ("MDT-" + piece number, today, its amount).
     * Returns the payment order (JSON, the CSV's fields).
     */
    protected Map<String, Object> exportAndReturn(String installmentId) {
        Map<String, Object> order = exportedOrder(installmentId);
        String line = order.get("idPce") + ";MDT-" + order.get("idPce") + ";" + java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";"
                + new java.math.BigDecimal(String.valueOf(order.get("mtHt"))).setScale(2).toPlainString().replace('.', ',');
        ResponseEntity<Map<String, Object>> imported = importReturn("finances1", "retour-" + installmentId + ".csv",
                ("piece;mandat;date;montant\r\n" + line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "ALL_OR_NOTHING");
        assertThat(imported.getStatusCode().value()).as("return import: %s", imported.getBody()).isEqualTo(200);
        assertThat((List<?>) imported.getBody().get("errors")).as("return import errors").isEmpty();
        return order;
    }

    /** Exports today's bordereaux until the installment's payment order exists, and returns it. */
    protected Map<String, Object> exportedOrder(String installmentId) {
        return await().atMost(PATIENCE).until(() -> {
            List<Map<String, Object>> found = list("finances1", "/api/payment-orders?installment=" + installmentId);
            if (found.isEmpty()) {
                exportBordereaux("finances1");
                found = list("finances1", "/api/payment-orders?installment=" + installmentId);
            }
            return found.isEmpty() ? null : found.get(0);
        }, o -> o != null);
    }

    /** "Générer les bordereaux du jour": the bordereaux created (none when nothing waits). */
    protected List<Map<String, Object>> exportBordereaux(String user) {
        ResponseEntity<List<Map<String, Object>>> response = http.exchange("/api/bordereaux", HttpMethod.POST,
                new HttpEntity<>(headersFor(user)), LIST);
        assertThat(response.getStatusCode().value()).as("POST /api/bordereaux by %s", user).isEqualTo(200);
        return response.getBody();
    }

    protected ResponseEntity<Map<String, Object>> importReturn(String user, String name, byte[] content, String mode) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", filePart(name, content));
        if (mode != null) {
            parts.add("mode", mode);
        }
        return http.exchange("/api/payment-orders/returns", HttpMethod.POST, new HttpEntity<>(parts, headers), MAP);
    }

    protected Map<String, Object> awaitInstallment(String applicationId, int year, String kind) {
        return await().atMost(PATIENCE).until(() -> list("finances1", "/api/applications/" + applicationId
                        + "/installments").stream()
                .filter(i -> Integer.valueOf(year).equals(i.get("year")) && kind.equals(i.get("kind"))).findFirst()
                .orElse(null), i -> i != null);
    }

    protected Map<String, Object> awaitReport(String applicationId, int year) {
        return await().atMost(PATIENCE).until(() -> list("porteur", "/api/applications/" + applicationId + "/reports")
                .stream().filter(r -> Integer.valueOf(year).equals(r.get("year"))).findFirst().orElse(null),
                r -> r != null);
    }
}
