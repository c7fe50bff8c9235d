package fr.agir.security;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Seeded local accounts, one per role, for the embedded default ({@code agir.security.mode=local}).
 * They do not exist in the {@code keycloak} mode, where Keycloak holds every account; the realm's
 * demo users have the same names and authorities. The list is in the README.
 */
@Configuration
@ConditionalOnProperty(name = "agir.security.mode", havingValue = "local", matchIfMissing = true)
public class DemoAccounts {

    /**
     * The demo accounts' e-mail domain: {@code .test} is reserved (RFC 2606), so these addresses
     * reach the local mail catcher (Mailpit) and nothing else.
     */
    public static final String EMAIL_DOMAIN = "agir.test";

    public record DemoAccount(String username, String name, Role role, List<Directorate> directorates) {
        public String email() {
            return username + "@" + EMAIL_DOMAIN;
        }

        String[] authorities() {
            return Stream.concat(Stream.of(role.authority()), directorates.stream().map(Directorate::authority))
                    .toArray(String[]::new);
        }
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("porteur", "Paul Porteur", Role.APPLICANT, List.of()),
            new DemoAccount("porteuse", "Paule Porteuse", Role.APPLICANT, List.of()),
            new DemoAccount("instructeur", "Ivan Instructeur", Role.INSTRUCTOR, List.of(Directorate.DIEESS)),
            new DemoAccount("instructrice", "Inès Instructrice", Role.INSTRUCTOR, List.of(Directorate.DIEESS)),
            new DemoAccount("avis-djva", "Anne Jeunesse", Role.REVIEWER, List.of(Directorate.DJVA)),
            new DemoAccount("avis-dter", "Alain Transition", Role.REVIEWER, List.of(Directorate.DTER)),
            new DemoAccount("avis-dpas", "Alice Solidarités", Role.REVIEWER, List.of(Directorate.DPAS)),
            new DemoAccount("avis-dmta", "Arthur Attractivité", Role.REVIEWER, List.of(Directorate.DMTA)),
            new DemoAccount("jury", "Julie Jury", Role.JURY, List.of()),
            new DemoAccount("jure2", "Jean Juré", Role.JURY, List.of()),
            new DemoAccount("jure3", "Jeanne Jurée", Role.JURY, List.of()),
            new DemoAccount("finances1", "Fanny Finances", Role.FINANCE, List.of()),
            new DemoAccount("finances2", "Fabrice Finances", Role.FINANCE, List.of()),
            new DemoAccount("admin", "Ada Administratrice", Role.ADMIN, List.of()),
            new DemoAccount("signataire", "Sophie Signataire", Role.SIGNATORY, List.of()));

    /** The full name of a demo account ("Paul Porteur"), as Keycloak's realm gives it; empty for any other name. */
    public static Optional<String> nameOf(String username) {
        return ACCOUNTS.stream().filter(a -> a.username().equals(username)).map(DemoAccount::name).findFirst();
    }

    /** The e-mail of a demo account ({@code porteur@agir.test}), empty for any other name. */
    public static Optional<String> emailOf(String username) {
        return ACCOUNTS.stream().filter(a -> a.username().equals(username)).map(DemoAccount::email).findFirst();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder,
                                 @Value("${agir.security.demo-accounts.password}") String password) {
        String hash = encoder.encode(password);
        List<UserDetails> users = ACCOUNTS.stream()
                .map(a -> User.withUsername(a.username()).password(hash).authorities(a.authorities()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
