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
        List<Link> links = new ArrayList<>();
        if (!signedIn()) {
            return links;
        }
        String path = path();
        add(links, path, "/", "Accueil");
        if (currentUser.hasRole(Role.APPLICANT)) {
            add(links, path, "/portail", "Mon espace");
        }
        if (currentUser.isStaff()) {
            add(links, path, "/instruction", "File de travail");
            add(links, path, "/instruction/candidatures", "Candidatures");
            add(links, path, "/instruction/jury", "Jury");
            add(links, path, "/instruction/commission", "Commission permanente");
            add(links, path, "/instruction/tableau-de-bord", "Délais");
        }
        if (currentUser.hasRole(Role.REVIEWER)) {
            add(links, path, "/avis", "Avis de ma direction");
        }
        if (currentUser.hasRole(Role.FINANCE)) {
            add(links, path, "/finances", "Échéances à payer");
            add(links, path, "/finances/rib", "RIB à vérifier");
            add(links, path, "/finances/bordereaux", "Bordereaux");
            add(links, path, "/finances/retours", "Retours de paiement");
            add(links, path, "/finances/titres", "Titres de recettes");
        }
        if (currentUser.hasRole(Role.JURY)) {
            add(links, path, "/jury", "Mes séances de jury");
        }
        if (currentUser.hasRole(Role.FINANCE) || currentUser.hasRole(Role.ADMIN)) {
            add(links, path, "/finances/credits", "Crédits (AE/CP)");
        }
        return links;
    }

    private static void add(List<Link> links, String path, String href, String label) {
        boolean current = path.equals(href) || (path.startsWith(href + "/") && !longerMatch(path, href));
        links.add(new Link(href, label, current));
    }

    /** "/instruction/jury/…" is the jury's, not the queue's. */
    private static boolean longerMatch(String path, String href) {
        if (href.equals("/finances")) {
            return path.startsWith("/finances/rib") || path.startsWith("/finances/bordereaux")
                    || path.startsWith("/finances/retours") || path.startsWith("/finances/credits") || path.startsWith("/finances/titres");
        }
        return href.equals("/instruction") && (path.startsWith("/instruction/jury")
                || path.startsWith("/instruction/candidatures") || path.startsWith("/instruction/tableau-de-bord")
                || path.startsWith("/instruction/commission"));
    }

    private static String path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().substring(request.getContextPath().length());
        }
        return "";
    }
}
