package fr.agir.integration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame (/v3/api-docs): who Agir is, how to get a token (Keycloak's
 * client-credentials flow and its scopes), the RFC 7807 problem schema, and the error answers every
 * /api route may give — 401, 403, 404, 409, 422 — each with its type and a French example.
 */
@Configuration
class ApiDocumentation {
    static final String PROBLEM = "application/problem+json";

    /** Problem type → status, title, example detail (the types of shared/*Exception and SecurityConfig). */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("401", new String[] {"non-authentifie", "Connexion requise",
                "Jeton absent, expiré ou invalide : demandez un nouveau jeton à Keycloak."});
        ERRORS.put("403", new String[] {"acces-refuse", "Accès refusé", "Votre rôle ne permet pas cette action."});
        ERRORS.put("404", new String[] {"introuvable", "Introuvable", "Aucune candidature déposée sous la référence AAP-2026-9999."});
        ERRORS.put("409", new String[] {"etat-incompatible", "Conflit", "Ce versement a déjà été payé."});
        ERRORS.put("422", new String[] {"saisie-invalide", "Saisie invalide", "Statut d'échéance inconnu : PAYE."});
    }

    @Bean
    OpenAPI agirOpenApi(@Value("${agir.keycloak.url:http://localhost:8180}") String keycloak) {
        String tokenUrl = keycloak + "/realms/agir/protocol/openid-connect/token";
        ObjectSchema problem = new ObjectSchema();
        problem.description("Erreur RFC 7807 (application/problem+json), en français");
        problem.addProperty("type", new StringSchema().example("urn:agir:probleme:saisie-invalide")
                .description("urn:agir:probleme:<type> : non-authentifie, acces-refuse, introuvable, etat-incompatible, "
                        + "saisie-invalide, action-interdite"));
        problem.addProperty("title", new StringSchema().example("Saisie invalide"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema().example("Statut d'échéance inconnu : PAYE."));
        problem.addProperty("errors", new ObjectSchema().description("Par champ, le message à afficher (422)"));
        return new OpenAPI()
                .info(new Info().title("API Agir — Département de la Seine-Saint-Denis").version("1")
                        .description("API JSON d'Agir. Les autres systèmes (logiciel financier, GED, portail open data) "
                                + "obtiennent un jeton client_credentials de Keycloak et appellent les routes de leurs "
                                + "scopes ; voir docs/INTEGRATION.md. Erreurs : RFC 7807, en français."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Jeton d'accès Keycloak (royaume agir, audience agir-api)"))
                        .addSecuritySchemes("systemes", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Clients confidentiels agir-finance-system, agir-ged, agir-open-data")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl)
                                        .scopes(new Scopes()
                                                .addString("applications:read", "Faits publics des candidatures")
                                                .addString("payments:read", "Échéances, bordereaux et mandats")
                                                .addString("payments:write", "Retour de paiement du logiciel financier")
                                                .addString("reports:read", "Statut des comptes rendus financiers")))))
                        .addSchemas("Problem", problem));
    }

    /** Every /api operation documents its problem answers (those it does not describe itself). */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperations().forEach(operation -> ERRORS.forEach((status, error) -> {
                ApiResponse existing = operation.getResponses() == null ? null : operation.getResponses().get(status);
                if (existing != null && existing.getContent() != null && existing.getContent().get(PROBLEM) != null
                        && existing.getContent().get(PROBLEM).getExamples() != null) {
                    return;
                }
                Map<String, Object> example = new LinkedHashMap<>();
                example.put("type", "urn:agir:probleme:" + error[0]);
                example.put("title", error[1]);
                example.put("status", Integer.parseInt(status));
                example.put("detail", error[2]);
                operation.getResponses().addApiResponse(status, new ApiResponse()
                        .description(existing != null && existing.getDescription() != null ? existing.getDescription()
                                : error[1])
                        .content(new Content().addMediaType(PROBLEM, new MediaType()
                                .schema(new ObjectSchema().$ref("#/components/schemas/Problem"))
                                .addExamples(error[0], new Example().value(example)))));
            }));
        });
    }
}
