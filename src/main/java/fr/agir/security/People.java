package fr.agir.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The people Agir has met ({@code person}): who a sign-in name is, for pages, letters and lists.
 * A person is written when he signs in (name, e-mail and roles from Keycloak or the demo account),
 * and only when something changed. Locally the demo accounts are known from the start.
 */
@Component("people")
public class People {
    /** What the audit trail says for the engine's own jobs. */
    public static final String SYSTEM_NAME = "Agir (traitement automatique)";

    public record Person(String username, String name, String email, List<Role> roles) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Person> known = new ConcurrentHashMap<>();

    public People(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** "Paul Porteur" for {@code porteur}; the sign-in name itself for someone Agir has not met. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (CurrentUser.SYSTEM.equals(username)) {
            return SYSTEM_NAME;
        }
        return find(username).map(Person::name).orElse(username);
    }

    public Optional<Person> find(String username) {
        Person cached = known.get(username);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Person> found = jdbc.query("SELECT username, display_name, email, roles FROM person WHERE username = ?",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getString(4))),
                username);
        found.forEach(p -> known.put(p.username(), p));
        return found.stream().findFirst();
    }

    /**
     * Everyone with this role Agir has met, by name: the choices offered when staff pick people. Read on
     * {@code person_role}'s index: the applicants, who are most of the people, are not read.
     */
    public List<Person> withRole(Role role) {
        return jdbc.query("SELECT p.username, p.display_name, p.email, p.roles FROM person_role r "
                        + "JOIN person p ON p.username = r.username WHERE r.role = ? ORDER BY p.display_name",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getString(4))),
                role.name());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        List<Role> roles = Arrays.stream(Role.values())
                .filter(r -> CurrentUser.names(auth).contains(r.authority())).toList();
        remember(new Person(auth.getName(), CurrentUser.displayName(auth), CurrentUser.emailOf(auth).orElse(null),
                roles));
    }

    /** The demo accounts, when they exist (local sign-in), are people from the start. */
    @EventListener(ApplicationReadyEvent.class)
    void demoAccounts(ApplicationReadyEvent event) {
        if (event.getApplicationContext().getBeanNamesForType(DemoAccounts.class).length > 0) {
            DemoAccounts.ACCOUNTS.forEach(a -> remember(new Person(a.username(), a.name(), a.email(), List.of(a.role()))));
        }
    }

    void remember(Person person) {
        if (person.equals(known.get(person.username()))) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String roles = person.roles().stream().map(Role::name).collect(Collectors.joining(","));
        int updated = jdbc.update("UPDATE person SET display_name = ?, email = ?, roles = ?, last_seen = ? "
                + "WHERE username = ?", person.name(), person.email(), roles, now, person.username());
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO person (username, display_name, email, roles, last_seen) VALUES (?, ?, ?, ?, ?)",
                        person.username(), person.name(), person.email(), roles, now);
            } catch (org.springframework.dao.DuplicateKeyException signedInTwiceAtOnce) {
                return;
            }
        }
        keepRoles(person);
        known.put(person.username(), person);
    }

    /** {@code person_role} follows the person's roles: the missing ones added, the lost ones removed. */
    private void keepRoles(Person person) {
        List<String> held = jdbc.queryForList("SELECT role FROM person_role WHERE username = ?", String.class,
                person.username());
        for (Role role : person.roles()) {
            if (!held.contains(role.name())) {
                try {
                    jdbc.update("INSERT INTO person_role (role, username) VALUES (?, ?)", role.name(), person.username());
                } catch (org.springframework.dao.DuplicateKeyException signedInTwiceAtOnce) {
                    // the other sign-in added it
                }
            }
        }
        for (String role : held) {
            if (person.roles().stream().noneMatch(r -> r.name().equals(role))) {
                jdbc.update("DELETE FROM person_role WHERE role = ? AND username = ?", role, person.username());
            }
        }
    }

    private static List<Role> roles(String roles) {
        return roles == null || roles.isBlank() ? List.of()
                : Arrays.stream(roles.split(",")).filter(Objects::nonNull).map(Role::valueOf).toList();
    }

    /** Names of several people at once, for lists. */
    public Map<String, String> names(Collection<String> usernames) {
        return usernames.stream().distinct().collect(Collectors.toMap(u -> u, this::name));
    }
}
