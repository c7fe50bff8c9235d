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
        return as(username, false, action);
    }

    /**
     * As {@link #as(String, Supplier)}, signed in the way the local demo accounts are (a
     * {@code UserDetails} principal): Agir then knows the account's name and e-mail address, as the
     * one-time signature code needs.
     */
    public static <T> T asSignedIn(String username, Supplier<T> action) {
        return as(username, true, action);
    }

    private static <T> T as(String username, boolean userDetails, Supplier<T> action) {
        DemoAccounts.DemoAccount account = DemoAccounts.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        List<String> authorities = new ArrayList<>();
        authorities.add(account.role().authority());
        account.directorates().forEach(d -> authorities.add(d.authority()));
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var granted = AuthorityUtils.createAuthorityList(authorities);
        Object principal = userDetails
                ? new org.springframework.security.core.userdetails.User(username, "", granted) : username;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, granted));
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
