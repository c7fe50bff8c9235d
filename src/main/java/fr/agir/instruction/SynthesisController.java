package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The instructor's synthesis page: the directorates' opinions, and {@code forms/synthesis.form}
 * rendered by form-js, prefilled with them and with the amounts requested.
 */
@RestController
public class SynthesisController {
    private final SynthesisService synthesis;

    public SynthesisController(SynthesisService synthesis) {
        this.synthesis = synthesis;
    }

    @GetMapping(value = "/instruction/candidatures/{id}/synthese", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, @PathVariable Long id, @RequestParam(required = false) String ok) {
        SynthesisService.SynthesisCase c = synthesis.synthesisCase(id);
        Application a = c.application();
        StringBuilder body = new StringBuilder("<h1>Synthèse d'instruction — ").append(Page.escape(a.getReference()))
                .append("</h1>");
        if (ok != null) {
            body.append("<p class=\"succes\" role=\"status\">La synthèse est enregistrée : la candidature attend "
                    + "le jury.</p>");
        }
        body.append("<p>« ").append(Page.escape(a.getTitle())).append(" » — ").append(Page.escape(a.getStatus().label()))
                .append(". Montant demandé : ").append(Page.escape(French.amountsByYear(c.requested()))).append(".</p>");

        body.append("<section aria-labelledby=\"avis\"><h2 id=\"avis\">Avis des directions</h2>");
        if (c.opinions().isEmpty()) {
            body.append("<p>Aucune direction n'a été consultée.</p>");
        } else {
            body.append("<table><caption>Avis demandés aux directions associées</caption><thead><tr>"
                    + "<th scope=\"col\">Direction</th><th scope=\"col\">Avis</th><th scope=\"col\">Commentaire</th>"
                    + "<th scope=\"col\">Montant suggéré</th></tr></thead><tbody>");
            for (Opinion o : c.opinions()) {
                body.append("<tr><td>").append(o.getDirectorate().name()).append(" — ")
                        .append(Page.escape(o.getDirectorate().label())).append("</td><td>")
                        .append(Page.escape(o.statusLabel())).append("</td><td>")
                        .append(o.getComment() == null ? "—" : Page.escape(o.getComment())).append("</td><td>")
                        .append(o.getSuggestedAmount() == null ? "—" : Money.format(o.getSuggestedAmount()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section><section aria-labelledby=\"synthese\"><h2 id=\"synthese\">Synthèse et montants proposés</h2>");
        String[] assets = {};
        if (c.expected()) {
            body.append("<p class=\"info\">Le formulaire est pré-rempli avec les avis reçus et les montants demandés : "
                            + "complétez la synthèse et ajustez les montants proposés.</p>")
                    .append("<div id=\"resume-erreurs\" class=\"resume-erreurs\" tabindex=\"-1\" role=\"alert\" hidden></div>")
                    .append("<div id=\"formulaire-tache\" data-schema-url=\"/api/forms/").append(SynthesisForm.FORM_ID)
                    .append("\" data-data-url=\"/api/applications/").append(a.getId()).append("/synthesis/form\"")
                    .append(" data-submit-url=\"/api/applications/").append(a.getId()).append("/synthesis/form\"")
                    .append(" data-done-url=\"/instruction/candidatures/").append(a.getId())
                    .append("/synthese?ok=synthese\"></div>")
                    .append("<noscript><p class=\"erreur\">Le formulaire de synthèse a besoin de JavaScript.</p></noscript>")
                    .append("<button type=\"button\" id=\"envoyer-tache\">Enregistrer la synthèse</button>");
            assets = new String[] {"form-js.css", "portal.css", "portal.js"};
        } else if (a.getSynthesis() != null) {
            body.append("<p>").append(Page.escape(a.getSynthesis()).replace("\n", "<br>")).append("</p>")
                    .append("<p>Montants proposés : ").append(Page.escape(French.amountsByYear(c.proposed())))
                    .append(".</p>");
        } else {
            body.append("<p>La synthèse n'est pas attendue à cette étape : les avis des directions sont encore "
                    + "attendus, ou la candidature est à une autre étape.</p>");
        }
        body.append("</section>");
        return Page.portal(request, "Synthèse " + a.getReference(), body.toString(), assets);
    }
}
