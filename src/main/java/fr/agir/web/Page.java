package fr.agir.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The shared page layout: French, responsive, readable without styles, a skip link, one h1, a
 * visible focus, contrasts of at least 4.5:1 (RGAA / WCAG 2.1 AA).
 */
public final class Page {
    private static final String STYLE = """
            body { font-family: system-ui, Arial, sans-serif; margin: 0; color: #1e1e1e; background: #fff; line-height: 1.5; }
            header { background: #000091; color: #fff; padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
            header a, header button.lien { color: #fff; }
            header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; align-items: center; }
            header form { margin: 0; }
            main { max-width: 40rem; margin: 2rem auto; padding: 0 1.5rem; }
            main.large { max-width: 64rem; }
            label, legend { display: block; font-weight: 600; margin-top: 1rem; }
            .aide { display: block; font-weight: 400; color: #3a3a3a; font-size: .95rem; }
            input, select, textarea { font-size: 1rem; padding: .5rem; width: 100%; box-sizing: border-box; border: 1px solid #666; font-family: inherit; }
            input[type=checkbox], input[type=radio] { width: auto; }
            input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border: 2px solid #ce0500; }
            button, .bouton { display: inline-block; margin-top: 1.5rem; font-size: 1rem; padding: .6rem 1.2rem; background: #000091; color: #fff; border: 0; cursor: pointer; text-decoration: none; }
            button.secondaire, .bouton.secondaire { background: #fff; color: #000091; border: 1px solid #000091; }
            button.lien { background: none; border: 0; padding: 0; margin: 0; text-decoration: underline; font-size: 1rem; }
            button:focus, input:focus, select:focus, textarea:focus, a:focus { outline: 3px solid #0a76f6; outline-offset: 2px; }
            table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
            .grille { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
            td form { margin: 0; } td form button { margin-top: .25rem; padding: .25rem .6rem; }
            th, td { border-bottom: 1px solid #929292; padding: .5rem; text-align: left; vertical-align: top; }
            caption { text-align: left; font-weight: 600; }
            .erreur, .champ-erreur { color: #ce0500; }
            .erreur { border-left: 4px solid #ce0500; padding-left: .75rem; }
            .info { border-left: 4px solid #000091; padding-left: .75rem; }
            .succes { border-left: 4px solid #18753c; padding-left: .75rem; color: #18753c; }
            .attention { border-left: 4px solid #b34000; padding-left: .75rem; }
            .etiquette { display: inline-block; padding: 0 .5rem; border-radius: .25rem; font-size: .9rem; font-weight: 600; background: #e3e3fd; color: #000091; }
            .etiquette.alerte { background: #ffe9e6; color: #ce0500; }
            .etiquette.avertissement { background: #ffe9e6; color: #7a2a00; }
            .message { border: 1px solid #929292; padding: .5rem 1rem; margin: .5rem 0; }
            .message.dieess { background: #f5f5fe; }
            .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000091; }
            """;

    private Page() {
    }

    public static String render(String title, String body) {
        return layout(title, body, "", "", false);
    }

    /**
     * A signed-in page: navigation and logout, the CSRF token for scripts, optional stylesheets
     * and scripts from {@code /assets}, and a wider main column for tables and forms.
     */
    public static String portal(HttpServletRequest request, String title, String body, String... assets) {
        StringBuilder head = new StringBuilder();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null) {
            head.append("<meta name=\"_csrf\" content=\"").append(escape(token.getToken())).append("\">\n")
                    .append("<meta name=\"_csrf_header\" content=\"").append(escape(token.getHeaderName()))
                    .append("\">\n");
        }
        StringBuilder scripts = new StringBuilder();
        for (String asset : assets) {
            if (asset.endsWith(".css")) {
                head.append("<link rel=\"stylesheet\" href=\"/assets/").append(asset).append("\">\n");
            } else {
                scripts.append("<script src=\"/assets/").append(asset).append("\" defer></script>\n");
            }
        }
        String nav = "<nav aria-label=\"Menu principal\"><ul><li><a href=\"/\">Accueil</a></li>"
                + (request.isUserInRole("APPLICANT") ? "<li><a href=\"/portail\">Mon espace porteur de projet</a></li>" : "")
                + (request.isUserInRole("REVIEWER") ? "<li><a href=\"/avis\">Avis de ma direction</a></li>" : "")
                + (request.isUserInRole("JURY") ? "<li><a href=\"/jury\">Mes séances de jury</a></li>" : "")
                + "<li><form method=\"post\" action=\"/logout\">" + csrfField(request)
                + "<button type=\"submit\" class=\"lien\">Se déconnecter</button></form></li></ul></nav>";
        return layout(title, body, head.append(scripts).toString(), nav, true);
    }

    private static String layout(String title, String body, String head, String nav, boolean large) {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — Agir</title>
                <style>
                %s</style>
                %s</head>
                <body>
                <a class="skip" href="#contenu">Aller au contenu</a>
                <header><span><strong>Agir</strong> — Appel à Agir, Département de la Seine-Saint-Denis</span>%s</header>
                <main id="contenu"%s>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, head, nav, large ? " class=\"large\"" : "", body);
    }

    /** The hidden CSRF field of a form posted with the session cookie. */
    public static String csrfField(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=\"hidden\" name=\"" + escape(token.getParameterName())
                + "\" value=\"" + escape(token.getToken()) + "\">";
    }

    /**
     * "?_csrf=…" for the address of a multipart form: if the file is over the servlet's limit, the
     * form's fields cannot be read, and the user must be told "too large", not "access refused".
     */
    public static String csrfQuery(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "?" + UriUtils.encodeQueryParam(token.getParameterName(), StandardCharsets.UTF_8)
                + "=" + UriUtils.encodeQueryParam(token.getToken(), StandardCharsets.UTF_8);
    }

    /** After a form posted from a page: to the page that shows the result (303, the browser then GETs it). */
    public static org.springframework.http.ResponseEntity<String> seeOther(String location) {
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
                .header(org.springframework.http.HttpHeaders.LOCATION, location).build();
    }

    /** A term and its description in a {@code <dl>}: the term escaped, the description as given (HTML), "—" if empty. */
    public static String definition(String term, String html) {
        return "<dt>" + escape(term) + "</dt><dd>" + (html == null || html.isEmpty() ? "—" : html) + "</dd>";
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
