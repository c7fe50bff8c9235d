package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.security.People;
import fr.agir.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The people staff pick from (instructors to assign, jurors to seat, signatories to notify) are those who signed in
 * with that role, read on {@code person_role} (issue 21, fourth pass), and follow a change of roles at the next
 * sign-in: a person who lost a role is no longer offered, and an applicant is never offered, whatever his name.
 */
class PeopleByRoleIT extends ApiTestSupport {
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private People people;
    @Autowired
    private ApplicationEventPublisher events;

    @AfterEach
    void forgetThem() {
        jdbc.update("DELETE FROM person_role WHERE username LIKE ?", "%-" + run);
        jdbc.update("DELETE FROM person WHERE username LIKE ?", "%-" + run);
    }

    @Test
    void theChoicesOfARoleAreThePeopleWhoSignedInWithItAndFollowTheirRoles() {
        String juror = "jure-" + run;
        String applicant = "instructor-" + run;   // an applicant whose sign-in name holds a role's name
        String both = "double-" + run;
        signsIn(juror, "Zoé", "Jurée", Role.JURY);
        signsIn(applicant, "Ines", "Tructor", Role.APPLICANT);
        signsIn(both, "Alain", "Double", Role.INSTRUCTOR, Role.JURY);

        assertThat(usernames(Role.JURY)).contains(juror, both).doesNotContain(applicant);
        assertThat(usernames(Role.INSTRUCTOR)).contains(both).doesNotContain(juror, applicant);
        assertThat(usernames(Role.APPLICANT)).contains(applicant).doesNotContain(juror, both);
        assertThat(people.withRole(Role.JURY)).filteredOn(p -> p.username().equals(both)).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("Alain Double");
                    assertThat(p.roles()).containsExactly(Role.INSTRUCTOR, Role.JURY);
                });

        signsIn(both, "Alain", "Double", Role.INSTRUCTOR);   // left the jury
        signsIn(juror, "Zoé", "Jurée", Role.JURY);            // nothing changed: nothing written
        assertThat(usernames(Role.JURY)).contains(juror).doesNotContain(both, applicant);
        assertThat(usernames(Role.INSTRUCTOR)).contains(both);
        assertThat(jdbc.queryForList("SELECT role FROM person_role WHERE username = ?", String.class, both))
                .containsExactly("INSTRUCTOR");
    }

    private void signsIn(String username, String given, String family, Role... roles) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").subject(username)
                .claim("given_name", given).claim("family_name", family).build();
        events.publishEvent(new AuthenticationSuccessEvent(new JwtAuthenticationToken(jwt,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList(), username)));
    }

    private List<String> usernames(Role role) {
        return people.withRole(role).stream().map(People.Person::username).toList();
    }
}
