package fr.agir.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads Agir's authorities off a Keycloak token: realm roles (claim {@code roles}) become
 * {@code ROLE_*}, directorate groups (claim {@code groups}) become {@code DIRECTORATE_*}, the same
 * authorities as the local demo accounts; the other systems' client scopes (claim {@code scope})
 * become {@code SCOPE_*}. Anything else Keycloak puts there is ignored.
 */
public final class KeycloakAuthorities {
    public static final String ROLES_CLAIM = "roles";
    public static final String GROUPS_CLAIM = "groups";
    /** OAuth2's granted scopes: one string, space-separated (RFC 8693 §4.2), as Keycloak writes it. */
    public static final String SCOPE_CLAIM = "scope";
    public static final String USERNAME_CLAIM = "preferred_username";

    private KeycloakAuthorities() {
    }

    /**
     * The rights of other systems (docs/INTEGRATION.md): client scopes of the realm given (as default scopes)
     * to the system clients only (agir-finance-system, agir-ged, agir-open-data), read as {@code SCOPE_<name>}.
     * Keycloak's own scopes in the same claim (profile, email…) grant nothing.
     */
    public static final List<String> SYSTEM_SCOPES = List.of("applications:read", "payments:read", "payments:write",
            "reports:read");

    public static List<GrantedAuthority> from(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (claims.get(SCOPE_CLAIM) instanceof String granted) {
            for (String name : granted.trim().split("\\s+")) {
                if (SYSTEM_SCOPES.contains(name)) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + name));
                }
            }
        }
        for (String name : strings(claims.get(ROLES_CLAIM))) {
            for (Role role : Role.values()) {
                if (role.candidateGroup().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        for (String group : strings(claims.get(GROUPS_CLAIM))) {
            String name = group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
            for (Directorate directorate : Directorate.values()) {
                if (directorate.name().equals(name.toUpperCase(Locale.ROOT))) {
                    authorities.add(new SimpleGrantedAuthority(directorate.authority()));
                }
            }
        }
        return authorities;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
