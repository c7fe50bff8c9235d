package fr.agir.web;

import org.springframework.web.util.HtmlUtils;

/** The shared page layout: French, responsive, readable without styles, a skip link, one h1. */
public final class Page {
    private Page() {
    }

    public static String render(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — Agir</title>
                <style>
                  body { font-family: system-ui, Arial, sans-serif; margin: 0; color: #1e1e1e; background: #fff; line-height: 1.5; }
                  header { background: #000091; color: #fff; padding: .75rem 1.5rem; }
                  header a { color: #fff; }
                  main { max-width: 40rem; margin: 2rem auto; padding: 0 1.5rem; }
                  label { display: block; font-weight: 600; margin-top: 1rem; }
                  input { font-size: 1rem; padding: .5rem; width: 100%%; box-sizing: border-box; border: 1px solid #666; }
                  button { margin-top: 1.5rem; font-size: 1rem; padding: .6rem 1.2rem; background: #000091; color: #fff; border: 0; cursor: pointer; }
                  button:focus, input:focus, a:focus { outline: 3px solid #0a76f6; outline-offset: 2px; }
                  .erreur { color: #ce0500; border-left: 4px solid #ce0500; padding-left: .75rem; }
                  .info { border-left: 4px solid #000091; padding-left: .75rem; }
                  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000091; }
                </style>
                </head>
                <body>
                <a class="skip" href="#contenu">Aller au contenu</a>
                <header><strong>Agir</strong> — Appel à Agir, Département de la Seine-Saint-Denis</header>
                <main id="contenu">
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), body);
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
