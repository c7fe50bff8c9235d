package fr.agir.web;

import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in page and home page. The home page has one section per role of the user (a project
 * leader's space, the instruction queue, his directorate's opinions…); the full pages of each come
 * with the portal and back-office issues.
 */
@RestController
public class HomeController {
    private final CurrentUser currentUser;
    private final boolean keycloak;

    public HomeController(CurrentUser currentUser, @Value("${agir.security.mode:local}") String mode) {
        this.currentUser = currentUser;
        this.keycloak = "keycloak".equals(mode);
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String login(HttpServletRequest request, @RequestParam(required = false) String error,
                        @RequestParam(required = false) String logout) {
        StringBuilder body = new StringBuilder("<h1>Connexion</h1>");
        if (error != null) {
            body.append("<p class=\"erreur\" role=\"alert\" id=\"erreur\">")
                    .append(keycloak ? "La connexion n'a pas abouti. Recommencez ; si cela se reproduit, "
                            + "contactez la DIEESS."
                            : "Identifiant ou mot de passe incorrect. Vérifiez votre saisie et recommencez.")
                    .append("</p>");
        }
        if (logout != null) {
            body.append("<p class=\"info\" role=\"status\">Vous êtes déconnecté·e.</p>");
        }
        if (keycloak) {
            body.append("<p>Les comptes Agir sont gérés par le service de connexion du Département. "
                            + "Vous pourrez y créer votre compte si vous n'en avez pas encore.</p>")
                    .append("<p><a class=\"bouton\" href=\"/oauth2/authorization/keycloak\">Se connecter</a></p>");
            return Page.render("Connexion", body.toString());
        }
        String describedBy = error != null ? " aria-describedby=\"erreur\" aria-invalid=\"true\"" : "";
        body.append("<form method=\"post\" action=\"/login\">")
                .append(csrfField(request))
                .append("<label for=\"username\">Identifiant</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required")
                .append(describedBy).append(">")
                .append("<label for=\"password\">Mot de passe</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
                .append(describedBy).append(">")
                .append("<button type=\"submit\">Se connecter</button></form>");
        return Page.render("Connexion", body.toString());
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(HttpServletRequest request) {
        StringBuilder body = new StringBuilder("<h1>Bonjour ")
                .append(Page.escape(currentUser.username())).append("</h1>");
        if (currentUser.hasRole(Role.APPLICANT)) {
            section(body, "espace-porteur", "Espace porteur de projet",
                    "Vos structures, leur dossier unique et vos candidatures à l'Appel à Agir.",
                    link("/portail", "Mon espace : structures, candidatures, ce qui est attendu de moi"));
        }
        if (currentUser.hasRole(Role.INSTRUCTOR)) {
            section(body, "espace-instruction", "Instruction des candidatures",
                    "Les dossiers à instruire par la DIEESS, du contrôle de complétude au vote.",
                    link("/instruction", "Ma file de travail"), link("/instruction/jury", "Séances de jury"),
                    link("/api/applications", "Toutes les candidatures (API)"));
        }
        if (currentUser.hasRole(Role.REVIEWER)) {
            String directorates = currentUser.directorates().stream().map(Enum::name).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("aucune direction");
            section(body, "espace-avis", "Avis de la direction (" + directorates + ")",
                    "Les candidatures transmises à votre direction pour avis.",
                    link("/avis", "Avis à donner et avis donnés"));
        }
        if (currentUser.hasRole(Role.JURY)) {
            section(body, "espace-jury", "Espace jury",
                    "Vos séances de jury : conflits d'intérêts à déclarer, dossiers à noter, délibération.",
                    link("/jury", "Mes séances de jury"));
        }
        if (currentUser.hasRole(Role.FINANCE)) {
            section(body, "espace-finances", "Versements",
                    "Les versements à préparer ou à valider (deux agents différents).",
                    link("/api/installments/awaiting-validation", "Versements en attente"));
        }
        if (currentUser.hasRole(Role.ADMIN)) {
            section(body, "espace-administration", "Administration",
                    "Suivi technique des processus.",
                    link("/camunda/app/cockpit/default/", "Cockpit : suivi des processus"));
        }
        body.append("<p>").append(link("/swagger-ui.html", "Documentation de l'API")).append("</p>")
                .append("<form method=\"post\" action=\"/logout\">").append(csrfField(request))
                .append("<button type=\"submit\">Se déconnecter</button></form>");
        return Page.render("Accueil", body.toString());
    }

    private static void section(StringBuilder body, String id, String title, String text, String... links) {
        body.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
                .append(Page.escape(title)).append("</h2><p>").append(Page.escape(text)).append("</p>");
        if (links.length > 0) {
            body.append("<ul>");
            for (String link : links) {
                body.append("<li>").append(link).append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");
    }

    private static String link(String href, String text) {
        return "<a href=\"" + href + "\">" + Page.escape(text) + "</a>";
    }

    private static String csrfField(HttpServletRequest request) {
        return Page.csrfField(request);
    }
}
