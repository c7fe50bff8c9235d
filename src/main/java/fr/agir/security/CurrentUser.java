package fr.agir.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Who is calling, read from Spring Security; engine jobs (timers) run as {@value #SYSTEM}. */
@Component
public class CurrentUser {
    public static final String SYSTEM = "système";

    public Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    public String username() {
        return authentication().map(Authentication::getName)
                .orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    public String usernameOrSystem() {
        return authentication().map(Authentication::getName).orElse(SYSTEM);
    }

    /**
     * The caller's e-mail address, when Agir knows it: the {@code email} claim of his Keycloak
     * sign-in (page session or API token), unless Keycloak says it is not verified; for a local
     * demo account, its {@code @agir.test} address (see {@link DemoAccounts}).
     */
    public Optional<String> email() {
        return authentication().flatMap(CurrentUser::emailOf);
    }

    /** {@link #email()} of an authentication. */
    public static Optional<String> emailOf(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        Map<String, Object> claims = principal instanceof OidcUser oidc ? oidc.getClaims()
                : principal instanceof Jwt jwt ? jwt.getClaims() : null;
        if (claims != null) {
            Object email = claims.get("email");
            boolean unverified = Boolean.FALSE.equals(claims.get("email_verified"));
            return email instanceof String s && !s.isBlank() && !unverified ? Optional.of(s) : Optional.empty();
        }
        if (principal instanceof UserDetails user) {
            return DemoAccounts.emailOf(user.getUsername());
        }
        return Optional.empty();
    }

    /**
     * The caller's name as people read it ("Paul Porteur"): given and family name from Keycloak,
     * the demo account's name locally; the sign-in name when neither is known.
     */
    public String displayName() {
        return authentication().map(CurrentUser::displayName).orElse(SYSTEM);
    }

    /** {@link #displayName()} of an authentication. */
    public static String displayName(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        Map<String, Object> claims = principal instanceof OidcUser oidc ? oidc.getClaims()
                : principal instanceof Jwt jwt ? jwt.getClaims() : null;
        if (claims != null) {
            String name = personName(claims.get("given_name"), claims.get("family_name"), claims.get("name"));
            if (name != null) {
                return name;
            }
        }
        if (principal instanceof UserDetails user) {
            return DemoAccounts.nameOf(user.getUsername()).orElse(user.getUsername());
        }
        return authentication.getName();
    }

    static String personName(Object given, Object family, Object full) {
        String name = ((given instanceof String g ? g : "") + " " + (family instanceof String f ? f : "")).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return full instanceof String n && !n.isBlank() ? n.strip() : null;
    }

    /** The caller's roles. */
    public Set<Role> roles() {
        Set<String> authorities = authorities();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authorities.contains(role.authority())) {
                roles.add(role);
            }
        }
        return roles;
    }

    public boolean hasRole(Role role) {
        return authorities().contains(role.authority());
    }

    public boolean isStaff() {
        return hasRole(Role.INSTRUCTOR) || hasRole(Role.ADMIN);
    }

    public Set<Directorate> directorates() {
        return directorates(authorities());
    }

    private static Set<Directorate> directorates(Set<String> authorities) {
        Set<Directorate> result = EnumSet.noneOf(Directorate.class);
        for (Directorate d : Directorate.values()) {
            if (authorities.contains(d.authority())) {
                result.add(d);
            }
        }
        return result;
    }

    /** The Camunda candidate groups of the caller: his roles and his directorates. */
    public List<String> candidateGroups() {
        return candidateGroups(authorities());
    }

    /**
     * Camunda candidate groups for a set of authorities: {@code applicant}, {@code reviewer}… for
     * roles, {@code DJVA}, {@code DTER}… for directorates (an opinion task's candidate group).
     */
    static List<String> candidateGroups(Set<String> authorities) {
        List<String> groups = new ArrayList<>();
        for (Role role : Role.values()) {
            if (authorities.contains(role.authority())) {
                groups.add(role.candidateGroup());
            }
        }
        directorates(authorities).forEach(d -> groups.add(d.name()));
        return groups;
    }

    static Set<String> names(Authentication authentication) {
        Set<String> names = new java.util.HashSet<>();
        for (GrantedAuthority ga : authentication.getAuthorities()) {
            names.add(ga.getAuthority());
        }
        return names;
    }

    private Set<String> authorities() {
        return authentication().map(CurrentUser::names).orElse(Set.of());
    }
}
