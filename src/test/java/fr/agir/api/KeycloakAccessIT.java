package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.agir.security.DemoAccounts;
import fr.agir.security.Directorate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sign-in through a real Keycloak: authorities, what each role reaches, IDOR, bad tokens, directorates. */
class KeycloakAccessIT extends KeycloakTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    private org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping pageMappings;


    @Test
    void keycloakUsersHaveTheSameAuthoritiesAsTheLocalDemoAccounts() {
        for (DemoAccounts.DemoAccount account : DemoAccounts.ACCOUNTS) {
            Map<String, Object> me = get(account.username(), "/api/me");
            assertThat(me.get("username")).isEqualTo(account.username());
            assertThat(me.get("roles")).as(account.username()).isEqualTo(List.of(account.role().candidateGroup()));
            assertThat(me.get("directorates")).as(account.username())
                    .isEqualTo(account.directorates().stream().map(Directorate::name).sorted().toList());
        }
    }

    @Test
    void noLocalAccountNorDefaultPasswordWorksInTheKeycloakProfile() {
        for (String password : List.of("agir-demo", KeycloakServer.DEMO_PASSWORD)) {
            HttpHeaders basic = new HttpHeaders();
            basic.setBasicAuth("admin", password);
            assertThat(http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(basic), String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }
    }

    @Test
    void eachRoleReachesExactlyWhatItShould() {
        // path → the users that may GET it; every other demo user gets 403 (or 404 for a record).
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        allowed.put("/api/installments/awaiting-validation", List.of("finances1", "finances2", "admin"));
        allowed.put("/engine-rest/process-definition", List.of("admin"));
        allowed.put("/api/tasks", DemoAccounts.ACCOUNTS.stream().map(DemoAccounts.DemoAccount::username).toList());
        for (Map.Entry<String, List<String>> rule : allowed.entrySet()) {
            for (DemoAccounts.DemoAccount account : DemoAccounts.ACCOUNTS) {
                int status = callForText(account.username(), HttpMethod.GET, rule.getKey()).getStatusCode().value();
                assertThat(status).as("%s GET %s", account.username(), rule.getKey())
                        .isEqualTo(rule.getValue().contains(account.username()) ? 200 : 403);
            }
        }
        assertThat(call("porteur", HttpMethod.POST, "/api/campaigns", Map.of("code", "INTRUS", "name", "Intrus",
                "openingDate", LocalDate.now().toString(), "closingDate", LocalDate.now().plusDays(9).toString(),
                "envelopeOperating", 1, "envelopeInvestment", 1, "maxDurationYears", 1,
                "thematics", List.of("NOUVELLES_SOLIDARITES"))).getStatusCode().value())
                .as("only admins open campaigns").isEqualTo(403);
    }

    /**
     * Every endpoint of the OpenAPI description that takes an id, called by users who have no business
     * with the record: another applicant, a reviewer of a directorate not consulted, a jury member
     * without assignment. Each gets 403 or 404, learns nothing, changes nothing, and is audited.
     */
    @Test
    void nobodyReachesAnotherStructuresRecordsByTheirIds() {
        Grant grant = grantedOneYear();
        String invitationId = String.valueOf(post("porteur", "/api/structures/" + grant.structureId()
                + "/invitations", Map.of("email", "benevole@example.org")).get("id"));
        // A jury session of the grant's campaign, without "jury" among its members.
        Object campaignId = get("porteur", "/api/applications/" + grant.applicationId()).get("campaignId");
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        String sessionId = String.valueOf(post("instructeur", "/api/jury/sessions", Map.of("campaignId", campaignId,
                "name", "Jury sans l'intrus", "scoringOpens", today.toString(), "scoringCloses",
                today.plusDays(5).toString(), "deliberationDate", today.plusDays(6).toString(),
                "members", List.of(Map.of("username", "jure2")))).get("id"));
        // An avenant on the grant's agreement (drafted by the instructor), for the avenants' routes.
        String amendmentId = String.valueOf(post("instructeur", "/api/agreements/" + grant.agreementId()
                + "/amendments", Map.of("amounts", Map.of("1", 25000), "object", "Avenant", "reason", "Sonde")).get("id"));
        Map<String, String> ids = Map.ofEntries(Map.entry("structures", grant.structureId()),
                Map.entry("amendments", amendmentId), Map.entry("avenants", amendmentId),
                Map.entry("applications", grant.applicationId()), Map.entry("agreements", grant.agreementId()),
                Map.entry("installments", grant.advanceId()), Map.entry("reports", grant.reportId()),
                // the portal's pages, in French
                Map.entry("candidatures", grant.applicationId()), Map.entry("conventions", grant.agreementId()),
                Map.entry("avis", grant.applicationId()),
                // the back office's steps: refused by role before any id is read
                Map.entry("taches", grant.applicationId()), Map.entry("instruction", grant.applicationId()),
                // the jury: sessions (DIEESS), a member's sessions and conflicts, their pages
                Map.entry("sessions", sessionId), Map.entry("my-sessions", sessionId), Map.entry("seances", sessionId),
                Map.entry("conflicts", sessionId), Map.entry("my-conflicts", sessionId), Map.entry("conflits", sessionId),
                Map.entry("campagnes", String.valueOf(campaignId)),
                // the other systems' routes (client-credentials tokens only): a user is refused before any id
                Map.entry("systems", grant.applicationId()),
                // the bordereau the grant's advance was exported in (finance only)
                Map.entry("bordereaux", String.valueOf(list("finances1", "/api/payment-orders?installment="
                        + grant.advanceId()).get(0).get("bordereauId"))),
                // the finance workspace: refused by role before any id is read
                Map.entry("echeances", grant.advanceId()), Map.entry("rib", "1"),
                // recovery orders and their exports (finance only): refused by role before any id is read
                Map.entry("recovery-orders", "1"), Map.entry("exports", "1"), Map.entry("titres", "1"));
        String documentId = String.valueOf(((List<Map<String, Object>>) get("porteur", "/api/structures/"
                + grant.structureId() + "/documents").get("current")).get(0).get("id"));
        String messageId = String.valueOf(post("porteur", "/api/applications/" + grant.applicationId() + "/messages",
                Map.of("body", "Bonjour")).get("id"));
        int auditBefore = count("select count(*) from audit_event where application_id = ?",
                Long.valueOf(grant.applicationId()));
        int deniedBefore = count("select count(*) from audit_event where action = 'ACCESS_DENIED'");
        String structureName = String.valueOf(get("porteur", "/api/structures/" + grant.structureId()).get("name"));

        Map<String, Object> paths = get(null, "/v3/api-docs");
        List<String> probed = new ArrayList<>();
        for (Map.Entry<String, Object> path : ((Map<String, Object>) paths.get("paths")).entrySet()) {
            String template = path.getKey();
            if (!template.contains("{") || template.startsWith("/api/campaigns/") || template.startsWith("/api/forms/")) {
                continue; // campaigns and form schemas are public to every signed-in user
            }
            String url = concrete(template, ids).replace("{invitationId}", invitationId)
                    .replace("{documentId}", documentId).replace("{messageId}", messageId)
                    .replace("{agreementId}", grant.agreementId())
                    .replace("{taskId}", "une-tache").replace("{action}", "prendre")
                    .replace("{reportId}", grant.reportId()).replace("{applicationId}", grant.applicationId())
                    .replace("{conflictId}", sessionId).replace("{letterId}", "1")
                    .replace("{reference}", grant.reference());
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                HttpMethod verb = HttpMethod.valueOf(operation.getKey().toUpperCase());
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                        operation.getValue()).getOrDefault("requestBody", Map.of())).getOrDefault("content", Map.of());
                boolean multipart = content.containsKey("multipart/form-data") && !content.containsKey("application/json");
                for (String intruder : List.of("porteuse", "avis-dpas", "jury")) {
                    assertThat(url).as("a value for each parameter of " + template).doesNotContain("{");
                    ResponseEntity<String> response = multipart ? upload(intruder, url)
                            : callForText(intruder, verb, url, BODIES.getOrDefault(template, Map.of()));
                    assertThat(response.getStatusCode().value()).as("%s %s %s", intruder, verb, url).isIn(403, 404);
                    // Nothing the request did not carry: a route addressed by the reference echoes it in the
                    // problem's "instance" (the path asked), never the structure behind it.
                    String body = String.valueOf(response.getBody());
                    assertThat(body).as("%s %s %s", intruder, verb, url).doesNotContain(structureName);
                    if (!url.contains(grant.reference())) {
                        assertThat(body).as("%s %s %s", intruder, verb, url).doesNotContain(grant.reference());
                    }
                    probed.add(verb + " " + template);
                }
            }
        }
        assertThat(probed).as("the id-taking endpoints probed").hasSizeGreaterThanOrEqualTo(3 * 20);

        // The pages: every route of a page controller that takes an id (read from Spring MVC's own
        // mappings, so that a new page is probed without being listed here), read and posted to by
        // the same intruders, as a browser would post a form.
        List<String> pagesProbed = new ArrayList<>();
        for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo,
                org.springframework.web.method.HandlerMethod> mapping : pageMappings.getHandlerMethods().entrySet()) {
            for (String template : mapping.getKey().getPatternValues()) {
                // /donnees-ouvertes/subventions-{year}.csv: public open data (OpenDataIT), nobody's id.
                if (!template.contains("{") || template.startsWith("/api/") || template.equals("/error")
                        || template.startsWith("/donnees-ouvertes/")) {
                    continue;
                }
                String url = concrete(template, ids).replace("{invitationId}", invitationId)
                        .replace("{documentId}", documentId).replace("{agreementId}", grant.agreementId())
                        .replace("{structureId}", grant.structureId()).replace("{sessionId}", sessionId)
                        .replace("{taskId}", "une-tache").replace("{action}", "prendre")
                        .replace("{applicationId}", grant.applicationId()).replace("{conflictId}", sessionId)
                        .replace("{letterId}", "1").replace("{reportId}", grant.reportId())
                        // the administrator's webhooks and the steering's CSV: refused by role before any id
                        .replace("{endpointId}", "1").replace("{deliveryId}", "1").replace("{table}", "etapes")
                        // the administrator's directorates: refused by role before the code is read
                        .replace("{code}", "DMTA");
                java.util.Set<org.springframework.web.bind.annotation.RequestMethod> verbs =
                        mapping.getKey().getMethodsCondition().getMethods();
                for (org.springframework.web.bind.annotation.RequestMethod verb : verbs.isEmpty()
                        ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : verbs) {
                    for (String intruder : List.of("porteuse", "avis-dpas", "jury")) {
                        assertThat(url).as("a value for each parameter of " + template).doesNotContain("{");
                        ResponseEntity<String> response = page(intruder, verb.asHttpMethod(), url);
                        int status = response.getStatusCode().value();
                        if (verb == org.springframework.web.bind.annotation.RequestMethod.GET) {
                            // 400: a confirmation page asked without its parameter, refused before anything is read.
                            assertThat(status).as("%s GET %s", intruder, url).isIn(400, 403, 404);
                        } else {
                            // A form refused before its service is reached (its own validation) comes back
                            // to its page: never a success, and nothing changes (checked below).
                            assertThat(status).as("%s %s %s", intruder, verb, url).isIn(303, 400, 403, 404, 409, 422);
                        }
                        assertThat(String.valueOf(response.getBody())).as("%s %s %s", intruder, verb, url)
                                .doesNotContain(grant.reference(), structureName);
                        pagesProbed.add(verb + " " + template);
                    }
                }
            }
        }
        assertThat(pagesProbed).as("the pages taking an id").hasSizeGreaterThanOrEqualTo(3 * 30)
                .contains("GET /portail/candidatures/{id}", "POST /portail/candidatures/{id}/retrait",
                        "GET /portail/structures/{structureId}/membres",
                        "GET /jury/seances/{id}/candidatures/{applicationId}/pieces/{documentId}");
        assertThat(count("select count(*) from audit_event where application_id = ?",
                Long.valueOf(grant.applicationId()))).as("nothing changed").isEqualTo(auditBefore);
        assertThat(count("select count(*) from audit_event where action = 'ACCESS_DENIED'"))
                .as("each refusal is audited").isGreaterThanOrEqualTo(deniedBefore + probed.size());

        // Finance sees the payment data of a granted application, not its case file.
        assertThat(list("finances1", "/api/applications/" + grant.applicationId() + "/installments")).isNotEmpty();
        for (String path : List.of("", "/history", "/opinions", "/reports", "/receipt")) {
            assertThat(callForText("finances1", HttpMethod.GET, "/api/applications/" + grant.applicationId() + path)
                    .getStatusCode().value()).as("finance GET application%s", path).isIn(403, 404);
        }
    }

    /** A page as a browser asks for it, a form posted with plausible values, so that a refusal comes from the access rules. */
    private ResponseEntity<String> page(String user, HttpMethod verb, String url) {
        HttpHeaders headers = headersFor(user);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        if (verb == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (String[] field : new String[][] {{"body", "Intrus"}, {"comment", "Intrus"}, {"reason", "Intrus"},
                    {"confirmed", "true"}, {"declaration", "true"}, {"consent", "true"}, {"email", "intrus@example.org"},
                    {"verdict", "FAVORABLE"}}) {
                form.add(field[0], field[1]);
            }
        }
        return http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange(url, verb, new HttpEntity<>(verb == HttpMethod.POST ? form : null, headers), String.class);
    }

    /** A valid upload (a real PDF, a known type), so that a refusal comes from the access rules. */
    private ResponseEntity<String> upload(String user, String url) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        org.springframework.util.MultiValueMap<String, Object> parts = documentParts("STATUTS", "statuts.pdf",
                fr.agir.structure.SampleFiles.pdf("Intrus"), null);
        parts.add("body", "Intrus");
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }

    /** Valid bodies, so that a refusal comes from the access rules and not from validation. */
    private static final Map<String, Object> BODIES = Map.ofEntries(
            Map.entry("/api/applications/{id}", Map.of("title", "Intrus")),
            Map.entry("/api/applications/{id}/form", Map.of("data", Map.of("title", "Intrus"))),
            Map.entry("/api/reports/{reportId}/form", Map.of("data", ReportIT.report())),
            Map.entry("/api/reports/{reportId}/draft", Map.of("data", ReportIT.report())),
            Map.entry("/api/applications/{id}/messages", Map.of("body", "Intrus")),
            Map.entry("/api/agreements/{id}/sign", Map.of("code", "123456", "consent", true)),
            Map.entry("/api/applications/{id}/decision/revisions", Map.of("kind", "WITHDRAW",
                    "deliberationNumber", "CP-2026-01-999", "deliberationDate", "2026-01-05", "motivation", "Intrus")),
            Map.entry("/api/applications/{id}/completeness", Map.of("outcome", "COMPLETE")),
            Map.entry("/api/applications/{id}/missing-pieces", Map.of("comment", "Pièces")),
            Map.entry("/api/applications/{id}/opinions/{directorate}", Map.of("verdict", "FAVORABLE")),
            Map.entry("/api/applications/{id}/synthesis", Map.of("summary", "x", "proposedAmounts", Map.of("1", 1))),
            Map.entry("/api/applications/{id}/opinions/{directorate}/form", Map.of("data", Map.of("verdict",
                    "FAVORABLE", "comment", "Intrus"))),
            Map.entry("/api/applications/{id}/synthesis/form", Map.of("data", Map.of("summary", "Intrus",
                    "proposedAmountYear1", 1))),
            Map.entry("/api/applications/{id}/jury-result", Map.of("verdict", "FAVORABLE", "durationYears", 1,
                    "amounts", Map.of("1", 1))),
            Map.entry("/api/applications/{id}/decision", Map.of("outcome", "ADOPTED", "deliberationNumber", "CP-X",
                    "deliberationDate", LocalDate.now().toString())),
            Map.entry("/api/installments/{id}/prepare", Map.of("comment", "x")),
            Map.entry("/api/recovery-orders/{id}/cancel", Map.of("reason", "Intrus")),
            Map.entry("/api/recovery-orders/{id}/recovered", Map.of("date", "2026-01-05", "amount", 1)),
            Map.entry("/api/amendments/{id}/sign", Map.of("code", "123456", "consent", true)),
            Map.entry("/api/agreements/{id}/amendments", Map.of("amounts", Map.of("1", 1), "object", "Intrus",
                    "reason", "Intrus")),
            Map.entry("/api/installments/{id}/validate", Map.of("decision", "APPROVE")),
            Map.entry("/api/reports/{id}/submit", Map.of("actualCharges", 1, "actualProducts", 1, "spentGrant", 1,
                    "qualitativeReport", "intrus")),
            Map.entry("/api/reports/{id}/review", Map.of("outcome", "VALIDATED")),
            Map.entry("/api/structures/{id}/invitations", Map.of("email", "intrus@example.org")),
            Map.entry("/api/jury/sessions/{id}/members", List.of(Map.of("username", "intrus"))),
            Map.entry("/api/jury/sessions/{id}/assignments", Map.of("applicationId", 1, "username", "jure2",
                    "reason", "Intrus")),
            Map.entry("/api/jury/sessions/{id}/assignments/removal", Map.of("applicationId", 1, "username", "jure2",
                    "reason", "Intrus")),
            Map.entry("/api/jury/sessions/{id}/phase", Map.of("phase", "SCORING")),
            Map.entry("/api/jury/sessions/{id}/conflicts", Map.of("username", "jure2", "structureId", 1, "type", "OTHER")),
            Map.entry("/api/jury/conflicts/{id}/decision", Map.of("decision", "PIN")),
            Map.entry("/api/jury/sessions/{id}/applications/{applicationId}/proposal", Map.of("verdict", "UNFAVORABLE")),
            Map.entry("/api/jury/my-sessions/{id}/applications/{applicationId}/score", Map.of("values", Map.of("1", 1))));

    private static String concrete(String template, Map<String, String> ids) {
        // The collection is the segment before the first id: /api/applications/{id}…, /portail/candidatures/{id}…,
        // /avis/{id}/{directorate}.
        String[] segments = template.split("/");
        int firstId = java.util.Arrays.asList(segments).indexOf("{id}");
        if (firstId < 0 && !template.startsWith("/api/")) {
            return template.replace("{directorate}", "DTER"); // pages with named ids only
        }
        String collection = firstId > 0 ? segments[firstId - 1] : segments[2];
        String id = ids.get(collection);
        assertThat(id).as("an id for the new endpoint " + template + ": add its collection to this test").isNotNull();
        return template.replace("{id}", id).replace("{directorate}", "DTER").replace("{username}", "porteur");
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() throws Exception {
        // A genuine token from a client whose tokens live 3 seconds (the app allows no clock skew here).
        assertThat(keycloak().admin("POST", "/clients", Map.of("clientId", "agir-expiry-test", "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "3"),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.custom.audience", "agir-api", "access.token.claim", "true")))))).isEqualTo(201);
        String shortLived = keycloak().passwordGrant("agir", "agir-expiry-test", "porteur", KeycloakServer.DEMO_PASSWORD);
        assertThat(withToken(shortLived).getStatusCode().value()).as("fresh").isEqualTo(200);
        await().pollDelay(java.time.Duration.ofSeconds(4)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> withToken(shortLived).getStatusCode().value() == 401);
        assertThat(withToken(shortLived).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");

        // The same claims as a genuine token, signed with another key (same key id): forged.
        SignedJWT genuine = SignedJWT.parse(keycloak().token("admin"));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID())
                .type(JOSEObjectType.JWT).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attacker));
        assertThat(withToken(forged.serialize()).getStatusCode().value()).as("forged").isEqualTo(401);

        // Unsigned (alg none), and a token from another realm (wrong issuer and audience).
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).build()).serialize();
        assertThat(withToken(unsigned).getStatusCode().value()).as("alg none").isEqualTo(401);
        String master = keycloak().passwordGrant("master", "admin-cli", KeycloakServer.ADMIN, keycloak().adminPassword());
        assertThat(withToken(master).getStatusCode().value()).as("other realm").isEqualTo(401);
        assertThat(withToken("pas-un-jeton").getStatusCode().value()).as("garbage").isEqualTo(401);
        ResponseEntity<Map<String, Object>> problem = call(null, HttpMethod.GET, "/api/me", null);
        assertThat(problem.getStatusCode().value()).isEqualTo(401);
        assertThat(problem.getBody()).containsEntry("title", "Connexion requise");
    }

    /** A bad token is refused alike on Agir's API, the engine's REST API and the metrics: 401 problem+json. */
    @Test
    void aBadBearerTokenIs401ProblemJsonOnEveryApiPathIncludingTheEngineRestApi() {
        for (String path : List.of("/api/me", "/engine-rest/process-definition", "/engine-rest/task",
                "/actuator/prometheus")) {
            for (String token : new String[] {"pas-un-jeton", null}) {
                HttpHeaders headers = new HttpHeaders();
                if (token != null) {
                    headers.setBearerAuth(token);
                }
                ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                        String.class);
                assertThat(answer.getStatusCode().value()).as("%s with %s", path, token).isEqualTo(401);
                assertThat(answer.getHeaders().getContentType().toString()).as("%s with %s", path, token)
                        .startsWith("application/problem+json");
                assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            }
        }
        // Positive control: an administrator's genuine token reaches the engine's REST API; an applicant's
        // is refused the metrics (OperationsIT reads them, with the exporter these tests leave off).
        assertThat(callForText("admin", HttpMethod.GET, "/engine-rest/process-definition").getStatusCode().value())
                .isEqualTo(200);
        assertThat(callForText("porteur", HttpMethod.GET, "/actuator/prometheus").getStatusCode().value())
                .isEqualTo(403);
        // Signing out hands the browser over to Keycloak: the only other target forms may lead to.
        java.net.URI keycloakUrl = java.net.URI.create(keycloak().url());
        assertThat(http.getForEntity("/login", String.class).getHeaders().getFirst("Content-Security-Policy"))
                .contains("form-action 'self' " + keycloakUrl.getScheme() + "://" + keycloakUrl.getAuthority() + ";");
    }

    private ResponseEntity<String> withToken(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void aDterReviewerCannotCompleteADjvaOpinionTask() {
        Map<String, Object> draft = oneYearDraft(budget(1, 20000, 30000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        submitAndAwaitOpinions(id, reference);
        await().atMost(PATIENCE).until(() -> list("avis-djva", "/api/tasks?size=200").stream()
                .anyMatch(t -> reference.equals(t.get("applicationReference"))));

        assertThat(list("avis-dter", "/api/tasks?size=200")).filteredOn(t -> reference.equals(t.get("applicationReference")))
                .as("DTER is offered its own opinion task only").hasSize(1);
        assertThat(list("avis-dpas", "/api/tasks?size=200")).filteredOn(t -> reference.equals(t.get("applicationReference")))
                .as("DPAS was not consulted").isEmpty();
        ResponseEntity<Map<String, Object>> refused = call("avis-dter", HttpMethod.POST,
                "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "UNFAVORABLE"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(count("select count(*) from opinion where application_id = ? and directorate = 'DJVA' "
                + "and status = 'REQUESTED'", Long.valueOf(id))).as("DJVA's opinion still awaited").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_GiveOpinion").taskCandidateGroup("DJVA").count()).isEqualTo(1);

        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "FAVORABLE", "comment", "Avis favorable"));
        assertThat(count("select count(*) from opinion where application_id = ? and directorate = 'DJVA' "
                + "and status = 'GIVEN'", Long.valueOf(id))).isEqualTo(1);
    }
}
