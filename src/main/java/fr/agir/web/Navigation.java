package fr.agir.web;

import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The header's navigation, read by the layout as {@code ${@nav.links()}}: the real pages of each
 * of the user's roles, the current one marked for {@code aria-current}, and who is signed in.
 */
@Component("nav")
public class Navigation {
    public record Link(String href, String label, boolean current) {
    }

    private final CurrentUser currentUser;

    public Navigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public boolean signedIn() {
        return currentUser.authentication().isPresent();
    }

    /** "Paul Porteur". */
    public String userName() {
        return currentUser.displayName();
    }

    public List<Link> links() {
        if (!signedIn()) {
            return List.of();
        }
        List<String[]> entries = new ArrayList<>();
        entries.add(new String[] {"/", "Accueil"});
        if (currentUser.hasRole(Role.APPLICANT)) {
            entries.add(new String[] {"/portail", "Mon espace"});
        }
        if (currentUser.isStaff()) {
            entries.add(new String[] {"/instruction", "File de travail"});
            entries.add(new String[] {"/instruction/candidatures", "Candidatures"});
            entries.add(new String[] {"/instruction/jury", "Jury"});
            entries.add(new String[] {"/instruction/commission", "Commission permanente"});
            entries.add(new String[] {"/instruction/comptes-rendus", "Comptes rendus"});
            // The steering dashboard holds the processing times too; the former "Délais" page is linked from it.
            entries.add(new String[] {"/pilotage", "Pilotage"});
        }
        if (currentUser.hasRole(Role.REVIEWER)) {
            entries.add(new String[] {"/avis", "Avis de ma direction"});
        }
        if (currentUser.hasRole(Role.FINANCE)) {
            entries.add(new String[] {"/finances", "Échéances à payer"});
            entries.add(new String[] {"/finances/rib", "RIB à vérifier"});
            entries.add(new String[] {"/finances/bordereaux", "Bordereaux"});
            entries.add(new String[] {"/finances/retours", "Retours de paiement"});
            entries.add(new String[] {"/finances/titres", "Titres de recettes"});
        }
        if (currentUser.hasRole(Role.JURY)) {
            entries.add(new String[] {"/jury", "Mes séances de jury"});
        }
        if (currentUser.hasRole(Role.ADMIN)) {
            entries.add(new String[] {"/administration", "Administration"});
        }
        if (currentUser.hasRole(Role.FINANCE) || currentUser.hasRole(Role.ADMIN)) {
            entries.add(new String[] {"/finances/credits", "Crédits (AE/CP)"});
        }
        if (currentUser.hasRole(Role.ADMIN)) {
            entries.add(new String[] {"/administration/webhooks", "Webhooks"});
        }
        // The current link is the longest one the path is under: "/instruction/jury/…" is the jury's, not
        // the queue's, "/finances/rib" the RIB page's, not the workspace's — with no list of exceptions.
        String path = path();
        String current = entries.stream().map(e -> e[0])
                .filter(href -> path.equals(href) || path.startsWith(href + "/"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
        return entries.stream().map(e -> new Link(e[0], e[1], e[0].equals(current))).toList();
    }

    private static String path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().substring(request.getContextPath().length());
        }
        return "";
    }
}
