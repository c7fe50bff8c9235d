package fr.agir.instruction;

import fr.agir.application.BudgetLineCode;
import fr.agir.application.YearBudget;
import fr.agir.security.Directorate;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directorate reviewer's pages: his inbox ({@code /avis}) and, for one application, the case as
 * he may read it with the opinion form ({@code forms/opinion.form}, rendered by form-js).
 */
@RestController
public class ReviewerController {
    private final ReviewerService reviewers;

    public ReviewerController(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @GetMapping(value = "/avis", produces = MediaType.TEXT_HTML_VALUE)
    public String inbox(HttpServletRequest request, @RequestParam(required = false) String ok) {
        ReviewerService.Inbox inbox = reviewers.inbox();
        String mine = String.join(", ", inbox.directorates().stream().map(Directorate::name).toList());
        StringBuilder body = new StringBuilder("<h1>Avis de ma direction").append(mine.isEmpty() ? "" : " (" + mine + ")")
                .append("</h1>");
        if (ok != null) {
            body.append("<p class=\"succes\" role=\"status\">Votre avis est enregistré : l'instruction se poursuit.</p>");
        }
        body.append("<section aria-labelledby=\"a-donner\"><h2 id=\"a-donner\">Avis à donner (")
                .append(inbox.toGive().size()).append(")</h2>");
        if (inbox.toGive().isEmpty()) {
            body.append("<p>Aucun avis n'est attendu de votre direction pour le moment.</p>");
        } else {
            body.append("<table><caption>Demandes d'avis, l'échéance la plus proche d'abord</caption><thead><tr>"
                    + "<th scope=\"col\">Candidature</th><th scope=\"col\">Projet</th><th scope=\"col\">Structure</th>"
                    + "<th scope=\"col\">Thématique</th><th scope=\"col\">Montant demandé</th>"
                    + "<th scope=\"col\">Demandé le</th><th scope=\"col\">Échéance</th></tr></thead><tbody>");
            for (ReviewerService.InboxItem i : inbox.toGive()) {
                body.append("<tr><td><a href=\"").append(i.page()).append("\">").append(Page.escape(i.reference()))
                        .append(" — avis ").append(i.directorate().name()).append("</a></td><td>")
                        .append(Page.escape(i.title())).append("</td><td>").append(Page.escape(i.structureName()))
                        .append("</td><td>").append(Page.escape(i.thematic())).append("</td><td>")
                        .append(Money.format(i.requestedAmount())).append("</td><td>")
                        .append(French.date(i.requestedAt())).append("</td><td>")
                        .append(i.overdue() ? "<span class=\"etiquette alerte\">En retard</span> " : "")
                        .append(Page.escape(i.deadline())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section><section aria-labelledby=\"donnes\"><h2 id=\"donnes\">Avis donnés</h2>");
        if (inbox.done().isEmpty()) {
            body.append("<p>Votre direction n'a encore donné aucun avis.</p>");
        } else {
            body.append("<table><caption>Avis de votre direction, les plus récents d'abord</caption><thead><tr>"
                    + "<th scope=\"col\">Candidature</th><th scope=\"col\">Projet</th><th scope=\"col\">Structure</th>"
                    + "<th scope=\"col\">Avis</th><th scope=\"col\">Par</th></tr></thead><tbody>");
            for (ReviewerService.InboxItem i : inbox.done()) {
                body.append("<tr><td><a href=\"").append(i.page()).append("\">").append(Page.escape(i.reference()))
                        .append(" — avis ").append(i.directorate().name()).append("</a></td><td>")
                        .append(Page.escape(i.title())).append("</td><td>").append(Page.escape(i.structureName()))
                        .append("</td><td>").append(Page.escape(i.deadline())).append("</td><td>")
                        .append(Page.escape(i.givenBy() == null ? "—" : i.givenBy())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");
        return Page.portal(request, "Avis de ma direction", body.toString());
    }

    @GetMapping(value = "/avis/{id}/{directorate}", produces = MediaType.TEXT_HTML_VALUE)
    public String opinion(HttpServletRequest request, @PathVariable Long id, @PathVariable Directorate directorate) {
        ReviewerService.OpinionCase c = reviewers.opinionCase(id, directorate);
        var a = c.application();
        Opinion o = c.opinion();
        StringBuilder body = new StringBuilder("<p><a href=\"/avis\">Retour aux avis de ma direction</a></p>")
                .append("<h1>Avis ").append(directorate.name()).append(" sur la candidature ")
                .append(Page.escape(a.getReference())).append("</h1>")
                .append("<p class=\"").append(c.overdue() ? "attention" : "info").append("\">")
                .append(Page.escape(c.deadline())).append(". ")
                .append(o.getStatus() == Opinion.Status.REQUESTED
                        ? "Passé l'échéance, l'instruction continue sans l'avis de votre direction." : "")
                .append("</p>");

        Structure s = c.structure();
        body.append("<section aria-labelledby=\"structure\"><h2 id=\"structure\">La structure</h2><dl>")
                .append(Page.definition("Nom", Page.escape(s.getName())))
                .append(Page.definition("Forme juridique", Page.escape(s.getLegalForm().label())))
                .append(Page.definition(s.getSiret() != null ? "SIRET" : "RNA", Page.escape(s.getSiret() != null ? s.getSiret() : s.getRna())))
                .append(Page.definition("Adresse", Page.escape(s.getAddressLine() + ", " + s.getPostalCode() + " " + s.getCommune())))
                .append(Page.definition("Commune (EPT)", Page.escape(s.getCommune())
                        + (s.getEpt() == null ? "" : " (" + Page.escape(s.getEpt().label()) + ")")))
                .append("</dl></section>");

        body.append("<section aria-labelledby=\"projet\"><h2 id=\"projet\">Le projet</h2><dl>")
                .append(Page.definition("Titre", Page.escape(a.getTitle())))
                .append(Page.definition("Appel à projets", Page.escape(c.campaignName())))
                .append(Page.definition("Thématique", a.getThematic() == null ? "—" : Page.escape(a.getThematic().label())))
                .append(Page.definition("Public visé", a.getTargetPublic() == null ? "—" : Page.escape(a.getTargetPublic().label())))
                .append(Page.definition("Territoire", Page.escape(a.getTerritory())))
                .append(Page.definition("Durée", a.getDurationYears() + (a.getDurationYears() > 1 ? " ans" : " an")))
                .append(Page.definition("Montant demandé au Département", Money.format(c.totalRequested())
                        + (a.getDurationYears() > 1 ? " sur " + a.getDurationYears() + " ans" : "")))
                .append(Page.definition("Déposée le", French.date(a.getSubmittedAt())))
                .append("</dl><h3>Description</h3><p>").append(Page.escape(a.getDescription()).replace("\n", "<br>"))
                .append("</p></section>");

        body.append("<section aria-labelledby=\"budget\"><h2 id=\"budget\">Budget prévisionnel</h2>");
        for (YearBudget b : c.budgets()) {
            body.append(budgetTable(b));
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"pieces\"><h2 id=\"pieces\">Pièces du dossier unique jointes</h2>");
        List<StructureDocument> pieces = c.pieces();
        if (pieces.isEmpty()) {
            body.append("<p>Aucune pièce liée à cette candidature.</p>");
        } else {
            body.append("<ul>");
            for (StructureDocument d : pieces) {
                body.append("<li><a href=\"/api/applications/").append(id).append("/documents/").append(d.getId()).append("/content\">")
                        .append(Page.escape(d.getType().label())).append("</a>, version ")
                        .append(d.getVersionNumber()).append(" du ").append(French.date(d.getUploadedAt()))
                        .append(" (").append(Page.escape(d.getOriginalName())).append(")")
                        .append(d.getValidUntil() == null ? "" : ", valable jusqu'au " + French.date(d.getValidUntil()))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"avis\"><h2 id=\"avis\">L'avis de la ").append(directorate.name())
                .append("</h2>");
        String[] assets = {};
        switch (o.getStatus()) {
            case REQUESTED -> {
                body.append("<div id=\"resume-erreurs\" class=\"resume-erreurs\" tabindex=\"-1\" role=\"alert\" hidden></div>")
                        .append("<div id=\"formulaire-tache\" data-schema-url=\"/api/forms/").append(OpinionForm.FORM_ID)
                        .append("\" data-submit-url=\"/api/applications/").append(a.getId()).append("/opinions/")
                        .append(directorate.name()).append("/form\" data-done-url=\"/avis?ok=avis\"></div>")
                        .append("<noscript><p class=\"erreur\">Le formulaire d'avis a besoin de JavaScript.</p></noscript>")
                        .append("<button type=\"button\" id=\"envoyer-tache\">Envoyer l'avis</button>");
                assets = new String[] {"form-js.css", "portal.css", "portal.js"};
            }
            case GIVEN -> body.append("<p class=\"succes\">Avis ").append(Page.escape(o.getVerdict().label()))
                    .append(" donné le ").append(French.dateTime(o.getGivenAt())).append(" par ")
                    .append(Page.escape(o.getGivenBy())).append(". Il ne peut plus être modifié.</p><dl>")
                    .append(Page.definition("Commentaire", Page.escape(o.getComment()).replace("\n", "<br>")))
                    .append(Page.definition("Montant suggéré", o.getSuggestedAmount() == null ? "—" : Money.format(o.getSuggestedAmount())))
                    .append("</dl>");
            case EXPIRED -> body.append("<p class=\"attention\">Le délai est dépassé depuis le ")
                    .append(French.date(o.getDueDate()))
                    .append(" : l'instruction s'est poursuivie sans avis de votre direction.</p>");
        }
        body.append("</section>");
        return Page.portal(request, "Avis " + directorate.name() + " — " + a.getReference(), body.toString(), assets);
    }

    /** One year's budget: the lines filled in, the totals of charges and produits, and the amount requested. */
    static String budgetTable(YearBudget b) {
        StringBuilder html = new StringBuilder("<table><caption>Année ").append(b.year())
                .append(" : charges et produits</caption><thead><tr><th scope=\"col\">Compte</th>"
                        + "<th scope=\"col\">Ligne</th><th scope=\"col\">Montant</th></tr></thead><tbody>");
        for (Map.Entry<BudgetLineCode, BigDecimal> line : b.lines().entrySet()) {
            if (line.getValue() != null && line.getValue().signum() != 0) {
                html.append("<tr><td>").append(line.getKey().code()).append("</td><td>")
                        .append(Page.escape(line.getKey().label())).append("</td><td>")
                        .append(Money.format(line.getValue())).append("</td></tr>");
            }
        }
        return html.append("</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">Total des charges</th><td>")
                .append(Money.format(b.total(BudgetLineCode.Side.CHARGE)))
                .append("</td></tr><tr><th scope=\"row\" colspan=\"2\">Total des produits</th><td>")
                .append(Money.format(b.total(BudgetLineCode.Side.PRODUCT)))
                .append("</td></tr><tr><th scope=\"row\" colspan=\"2\">Montant demandé au Département</th><td>")
                .append(b.requestedAmount() == null ? "—" : Money.format(b.requestedAmount()))
                .append("</td></tr></tfoot></table>").toString();
    }
}
