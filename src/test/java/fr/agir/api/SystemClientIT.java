package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Other systems' access (docs/INTEGRATION.md): a client-credentials token of a system client of the realm
 * opens the routes of its scopes and nothing else; a user's token opens no system route.
 */
class SystemClientIT extends KeycloakTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an integrator does: POST client_id and client_secret to the realm's token endpoint. */
    private static String clientToken(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak().url() + "/realms/agir/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }

    /** A token request as a client would send it, with an explicit {@code scope} parameter. */
    private static HttpResponse<String> tokenRequest(String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak().url() + "/realms/agir/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The claims of a JWT (its payload), as Agir reads them once the signature is checked. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) throws Exception {
        return JSON.readValue(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }

    private static List<String> scopes(Map<String, Object> claims) {
        return List.of(String.valueOf(claims.get("scope")).split(" "));
    }

    private ResponseEntity<String> as(String token, HttpMethod method, String path, HttpEntity<?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (body != null) {
            headers.addAll(body.getHeaders());
        }
        return http.exchange(path, method, new HttpEntity<>(body == null ? null : body.getBody(), headers), String.class);
    }

    private static HttpEntity<MultiValueMap<String, Object>> returnFile(String content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "retour.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    @Test
    void aSystemTokenOpensTheRoutesOfItsScopesOnly() throws Exception {
        // agir-ged: applications:read, payments:read, reports:read — not payments:write.
        String ged = clientToken("agir-ged", "agir-ged-dev-secret");
        ResponseEntity<String> installments = as(ged, HttpMethod.GET, "/api/systems/installments", null);
        assertThat(installments.getStatusCode().value()).as(installments.getBody()).isEqualTo(200);
        assertThat(installments.getBody()).startsWith("[").doesNotContainIgnoringCase("iban");
        assertThat(as(ged, HttpMethod.GET, "/api/systems/installments?status=PAID", null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(as(ged, HttpMethod.GET, "/api/bordereaux", null).getStatusCode().value()).isEqualTo(200);
        assertThat(as(ged, HttpMethod.GET, "/api/systems/reports", null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> unknownStatus = as(ged, HttpMethod.GET, "/api/systems/installments?status=PAYE", null);
        assertThat(unknownStatus.getStatusCode().value()).isEqualTo(422);
        assertThat(unknownStatus.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknownStatus.getBody()).contains("urn:agir:probleme:saisie-invalide", "Statut d'échéance inconnu");
        ResponseEntity<String> missing = as(ged, HttpMethod.GET, "/api/systems/applications/AAP-0000-9999", null);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("urn:agir:probleme:introuvable");

        // Refused: the payment return (payments:write) and user-only routes.
        ResponseEntity<String> write = as(ged, HttpMethod.POST, "/api/payment-orders/returns",
                returnFile("pièce;mandat;date;montant\n"));
        assertThat(write.getStatusCode().value()).as(write.getBody()).isEqualTo(403);
        assertThat(write.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(write.getBody()).contains("urn:agir:probleme:acces-refuse");
        assertThat(as(ged, HttpMethod.GET, "/api/installments/awaiting-validation", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as(ged, HttpMethod.POST, "/api/bordereaux", null).getStatusCode().value()).isEqualTo(403);

        // agir-finance-system posts its return (payments:write): checked, not refused.
        String finance = clientToken("agir-finance-system", "agir-finance-system-dev-secret");
        ResponseEntity<String> posted = as(finance, HttpMethod.POST, "/api/payment-orders/returns",
                returnFile("pièce;mandat;date;montant\n99999999;M-1;2026-12-01;10.00\n"));
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isIn(200, 422);
        assertThat(posted.getBody()).contains("99999999").doesNotContain("acces-refuse");
        assertThat(as(finance, HttpMethod.GET, "/api/systems/applications/AAP-0000-9999", null).getStatusCode().value())
                .as("no applications:read").isEqualTo(403);

        // agir-open-data: applications:read only.
        String openData = clientToken("agir-open-data", "agir-open-data-dev-secret");
        assertThat(as(openData, HttpMethod.GET, "/api/systems/applications/AAP-0000-9999", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(as(openData, HttpMethod.GET, "/api/systems/installments", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as(openData, HttpMethod.GET, "/api/payment-orders?bordereau=1", null).getStatusCode().value())
                .isEqualTo(403);
    }

    /**
     * The rights are Keycloak client scopes given to the system clients only: the token's {@code scope} claim
     * carries the client's, nothing more even when asked, and no user role; a user's client cannot get one.
     */
    @Test
    void aSystemTokenCarriesItsClientScopesAndAUserTokenNone() throws Exception {
        Map<String, Object> ged = claims(clientToken("agir-ged", "agir-ged-dev-secret"));
        assertThat(scopes(ged)).contains("applications:read", "payments:read", "reports:read")
                .doesNotContain("payments:write");
        assertThat(ged).doesNotContainKey("roles").doesNotContainKey("groups");
        assertThat(String.valueOf(ged.get("aud"))).contains("agir-api");
        assertThat(ged.get("preferred_username")).isEqualTo("service-account-agir-ged");
        Map<String, Object> finance = claims(clientToken("agir-finance-system", "agir-finance-system-dev-secret"));
        assertThat(scopes(finance)).contains("payments:read", "payments:write").doesNotContain("applications:read");
        Map<String, Object> openData = claims(clientToken("agir-open-data", "agir-open-data-dev-secret"));
        assertThat(scopes(openData)).contains("applications:read")
                .doesNotContain("payments:read", "payments:write", "reports:read");

        // A system asking for a scope it was not given: refused, or a token without it.
        HttpResponse<String> more = tokenRequest("grant_type=client_credentials&client_id=agir-open-data"
                + "&client_secret=agir-open-data-dev-secret&scope=payments:write");
        if (more.statusCode() == 200) {
            assertThat(scopes(claims((String) JSON.readValue(more.body(), Map.class).get("access_token"))))
                    .doesNotContain("payments:write");
        } else {
            assertThat(more.body()).contains("invalid_scope");
        }
        // A user (through the API client) asking for a system scope: the same.
        HttpResponse<String> user = tokenRequest("grant_type=password&client_id=agir-api&username=finances1&password="
                + KeycloakServer.DEMO_PASSWORD + "&scope=payments:write");
        if (user.statusCode() == 200) {
            assertThat(scopes(claims((String) JSON.readValue(user.body(), Map.class).get("access_token"))))
                    .doesNotContain("payments:write", "payments:read");
        } else {
            assertThat(user.body()).contains("invalid_scope");
        }
        // A user's ordinary token still carries what the pages and the API need.
        Map<String, Object> finances1 = claims(keycloak().token("finances1"));
        assertThat((Object) finances1.get("preferred_username")).isEqualTo("finances1");
        assertThat((Object) finances1.get("sub")).isNotNull();
        assertThat(String.valueOf(finances1.get("roles"))).contains("finance");
        assertThat(scopes(finances1)).contains("profile", "email")
                .doesNotContain("payments:read", "payments:write", "applications:read", "reports:read");
    }

    @Test
    void aUsersTokenOpensNoSystemRoute() {
        for (String user : new String[] {"finances1", "admin", "porteur"}) {
            ResponseEntity<Map<String, Object>> refused = call(user, HttpMethod.GET, "/api/systems/installments", null);
            assertProblem(refused, 403, "urn:agir:probleme:acces-refuse");
            assertThat(call(user, HttpMethod.GET, "/api/systems/applications/AAP-0000-9999", null).getStatusCode()
                    .value()).isEqualTo(403);
        }
        // Positive control: the finance officer's own route.
        assertThat(callForText("finances1", HttpMethod.GET, "/api/bordereaux").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheSystemRoutesTheirScopesAndProblems() {
        String doc = http.getForObject("/v3/api-docs", String.class);
        assertThat(doc).contains("/api/systems/applications/{reference}", "/api/systems/installments",
                "clientCredentials", "payments:write", "application/problem+json", "urn:agir:probleme:acces-refuse",
                "urn:agir:probleme:introuvable", "AAP-2026-0042");
    }
}
