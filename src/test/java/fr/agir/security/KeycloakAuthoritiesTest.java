package fr.agir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;

class KeycloakAuthoritiesTest {

    static List<Arguments> tokens() {
        return List.of(
                Arguments.of(Map.of("roles", List.of("applicant", "offline_access", "default-roles-agir")),
                        List.of("ROLE_APPLICANT")),
                Arguments.of(Map.of("roles", List.of("reviewer"), "groups", List.of("DJVA")),
                        List.of("ROLE_REVIEWER", "DIRECTORATE_DJVA")),
                Arguments.of(Map.of("roles", List.of("reviewer"), "groups", List.of("/culture", "/directions/sport")),
                        List.of("ROLE_REVIEWER", "DIRECTORATE_CULTURE", "DIRECTORATE_SPORT")),
                Arguments.of(Map.of("roles", List.of("instructor", "admin"), "groups", List.of("DIEESS", "comptables")),
                        List.of("ROLE_INSTRUCTOR", "ROLE_ADMIN", "DIRECTORATE_DIEESS")),
                Arguments.of(Map.of("roles", List.of("ADMIN", "Admin"), "groups", "DJVA"), List.of()),
                Arguments.of(Map.of("realm_access", Map.of("roles", List.of("admin"))), List.of()),
                // A system client's token: its client scopes, Keycloak's own scopes ignored.
                Arguments.of(Map.of("scope", "profile applications:read  payments:read reports:read"),
                        List.of("SCOPE_applications:read", "SCOPE_payments:read", "SCOPE_reports:read")),
                Arguments.of(Map.of("scope", "openid email profile"), List.of()),
                // A scope name as a realm role, or a look-alike scope, grants nothing.
                Arguments.of(Map.of("roles", List.of("payments:write"), "scope", "payments:write2 PAYMENTS:READ"),
                        List.of()),
                Arguments.of(Map.of("scope", List.of("payments:read")), List.of()));
    }

    /** Only Agir's own role names (lower case) and directorate groups count; a name that merely looks alike does not. */
    @ParameterizedTest
    @MethodSource("tokens")
    void mapsRealmRolesAndDirectorateGroupsToAgirAuthorities(Map<String, Object> claims, List<String> expected) {
        assertThat(KeycloakAuthorities.from(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
