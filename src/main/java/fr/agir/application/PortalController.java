package fr.agir.application;

import fr.agir.audit.AuditEvent;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The project leader's portal: his home (structures, open calls, applications, what is expected
 * from him), the application form (form-js, autosaved) and the follow-up page of an application.
 */
@RestController
public class PortalController {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** What each of the applicant's steps asks, in words, and where to do it. */
    private static final Map<String, String> ACTIONS = Map.of(
            ProcessKeys.TASK_PROVIDE_MISSING_PIECES, "Déposez les pièces demandées puis confirmez-le",
            ProcessKeys.TASK_SIGN_AGREEMENT, "Signez la convention",
            ProcessKeys.TASK_SUBMIT_REPORT, "Déposez le compte-rendu financier");

    private final ApplicationService applications;
    private final MessageService messages;
    private final CampaignService campaigns;
    private final StructureService structures;
    private final Workflow workflow;
    private final DocumentVault vault;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PortalController(ApplicationService applications, MessageService messages, CampaignService campaigns,
                            StructureService structures, Workflow workflow, DocumentVault vault,
                            CurrentUser currentUser, Clock clock) {
        this.applications = applications;
        this.messages = messages;
        this.campaigns = campaigns;
        this.structures = structures;
        this.workflow = workflow;
        this.vault = vault;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping(value = "/portail", produces = MediaType.TEXT_HTML_VALUE)
    public String home(HttpServletRequest request, @RequestParam(required = false) String ok) {
        checkApplicant();
        List<Structure> mine = structures.mine();
        List<Application> apps = applications.visibleList(PageRequest.of(0, 200)).getContent();
        Map<Long, String> structureNames = new HashMap<>();
        mine.forEach(s -> structureNames.put(s.getId(), s.getName()));
        Map<String, Application> byReference = new HashMap<>();
        apps.forEach(a -> byReference.put(a.getReference(), a));
        LocalDate today = LocalDate.now(clock.withZone(PARIS));

        List<Campaign> allCampaigns = campaigns.all();
        Map<Long, Campaign> campaignById = new HashMap<>();
        allCampaigns.forEach(c -> campaignById.put(c.getId(), c));
        StringBuilder body = new StringBuilder("<h1>Mon espace porteur de projet</h1>");
        if ("depot".equals(ok)) {
            body.append("<p class=\"succes\" role=\"status\">Votre candidature est déposée. L'accusé de réception "
                    + "vous est envoyé par e-mail.</p>");
        }

        body.append("<section aria-labelledby=\"attendu\"><h2 id=\"attendu\">Ce qui est attendu de vous</h2>");
        List<Workflow.OpenTask> tasks = workflow.openTasksFor(currentUser.candidateGroups(),
                apps.stream().map(Application::getReference).toList(), 0, 50);
        List<Application> drafts = apps.stream().filter(a -> a.getStatus() == ApplicationStatus.DRAFT).toList();
        if (tasks.isEmpty() && drafts.isEmpty()) {
            body.append("<p>Rien pour le moment.</p>");
        } else {
            body.append("<ul>");
            for (Workflow.OpenTask t : tasks) {
                Application a = byReference.get(t.businessKey());
                body.append("<li><a href=\"/portail/candidatures/").append(a.getId()).append("\">")
                        .append(Page.escape(ACTIONS.getOrDefault(t.taskKey(), t.name()))).append(" — ")
                        .append(Page.escape(a.getReference())).append(" « ").append(Page.escape(a.getTitle()))
                        .append(" »</a>").append(due(t.due())).append("</li>");
            }
            for (Application a : drafts) {
                Campaign c = campaignById.get(a.getCampaignId());
                body.append("<li><a href=\"/portail/candidatures/").append(a.getId()).append("/formulaire\">")
                        .append("Terminez et déposez votre brouillon « ").append(Page.escape(title(a)))
                        .append(" »</a> — avant le ").append(French.date(c.getClosingDate())).append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"structures\"><h2 id=\"structures\">Mes structures</h2>");
        if (mine.isEmpty()) {
            body.append("<p>Vous n'avez pas encore de structure dans Agir.</p>");
        } else {
            body.append("<table><caption>Structures dont vous êtes membre</caption><thead><tr><th scope=\"col\">Structure</th>"
                    + "<th scope=\"col\">Identifiant</th><th scope=\"col\">Commune (EPT)</th>"
                    + "<th scope=\"col\">Dossier unique</th></tr></thead><tbody>");
            for (Structure s : mine) {
                body.append("<tr><td>").append(Page.escape(s.getName())).append("</td><td>")
                        .append(s.getSiret() != null ? "SIRET " + s.getSiret() : "RNA " + Page.escape(s.getRna()))
                        .append("</td><td>").append(Page.escape(s.getCommune()))
                        .append(s.getEpt() == null ? "" : " (" + Page.escape(s.getEpt().label()) + ")")
                        .append("</td><td><a href=\"/portail/structures/").append(s.getId())
                        .append("/documents\">Documents de ").append(Page.escape(s.getName())).append("</a></td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<p><a href=\"/portail/structures/nouvelle\">Enregistrer une nouvelle structure</a> · "
                + "<a href=\"/portail/invitations\">Rejoindre une structure avec un code d'invitation</a></p></section>");

        body.append("<section aria-labelledby=\"appels\"><h2 id=\"appels\">Appels à projets ouverts</h2>");
        List<Campaign> open = allCampaigns.stream().filter(c -> c.acceptsSubmissionsOn(today)).toList();
        if (open.isEmpty()) {
            body.append("<p>Aucun appel à projets n'est ouvert aujourd'hui.</p>");
        }
        for (Campaign c : open) {
            body.append("<h3>").append(Page.escape(c.getName())).append("</h3><p>Candidatures jusqu'au ")
                    .append(French.date(c.getClosingDate())).append(" inclus, pour 1 à ")
                    .append(c.getMaxDurationYears()).append(" an(s).</p>");
            if (mine.isEmpty()) {
                body.append("<p>Enregistrez d'abord votre structure pour candidater.</p>");
                continue;
            }
            body.append("<form method=\"post\" action=\"/portail/candidatures\">").append(Page.csrfField(request))
                    .append("<input type=\"hidden\" name=\"campaignId\" value=\"").append(c.getId()).append("\">");
            Map<String, String> options = new java.util.LinkedHashMap<>();
            mine.forEach(s -> options.put(String.valueOf(s.getId()), s.getName()));
            String fieldId = "structure-" + c.getId();
            body.append(FormHtml.select(fieldId, "Candidater pour la structure", mine.size() == 1
                            ? String.valueOf(mine.get(0).getId()) : null, options, null, null, "required")
                    .replace("name=\"" + fieldId + "\"", "name=\"structureId\""))
                    .append("<button type=\"submit\">Préparer une candidature</button></form>");
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"candidatures\"><h2 id=\"candidatures\">Mes candidatures</h2>");
        if (apps.isEmpty()) {
            body.append("<p>Aucune candidature pour le moment.</p>");
        } else {
            body.append("<table><caption>Candidatures de vos structures, les plus récentes d'abord</caption><thead><tr>"
                    + "<th scope=\"col\">Référence</th><th scope=\"col\">Projet</th><th scope=\"col\">Structure</th>"
                    + "<th scope=\"col\">Où en est-elle ?</th><th scope=\"col\">Déposée le</th></tr></thead><tbody>");
            for (Application a : apps) {
                body.append("<tr><td><a href=\"/portail/candidatures/").append(a.getId()).append("\">")
                        .append(Page.escape(a.getReference())).append("</a></td><td>").append(Page.escape(title(a)))
                        .append("</td><td>").append(Page.escape(structureNames.get(a.getStructureId())))
                        .append("</td><td>").append(Page.escape(a.getStatus().label())).append("</td><td>")
                        .append(a.getSubmittedAt() == null ? "—" : French.date(a.getSubmittedAt())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");
        return Page.portal(request, "Mon espace", body.toString());
    }

    @PostMapping(value = "/portail/candidatures", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> createDraft(HttpServletRequest request, @RequestParam Long campaignId,
                                              @RequestParam Long structureId) {
        Application draft = applications.visibleList(PageRequest.of(0, 200)).stream()
                .filter(a -> a.getCampaignId().equals(campaignId) && a.getStructureId().equals(structureId)
                        && a.getStatus() == ApplicationStatus.DRAFT)
                .findFirst()
                .orElseGet(() -> applications.createDraft(campaignId, structureId, new ApplicationService.Draft(
                        null, null, null, null, null, 1, List.of())));
        return Page.seeOther("/portail/candidatures/" + draft.getId() + "/formulaire");
    }

    @GetMapping(value = "/portail/candidatures/{id}/formulaire", produces = MediaType.TEXT_HTML_VALUE)
    public String form(HttpServletRequest request, @PathVariable Long id) {
        checkApplicant();
        Application a = applications.visible(id);
        Campaign c = campaigns.get(a.getCampaignId());
        String body = "<h1>Candidature " + Page.escape(a.getReference()) + "</h1>"
                + "<p>" + Page.escape(c.getName()) + " — structure « "
                + Page.escape(structures.get(a.getStructureId()).getName()) + " ». Dépôt jusqu'au "
                + French.date(c.getClosingDate()) + " inclus.</p>"
                + "<p class=\"info\">Votre saisie est enregistrée automatiquement, même incomplète : vous pouvez "
                + "fermer cette page et la reprendre plus tard. Les pièces (statuts, RIB…) sont prises dans le "
                + "<a href=\"/portail/structures/" + a.getStructureId() + "/documents\">dossier unique de la "
                + "structure</a> : inutile de les joindre ici.</p>"
                + "<div id=\"resume-erreurs\" class=\"resume-erreurs\" tabindex=\"-1\" role=\"alert\" hidden></div>"
                + "<div id=\"formulaire-candidature\" data-draft-key=\"" + a.getId() + "\""
                + " data-schema-url=\"/api/forms/" + ApplicationForm.FORM_ID + "\""
                + " data-data-url=\"/api/applications/" + a.getId() + "/form\""
                + " data-submit-url=\"/api/applications/" + a.getId() + "/submit\""
                + " data-done-url=\"/portail?ok=depot\"></div>"
                + "<p id=\"etat-enregistrement\" class=\"enregistrement\" role=\"status\" aria-live=\"polite\"></p>"
                + "<noscript><p class=\"erreur\">Le formulaire de candidature a besoin de JavaScript.</p></noscript>"
                + "<button type=\"button\" id=\"deposer\">Déposer ma candidature</button>"
                + "<p><a href=\"/portail/candidatures/" + a.getId() + "\">Suivi de la candidature</a></p>";
        return Page.portal(request, "Candidature " + a.getReference(), body, "form-js.css", "portal.css",
                "portal.js");
    }

    @GetMapping(value = "/portail/candidatures/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String follow(HttpServletRequest request, @PathVariable Long id,
                         @RequestParam(required = false) String ok) {
        return followPage(request, id, ok, null, null);
    }

    @PostMapping(value = "/portail/candidatures/{id}/messages", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> postMessage(HttpServletRequest request, @PathVariable Long id,
                                              @RequestParam(defaultValue = "") String body,
                                              @RequestParam(required = false) MultipartFile file) throws IOException {
        try {
            messages.post(id, body, MessageApi.attachment(file));
            return Page.seeOther("/portail/candidatures/" + id + "?ok=message#messages");
        } catch (DomainException e) {
            if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                throw e;
            }
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(followPage(request, id, null, body, e.getMessage()));
        }
    }

    private String followPage(HttpServletRequest request, Long id, String ok, String typedMessage,
                              String messageError) {
        checkApplicant();
        Application a = applications.visible(id);
        Campaign c = campaigns.get(a.getCampaignId());
        StringBuilder body = new StringBuilder("<h1>Candidature ").append(Page.escape(a.getReference()))
                .append("</h1>");
        if ("pieces".equals(ok)) {
            body.append("<p class=\"succes\" role=\"status\">Merci : le service instructeur reprend l'examen de "
                    + "votre dossier.</p>");
        } else if ("compte-rendu".equals(ok)) {
            body.append("<p class=\"succes\" role=\"status\">Compte-rendu remis : le service instructeur va "
                    + "l'examiner.</p>");
        } else if ("message".equals(ok)) {
            body.append("<p class=\"succes\" role=\"status\">Votre message est envoyé.</p>");
        }
        body.append("<dl><dt>Projet</dt><dd>").append(Page.escape(title(a))).append("</dd><dt>Appel à projets</dt><dd>")
                .append(Page.escape(c.getName())).append("</dd><dt>Structure</dt><dd>")
                .append(Page.escape(structures.get(a.getStructureId()).getName()))
                .append("</dd><dt>Où en est-elle ?</dt><dd><strong>").append(Page.escape(a.getStatus().label()))
                .append("</strong></dd>");
        if (a.getSubmittedAt() != null) {
            body.append("<dt>Déposée le</dt><dd>").append(French.dateTime(a.getSubmittedAt()))
                    .append(" — <a href=\"/api/applications/").append(a.getId())
                    .append("/receipt\">accusé de réception (PDF)</a></dd>");
        }
        body.append("</dl><p><a href=\"/portail/candidatures/").append(a.getId()).append("/formulaire\">")
                .append(a.getStatus() == ApplicationStatus.DRAFT ? "Compléter et déposer le formulaire"
                        : "Voir le formulaire déposé").append("</a></p>");

        List<fr.agir.structure.StructureDocument> pieces = applications.documents(id);
        if (!pieces.isEmpty()) {
            body.append("<section aria-labelledby=\"pieces\"><h2 id=\"pieces\">Pièces du dossier unique jointes</h2><ul>");
            for (fr.agir.structure.StructureDocument d : pieces) {
                body.append("<li><a href=\"/api/applications/").append(id).append("/documents/").append(d.getId())
                        .append("/content\">").append(Page.escape(d.getType().label())).append("</a>, version ")
                        .append(d.getVersionNumber()).append(" du ").append(French.date(d.getUploadedAt()))
                        .append(" (").append(Page.escape(d.getOriginalName())).append(")</li>");
            }
            body.append("</ul></section>");
        }

        body.append("<section aria-labelledby=\"attendu\"><h2 id=\"attendu\">Ce qui est attendu de vous</h2>");
        List<Workflow.OpenTask> tasks = workflow.openTasksFor(currentUser.candidateGroups(),
                List.of(a.getReference()), 0, 10);
        if (tasks.isEmpty()) {
            body.append("<p>Rien pour le moment.</p>");
        }
        for (Workflow.OpenTask t : tasks) {
            body.append("<h3>").append(Page.escape(ACTIONS.getOrDefault(t.taskKey(), t.name()))).append(due(t.due()))
                    .append("</h3>");
            if (ProcessKeys.TASK_PROVIDE_MISSING_PIECES.equals(t.taskKey())) {
                body.append("<p>Pièces demandées par le service instructeur :</p><blockquote>")
                        .append(Page.escape(a.getMissingPieces())).append("</blockquote>")
                        .append("<ol><li>Déposez-les dans le <a href=\"/portail/structures/").append(a.getStructureId())
                        .append("/documents\">dossier unique de la structure</a>.</li><li>Puis confirmez ici :</li></ol>")
                        .append("<form method=\"post\" action=\"/portail/candidatures/").append(a.getId())
                        .append("/pieces\">").append(Page.csrfField(request))
                        .append(FormHtml.textarea("comment", "Votre réponse au service instructeur (facultatif)", null,
                                null, null, "maxlength=\"900\""))
                        .append("<button type=\"submit\">J'ai déposé les pièces : reprendre l'instruction</button></form>");
            } else if (ProcessKeys.TASK_SIGN_AGREEMENT.equals(t.taskKey())) {
                body.append("<p><a href=\"/portail/candidatures/").append(a.getId())
                        .append("/convention\">Lire et signer la convention</a></p>");
            } else if (ProcessKeys.TASK_SUBMIT_REPORT.equals(t.taskKey())) {
                body.append("<p><a href=\"/portail/candidatures/").append(a.getId())
                        .append("/compte-rendu\">Remplir et remettre le compte-rendu financier</a></p>");
            }
        }
        body.append("</section>");

        Map<String, String> errors = messageError == null ? Map.of() : Map.of("body", messageError);
        body.append(FormHtml.errorSummary(messageError == null ? null : "Le message n'est pas envoyé.", errors))
                .append(MessageThreadHtml.section(request, id, messages.of(id), "Messages avec la DIEESS",
                        "/portail/candidatures/" + a.getId() + "/messages", "Écrire à la DIEESS", null, typedMessage,
                        errors, vault.maxSizeText()));

        body.append("<section aria-labelledby=\"historique\"><h2 id=\"historique\">Historique</h2>")
                .append("<table><caption>Étapes de la candidature</caption><thead><tr><th scope=\"col\">Date</th>"
                        + "<th scope=\"col\">Étape</th><th scope=\"col\">Précisions</th></tr></thead><tbody>");
        for (AuditEvent e : applications.history(id)) {
            body.append("<tr><td>").append(French.dateTime(e.getOccurredAt())).append("</td><td>")
                    .append(Page.escape(step(e))).append("</td><td>").append(Page.escape(e.getReason()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table></section>");
        return Page.portal(request, "Candidature " + a.getReference(), body.toString());
    }

    /** The portal is the project leaders' space; DIEESS staff will have their own pages (back office). */
    private void checkApplicant() {
        if (!currentUser.hasRole(fr.agir.security.Role.APPLICANT)) {
            throw new fr.agir.shared.ForbiddenActionException("L'espace porteur de projet est réservé aux "
                    + "porteurs de projet.");
        }
    }

    private static String step(AuditEvent e) {
        String to = e.getToState();
        try {
            return to == null ? e.getAction() : ApplicationStatus.valueOf(to).label();
        } catch (IllegalArgumentException notAnApplicationStatus) {
            return to;
        }
    }

    private static String title(Application a) {
        return a.getTitle() == null || a.getTitle().isBlank() ? "(sans titre)" : a.getTitle();
    }

    private static String due(Date due) {
        return due == null ? "" : " — avant le " + French.date(due.toInstant());
    }

}
