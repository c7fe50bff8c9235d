package fr.agir;

import fr.agir.security.DemoAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Acts as a seeded demo account in the calling thread (process tests and the benchmark drive the services this way). */
public final class Actors {
    private Actors() {
    }

    public static <T> T as(String username, Supplier<T> action) {
        DemoAccounts.DemoAccount account = DemoAccounts.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        List<String> authorities = new ArrayList<>();
        authorities.add(account.role().authority());
        account.directorates().forEach(d -> authorities.add(d.authority()));
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(authorities)));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
