package fr.agir.web;

import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in page and home page. The user journeys' pages come with the portal and back-office issues. */
@RestController
public class HomeController {
    private final CurrentUser currentUser;

    public HomeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String login(HttpServletRequest request, @RequestParam(required = false) String error,
                        @RequestParam(required = false) String logout) {
        StringBuilder body = new StringBuilder("<h1>Connexion</h1>");
        if (error != null) {
            body.append("<p class=\"erreur\" role=\"alert\" id=\"erreur\">Identifiant ou mot de passe incorrect. "
                    + "Vérifiez votre saisie et recommencez.</p>");
        }
        if (logout != null) {
            body.append("<p class=\"info\" role=\"status\">Vous êtes déconnecté·e.</p>");
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
                .append(Page.escape(currentUser.username())).append("</h1>")
                .append("<p>Les pages de travail (portail des porteurs de projet, instruction, jury, finances) "
                        + "arrivent prochainement. En attendant, toutes les étapes sont disponibles par l'API.</p><ul>")
                .append("<li><a href=\"/api/tasks\">Mes tâches en attente</a></li>")
                .append("<li><a href=\"/api/applications\">Les candidatures que je peux consulter</a></li>")
                .append("<li><a href=\"/swagger-ui.html\">Documentation de l'API</a></li>");
        if (currentUser.hasRole(Role.ADMIN)) {
            body.append("<li><a href=\"/camunda/app/cockpit/default/\">Cockpit : suivi des processus</a></li>");
        }
        body.append("</ul><form method=\"post\" action=\"/logout\">").append(csrfField(request))
                .append("<button type=\"submit\">Se déconnecter</button></form>");
        return Page.render("Accueil", body.toString());
    }

    private static String csrfField(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=\"hidden\" name=\"" + Page.escape(token.getParameterName())
                + "\" value=\"" + Page.escape(token.getToken()) + "\">";
    }
}
