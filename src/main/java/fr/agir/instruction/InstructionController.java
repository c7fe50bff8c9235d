package fr.agir.instruction;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationStatus;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.MessageApi;
import fr.agir.application.MessageThreadHtml;
import fr.agir.application.MessageService;
import fr.agir.application.YearBudget;
import fr.agir.audit.AuditEvent;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Ept;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import fr.agir.workflow.Deadlines;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The DIEESS instructors' back office: the work queue, and the case view of one application where
 * they decide completeness, write private notes and exchange messages with the structure.
 */
@RestController
public class InstructionController {
    private static final int PAGE_SIZE = 50;

    private final InstructionQueue queue;
    private final CaseView cases;
    private final InstructionService instruction;
    private final MessageService messages;
    private final CampaignService campaigns;
    private final MassMessage massMessage;
    private final ProcessingTimes processingTimes;
    private final DocumentVault vault;
    private final Deadlines deadlines;
    private final CurrentUser currentUser;
    private final Clock clock;

    public InstructionController(InstructionQueue queue, CaseView cases, InstructionService instruction,
                                 MessageService messages, CampaignService campaigns, MassMessage massMessage,
                                 ProcessingTimes processingTimes, DocumentVault vault,
                                 Deadlines deadlines, CurrentUser currentUser, Clock clock) {
        this.queue = queue;
        this.cases = cases;
        this.instruction = instruction;
        this.messages = messages;
        this.campaigns = campaigns;
        this.massMessage = massMessage;
        this.processingTimes = processingTimes;
        this.vault = vault;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping(value = "/instruction", produces = MediaType.TEXT_HTML_VALUE)
    public String queuePage(HttpServletRequest request, @RequestParam Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        InstructionQueue.Filter filter = filter(params, errors);
        int page = Math.max(0, parseInt(params.get("page")));
        InstructionQueue.Result result = queue.queue(filter, page, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>File de travail de l'instruction</h1>")
                .append("<p><a href=\"/instruction/tableau-de-bord\">Délais de traitement et retards</a></p>");
        notice(body, params.get("ok"));
        body.append(FormHtml.errorSummary(errors.isEmpty() ? null : "Certains filtres sont ignorés.", errors));

        Map<String, String> campaignOptions = new LinkedHashMap<>();
        for (Campaign c : campaigns.all()) {
            campaignOptions.put(String.valueOf(c.getId()), c.getName());
        }
        Map<String, String> thematics = new LinkedHashMap<>();
        for (Thematic t : Thematic.values()) {
            thematics.put(t.name(), t.label());
        }
        Map<String, String> stages = new LinkedHashMap<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            stages.put(s.name(), s.label());
        }
        Map<String, String> epts = new LinkedHashMap<>();
        for (Ept e : Ept.values()) {
            epts.put(e.name(), e.label());
        }
        Map<String, String> assignments = new LinkedHashMap<>();
        assignments.put("MINE", "Mes tâches");
        assignments.put("UNASSIGNED", "Non attribuées");
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("OLDEST", "Les plus anciennes d'abord");
        sorts.put("DEADLINE", "Échéance la plus proche");
        sorts.put("AMOUNT", "Montant demandé, décroissant");

        body.append("<form method=\"get\" action=\"/instruction\" aria-labelledby=\"filtres\"><h2 id=\"filtres\">Filtres</h2>")
                .append("<div class=\"grille\">")
                .append(FormHtml.select("campaignId", "Appel à projets", params.get("campaignId"), campaignOptions, errors, null, null))
                .append(FormHtml.select("thematic", "Thématique", params.get("thematic"), thematics, errors, null, null))
                .append(FormHtml.select("stage", "Étape", params.get("stage"), stages, errors, null, null))
                .append(FormHtml.select("ept", "Territoire (EPT)", params.get("ept"), epts, errors, null, null))
                .append(FormHtml.input("minAmount", "Montant demandé minimum (€)", params.get("minAmount"), errors, null,
                        "inputmode=\"decimal\""))
                .append(FormHtml.input("maxAmount", "Montant demandé maximum (€)", params.get("maxAmount"), errors, null,
                        "inputmode=\"decimal\""))
                .append(FormHtml.select("assignment", "Attribution", params.get("assignment"), assignments, errors, null, null))
                .append(FormHtml.select("sort", "Trier par", params.get("sort"), sorts, errors, null, null))
                .append("</div><p><input type=\"checkbox\" id=\"overdue\" name=\"overdue\" value=\"true\"")
                .append("true".equals(params.get("overdue")) ? " checked" : "")
                .append("> <label for=\"overdue\" style=\"display:inline\">En retard seulement</label></p>")
                .append("<button type=\"submit\">Filtrer</button> <a href=\"/instruction\">Effacer les filtres</a></form>");

        body.append("<h2>Par étape</h2><ul>");
        result.countsByStage().forEach((stage, count) -> body.append("<li><a href=\"")
                .append(Page.escape(link(params, "stage", stage.name()))).append("\">").append(Page.escape(stage.label()))
                .append("</a> : ").append(count).append("</li>"));
        if (result.countsByStage().isEmpty()) {
            body.append("<li>Aucune tâche.</li>");
        }
        body.append("</ul>");

        body.append("<h2>").append(result.total()).append(" tâche(s)</h2>");
        if (!result.items().isEmpty()) {
            body.append("<table><caption>Tâches de l'équipe d'instruction, page ").append(page + 1).append("</caption>")
                    .append("<thead><tr><th scope=\"col\">Choisir</th><th scope=\"col\">Référence</th>")
                    .append("<th scope=\"col\">Projet et structure</th>")
                    .append("<th scope=\"col\">EPT</th><th scope=\"col\">Demandé</th><th scope=\"col\">Étape et tâche</th>")
                    .append("<th scope=\"col\">Échéance</th><th scope=\"col\">Prise par</th></tr></thead><tbody>");
            for (InstructionQueue.Item i : result.items()) {
                body.append("<tr><td><input type=\"checkbox\" form=\"action-groupee\" name=\"selection\" value=\"")
                        .append(i.applicationId()).append("\" id=\"choix-").append(Page.escape(i.taskId()))
                        .append("\" aria-label=\"Choisir ").append(Page.escape(i.reference())).append("\"></td><td>")
                        .append("<a href=\"/instruction/candidatures/").append(i.applicationId()).append("\">")
                        .append(Page.escape(i.reference())).append("</a></td><td>").append(Page.escape(i.title()))
                        .append("<br><small>").append(Page.escape(i.structureName())).append("</small></td><td>")
                        .append(i.ept() == null ? "—" : Page.escape(i.ept().label())).append("</td><td>")
                        .append(Money.format(i.requestedTotal())).append("</td><td>")
                        .append(Page.escape(i.stage().label())).append("<br><small>").append(Page.escape(i.step()))
                        .append("</small></td><td>").append(i.due() == null ? "—" : French.date(i.due().toInstant()))
                        .append(i.overdue() ? " <span class=\"etiquette alerte\">En retard</span>" : "")
                        .append("</td><td>").append(i.assignee() == null ? "Personne" : Page.escape(i.assignee()))
                        .append(taskButtons(request, i)).append("</td></tr>");
            }
            body.append("</tbody></table>");
            body.append("<form method=\"post\" id=\"action-groupee\" action=\"/instruction/messages-groupes\">")
                    .append(Page.csrfField(request)).append("<h2>Action groupée</h2>")
                    .append(FormHtml.textarea("message", "Message aux candidatures cochées", null, null,
                            "Chaque structure le reçoit dans sa candidature et en est prévenue par e-mail.",
                            "required maxlength=\"4000\""))
                    .append("<button type=\"submit\" name=\"action\" value=\"message\">Envoyer aux candidatures cochées")
                    .append("</button> <button type=\"submit\" name=\"action\" value=\"jury\" class=\"secondaire\" formnovalidate>")
                    .append("Envoyer au jury les candidatures cochées (synthèse proposée : avis et montants demandés)")
                    .append("</button></form>");
        }
        body.append("<nav aria-label=\"Pages de la file\"><p>");
        if (page > 0) {
            body.append("<a href=\"").append(Page.escape(link(params, "page", String.valueOf(page - 1))))
                    .append("\">Page précédente</a> ");
        }
        if ((long) (page + 1) * PAGE_SIZE < result.total()) {
            body.append("<a href=\"").append(Page.escape(link(params, "page", String.valueOf(page + 1))))
                    .append("\">Page suivante</a>");
        }
        body.append("</p></nav>");
        return Page.portal(request, "File de travail", body.toString());
    }

    @PostMapping("/instruction/taches/{taskId}/{action}")
    public ResponseEntity<String> taskAction(HttpServletRequest request, @PathVariable String taskId,
                                           @PathVariable String action,
                                           @RequestParam(required = false) String assignee) {
        switch (action) {
            case "prendre" -> queue.claim(taskId);
            case "liberer" -> queue.release(taskId);
            case "confier" -> queue.assignTo(taskId, assignee);
            default -> throw new fr.agir.shared.NotFoundException("Action inconnue.");
        }
        return Page.seeOther(backToQueue(request.getHeader(HttpHeaders.REFERER)));
    }

    @GetMapping(value = "/instruction/tableau-de-bord", produces = MediaType.TEXT_HTML_VALUE)
    public String dashboard(HttpServletRequest request, @RequestParam(required = false) Long campaignId) {
        List<Campaign> all = campaigns.all();
        StringBuilder body = new StringBuilder("<h1>Délais de traitement</h1>");
        Map<String, String> options = new LinkedHashMap<>();
        all.forEach(c -> options.put(String.valueOf(c.getId()), c.getName()));
        Long chosen = campaignId != null ? campaignId : all.isEmpty() ? null : all.get(all.size() - 1).getId();
        body.append("<form method=\"get\" action=\"/instruction/tableau-de-bord\">")
                .append(FormHtml.select("campaignId", "Appel à projets", chosen == null ? null : String.valueOf(chosen),
                        options, null, null, null))
                .append("<button type=\"submit\">Afficher</button></form>");
        if (chosen != null) {
            ProcessingTimes.Dashboard d = processingTimes.of(chosen);
            body.append("<table><caption>Durée des étapes terminées, en jours</caption><thead><tr>")
                    .append("<th scope=\"col\">Étape</th><th scope=\"col\">Terminées</th><th scope=\"col\">Médiane</th>")
                    .append("<th scope=\"col\">90 % en moins de</th></tr></thead><tbody>");
            for (ProcessingTimes.StepTimes t : d.steps()) {
                body.append("<tr><td>").append(Page.escape(t.step())).append("</td><td>").append(t.finished())
                        .append("</td><td>").append(t.medianDays().toPlainString().replace('.', ','))
                        .append("</td><td>").append(t.p90Days().toPlainString().replace('.', ',')).append("</td></tr>");
            }
            body.append("</tbody></table><h2>").append(d.overdue().size()).append(" tâche(s) en retard</h2><ul>");
            for (InstructionQueue.Item i : d.overdue()) {
                body.append("<li><a href=\"/instruction/candidatures/").append(i.applicationId()).append("\">")
                        .append(Page.escape(i.reference())).append("</a> — ").append(Page.escape(i.step()))
                        .append(", échéance le ").append(French.date(i.due().toInstant()))
                        .append(i.assignee() == null ? "" : " (" + Page.escape(i.assignee()) + ")").append("</li>");
            }
            body.append("</ul>");
        }
        return Page.portal(request, "Délais de traitement", body.toString());
    }

    @PostMapping(value = "/instruction/messages-groupes", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> messageMany(HttpServletRequest request,
                                              @RequestParam(required = false) List<Long> selection,
                                              @RequestParam(defaultValue = "") String message,
                                              @RequestParam(defaultValue = "message") String action) {
        boolean jury = "jury".equals(action);
        StringBuilder body = new StringBuilder("<h1>Compte rendu de l'envoi groupé")
                .append(jury ? " au jury" : "").append("</h1>");
        try {
            List<MassMessage.Outcome> outcomes = jury ? massMessage.sendToJury(selection)
                    : massMessage.send(selection, message);
            long sent = outcomes.stream().filter(MassMessage.Outcome::sent).count();
            body.append("<p role=\"status\" class=\"").append(sent == outcomes.size() ? "succes" : "attention")
                    .append("\">").append(sent).append(jury ? " candidature(s) transmise(s) au jury sur " : " message(s) envoyé(s) sur ")
                    .append(outcomes.size())
                    .append(".</p><ul>");
            for (MassMessage.Outcome o : outcomes) {
                body.append("<li>").append(o.sent() ? Page.escape(o.reference()) + (jury ? " : transmise au jury" : " : envoyé")
                        : "Candidature " + o.applicationId() + " : non envoyé — " + Page.escape(o.error())).append("</li>");
            }
            body.append("</ul>");
        } catch (DomainException e) {
            body.append(FormHtml.errorSummary("Rien n'a été envoyé.", e.fieldErrors().isEmpty()
                    ? Map.of("message", e.getMessage()) : e.fieldErrors()));
        }
        body.append("<p><a href=\"/instruction\">Retour à la file de travail</a></p>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Page.portal(request, "Envoi groupé",
                body.toString()));
    }

    @GetMapping(value = "/instruction/candidatures/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String casePage(HttpServletRequest request, @PathVariable Long id,
                           @RequestParam(required = false) String ok) {
        return casePage(request, id, ok, null, Map.of(), Map.of());
    }

    @PostMapping(value = "/instruction/candidatures/{id}/recevabilite", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> completeness(HttpServletRequest request, @PathVariable Long id,
                                               @RequestParam Map<String, String> form) {
        InstructionService.Completeness outcome;
        try {
            outcome = InstructionService.Completeness.valueOf(form.getOrDefault("outcome", ""));
        } catch (IllegalArgumentException e) {
            return rejected(request, id, "La décision n'est pas enregistrée.",
                    Map.of("outcome", "Choisissez une décision"), form);
        }
        try {
            java.util.Set<Directorate> proposed = java.util.EnumSet.noneOf(Directorate.class);
            if (outcome == InstructionService.Completeness.COMPLETE) {
                proposed.addAll(instruction.routingProposal(id));
            }
            java.util.Set<Directorate> chosen = java.util.EnumSet.noneOf(Directorate.class);
            form.keySet().stream().filter(k -> k.startsWith("direction-"))
                    .forEach(k -> chosen.add(Directorate.valueOf(k.substring("direction-".length()))));
            InstructionService.RoutingChange routing = outcome != InstructionService.Completeness.COMPLETE
                    || proposed.equals(chosen) ? InstructionService.RoutingChange.NONE
                    : new InstructionService.RoutingChange(difference(chosen, proposed), difference(proposed, chosen),
                    form.get("routingReason"));
            instruction.decideCompleteness(id, outcome, form.get("reason"), form.get("missingPieces"), routing);
            return Page.seeOther("/instruction/candidatures/" + id + "?ok=recevabilite");
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return rejected(request, id, e.getMessage(), e.fieldErrors(), form);
        }
    }

    @PostMapping(value = "/instruction/candidatures/{id}/reouverture", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> reopen(HttpServletRequest request, @PathVariable Long id,
                                         @RequestParam(defaultValue = "") String reopenReason) {
        try {
            instruction.reopenCompleteness(id, reopenReason);
            return Page.seeOther("/instruction/candidatures/" + id + "?ok=reouverture");
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return rejected(request, id, "La candidature n'est pas rouverte.", Map.of("reopenReason", e.getMessage()),
                    Map.of("reopenReason", reopenReason));
        }
    }

    @PostMapping(value = "/instruction/candidatures/{id}/notes", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> annotate(HttpServletRequest request, @PathVariable Long id,
                                           @RequestParam(defaultValue = "") String note) {
        try {
            cases.annotate(id, note);
            return Page.seeOther("/instruction/candidatures/" + id + "?ok=note#notes");
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return rejected(request, id, "La note n'est pas enregistrée.", Map.of("note", e.getMessage()),
                    Map.of("note", note));
        }
    }

    @PostMapping(value = "/instruction/candidatures/{id}/messages", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> message(HttpServletRequest request, @PathVariable Long id,
                                          @RequestParam(defaultValue = "") String body,
                                          @RequestParam(required = false) MultipartFile file) throws IOException {
        try {
            messages.post(id, body, MessageApi.attachment(file));
            return Page.seeOther("/instruction/candidatures/" + id + "?ok=message#messages");
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return rejected(request, id, "Le message n'est pas envoyé.", Map.of("body", e.getMessage()),
                    Map.of("body", body));
        }
    }

    private ResponseEntity<String> rejected(HttpServletRequest request, Long id, String message,
                                            Map<String, String> errors, Map<String, String> typed) {
        return ResponseEntity.unprocessableEntity().contentType(MediaType.TEXT_HTML)
                .body(casePage(request, id, null, message, errors, typed));
    }

    private String casePage(HttpServletRequest request, Long id, String ok, String errorMessage,
                            Map<String, String> errors, Map<String, String> typed) {
        CaseView.Case c = cases.of(id);
        Application a = c.application();
        Structure s = c.structure();
        StringBuilder body = new StringBuilder("<h1>").append(Page.escape(a.getReference())).append(" — ")
                .append(Page.escape(a.getTitle())).append("</h1>");
        notice(body, ok);
        body.append(FormHtml.errorSummary(errorMessage, errors));
        body.append("<p><strong>").append(Page.escape(a.getStatus().label())).append("</strong>")
                .append(a.getStatusReason() == null ? "" : " — " + Page.escape(a.getStatusReason())).append("</p>")
                .append("<p><a href=\"/instruction\">Retour à la file de travail</a></p>");

        // What the instructor can do now.
        List<Workflow.TeamTask> open = queue.tasksOf(a.getReference());
        boolean checking = open.stream().anyMatch(t -> ProcessKeys.TASK_CHECK_COMPLETENESS.equals(t.taskKey()));
        if (checking) {
            completenessForm(body, request, a, errors, typed);
        }
        if (open.stream().anyMatch(t -> ProcessKeys.TASK_WRITE_SYNTHESIS.equals(t.taskKey()))) {
            body.append("<p><a class=\"bouton\" href=\"/instruction/candidatures/").append(a.getId())
                    .append("/synthese\">Rédiger la synthèse d'instruction</a></p>");
        }
        if (a.getStatus() == ApplicationStatus.INADMISSIBLE) {
            body.append("<section aria-labelledby=\"reouvrir\"><h2 id=\"reouvrir\">Rouvrir la recevabilité</h2>")
                    .append("<p><a href=\"/api/applications/").append(a.getId())
                    .append("/inadmissibility-letter\">Courrier d'irrecevabilité envoyé (PDF)</a></p>")
                    .append("<form method=\"post\" action=\"/instruction/candidatures/").append(a.getId())
                    .append("/reouverture\">").append(Page.csrfField(request))
                    .append(FormHtml.textarea("reopenReason", "Motif de la réouverture", typed.get("reopenReason"), errors,
                            "Par exemple : la pièce était arrivée avant l'échéance. Le motif est tracé.",
                            "required maxlength=\"900\""))
                    .append("<button type=\"submit\">Rouvrir et revenir au contrôle de recevabilité</button></form></section>");
        }

        body.append("<section aria-labelledby=\"structure\"><h2 id=\"structure\">Dossier unique de la structure</h2><dl>")
                .append(dd("Nom", s.getName())).append(dd("Forme juridique", s.getLegalForm().label()))
                .append(dd("SIRET / RNA", (s.getSiret() == null ? "" : "SIRET " + s.getSiret() + " ")
                        + (s.getRna() == null ? "" : "RNA " + s.getRna())))
                .append(dd("Adresse", String.join(" ", nonNull(s.getAddressLine()), nonNull(s.getPostalCode()),
                        nonNull(s.getCommune())) + (s.getEpt() == null ? "" : " — EPT " + s.getEpt().label())))
                .append(dd("Représentant légal", s.getLegalRepName() + " (" + s.getLegalRepEmail() + ")"))
                .append(dd("IBAN / BIC", nonNull(s.getIban()) + " " + nonNull(s.getBic()))).append("</dl>");
        body.append("<h3>Pièces</h3>");
        if (!c.caseFile().missingRequiredTypes().isEmpty()) {
            body.append("<p class=\"attention\">Pièces exigées manquantes ou expirées : ")
                    .append(Page.escape(String.join(", ", c.caseFile().missingRequiredTypes().stream()
                            .map(t -> t.label()).toList()))).append("</p>");
        }
        body.append("<table><caption>Dernière version de chaque pièce (* : jointe à cette candidature)</caption>")
                .append("<thead><tr><th scope=\"col\">Pièce</th><th scope=\"col\">Version</th><th scope=\"col\">Déposée le</th>")
                .append("<th scope=\"col\">Validité</th></tr></thead><tbody>");
        List<Long> linked = c.linkedPieces().stream().map(StructureDocument::getId).toList();
        for (DocumentVault.Entry e : c.caseFile().current()) {
            StructureDocument d = e.document();
            body.append("<tr><td><a href=\"/api/structures/").append(s.getId()).append("/documents/").append(d.getId())
                    .append("/content\">").append(Page.escape(d.getType().label())).append("</a>")
                    .append(linked.contains(d.getId()) ? " *" : "").append("</td><td>").append(d.getVersionNumber())
                    .append("</td><td>").append(French.date(d.getUploadedAt())).append("</td><td>")
                    .append(validity(e)).append("</td></tr>");
        }
        body.append("</tbody></table>");
        body.append("<h3>Toutes les candidatures de la structure</h3><table><caption>Historique des demandes et des "
                + "subventions</caption><thead><tr><th scope=\"col\">Référence</th><th scope=\"col\">Projet</th>"
                + "<th scope=\"col\">Étape</th><th scope=\"col\">Demandé</th><th scope=\"col\">Attribué</th></tr></thead><tbody>");
        for (CaseView.PastApplication p : c.structureApplications()) {
            body.append("<tr><td>").append(p.application().getId().equals(a.getId()) ? Page.escape(p.application().getReference())
                            : "<a href=\"/instruction/candidatures/" + p.application().getId() + "\">"
                            + Page.escape(p.application().getReference()) + "</a>").append("</td><td>")
                    .append(Page.escape(p.application().getTitle())).append("</td><td>")
                    .append(Page.escape(p.application().getStatus().label())).append("</td><td>")
                    .append(Money.format(p.requested())).append("</td><td>")
                    .append(p.granted() == null ? "—" : Money.format(p.granted())).append("</td></tr>");
        }
        body.append("</tbody></table></section>");

        body.append("<section aria-labelledby=\"projet\"><h2 id=\"projet\">La candidature</h2><dl>")
                .append(dd("Appel à projets", campaigns.get(a.getCampaignId()).getName()))
                .append(dd("Thématique", a.getThematic() == null ? "" : a.getThematic().label()))
                .append(dd("Public visé", a.getTargetPublic() == null ? "" : a.getTargetPublic().label()))
                .append(dd("Territoire", a.getTerritory())).append(dd("Durée", a.getDurationYears() + " an(s)"))
                .append(dd("Déposée le", a.getSubmittedAt() == null ? "—" : French.dateTime(a.getSubmittedAt())))
                .append("</dl><p>").append(Page.escape(a.getDescription())).append("</p>");
        for (YearBudget b : c.budgets()) {
            budgetTable(body, b);
        }
        body.append("<h3>Montants</h3><ul>");
        c.amounts().forEach((kind, byYear) -> {
            if (!byYear.isEmpty()) {
                body.append("<li>").append(Page.escape(amountLabel(kind))).append(" : ")
                        .append(Page.escape(French.amountsByYear(byYear))).append("</li>");
            }
        });
        body.append("</ul></section>");

        body.append("<section aria-labelledby=\"avis\"><h2 id=\"avis\">Avis des directions</h2>");
        if (c.opinions().isEmpty()) {
            body.append("<p>Aucun avis demandé pour le moment.</p>");
        } else {
            body.append("<table><caption>Avis reçus et attendus</caption><thead><tr><th scope=\"col\">Direction</th>")
                    .append("<th scope=\"col\">Avis</th><th scope=\"col\">Montant suggéré</th><th scope=\"col\">Échéance</th>")
                    .append("</tr></thead><tbody>");
            for (Opinion o : c.opinions()) {
                body.append("<tr><td>").append(Page.escape(o.getDirectorate().label())).append("</td><td>")
                        .append(switch (o.getStatus()) {
                            case GIVEN -> "<strong>" + Page.escape(o.getVerdict().label()) + "</strong> — "
                                    + Page.escape(o.getComment()) + " (" + Page.escape(o.getGivenBy()) + ", "
                                    + French.date(o.getGivenAt()) + ")";
                            case REQUESTED -> "Attendu";
                            case EXPIRED -> "Sans avis (délai dépassé)";
                        }).append("</td><td>").append(o.getSuggestedAmount() == null ? "—"
                                : Money.format(o.getSuggestedAmount())).append("</td><td>")
                        .append(French.date(o.getDueDate()))
                        .append(o.getStatus() == Opinion.Status.REQUESTED && o.getDueDate().isBefore(LocalDate.now(clock))
                                ? " <span class=\"etiquette alerte\">En retard</span>" : "").append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");

        body.append(MessageThreadHtml.section(request, a.getId(), c.messages(), "Messages avec la structure",
                "/instruction/candidatures/" + a.getId() + "/messages", "Écrire à la structure",
                "Le représentant légal est prévenu par e-mail.", typed.get("body"), errors, vault.maxSizeText()));

        body.append("<section aria-labelledby=\"notes\"><h2 id=\"notes\">Notes internes</h2>")
                .append("<p class=\"info\">Visibles des seuls instructeurs de la DIEESS.</p>");
        for (Annotation n : c.annotations()) {
            body.append("<article class=\"message dieess\"><p><strong>").append(Page.escape(n.getAuthor()))
                    .append("</strong>, le ").append(French.dateTime(n.getCreatedAt())).append("</p><p>")
                    .append(Page.escape(n.getBody()).replace("\n", "<br>")).append("</p></article>");
        }
        body.append("<form method=\"post\" action=\"/instruction/candidatures/").append(id).append("/notes\">")
                .append(Page.csrfField(request))
                .append(FormHtml.textarea("note", "Ajouter une note interne", typed.get("note"), errors, null,
                        "required maxlength=\"4000\""))
                .append("<button type=\"submit\">Enregistrer la note</button></form></section>");

        body.append("<section aria-labelledby=\"chronologie\"><h2 id=\"chronologie\">Chronologie</h2>")
                .append("<table><caption>Événements du dossier</caption><thead><tr><th scope=\"col\">Date</th>")
                .append("<th scope=\"col\">Qui</th><th scope=\"col\">Événement</th></tr></thead><tbody>");
        for (AuditEvent e : c.history()) {
            body.append("<tr><td>").append(French.dateTime(e.getOccurredAt())).append("</td><td>")
                    .append(Page.escape(e.getActor())).append("</td><td>").append(Page.escape(e.getAction()))
                    .append(e.getReason() == null ? "" : " — " + Page.escape(e.getReason())).append("</td></tr>");
        }
        body.append("</tbody></table><table><caption>Étapes terminées (moteur de processus)</caption><thead><tr>")
                .append("<th scope=\"col\">Étape</th><th scope=\"col\">Par</th><th scope=\"col\">Début</th>")
                .append("<th scope=\"col\">Fin</th></tr></thead><tbody>");
        for (Workflow.DoneTask t : c.doneSteps()) {
            body.append("<tr><td>").append(Page.escape(t.name())).append("</td><td>")
                    .append(Page.escape(t.assignee() == null ? "—" : t.assignee())).append("</td><td>")
                    .append(French.dateTime(t.started().toInstant())).append("</td><td>")
                    .append(French.dateTime(t.ended().toInstant())).append("</td></tr>");
        }
        body.append("</tbody></table></section>");
        return Page.portal(request, a.getReference() + " — instruction", body.toString());
    }

    private void completenessForm(StringBuilder body, HttpServletRequest request, Application a,
                                  Map<String, String> errors, Map<String, String> typed) {
        String outcome = typed.get("outcome");
        body.append("<section aria-labelledby=\"recevabilite\"><h2 id=\"recevabilite\">Recevabilité</h2>")
                .append("<form method=\"post\" action=\"/instruction/candidatures/").append(a.getId())
                .append("/recevabilite\">").append(Page.csrfField(request))
                .append("<fieldset id=\"outcome\"><legend>Décision</legend>");
        for (InstructionService.Completeness c : InstructionService.Completeness.values()) {
            String label = switch (c) {
                case COMPLETE -> "Dossier complet et recevable : l'instruction commence";
                case MISSING_PIECES -> "Pièces manquantes : demander à la structure (délai de "
                        + deadlines.getMissingPieces().replace("P", "").replace("D", " jours") + ")";
                case INELIGIBLE -> "Irrecevable ou inéligible : un courrier motivé est envoyé";
            };
            body.append("<p><input type=\"radio\" name=\"outcome\" id=\"outcome-").append(c.name()).append("\" value=\"")
                    .append(c.name()).append("\"").append(c.name().equals(outcome) ? " checked" : "")
                    .append("> <label style=\"display:inline\" for=\"outcome-").append(c.name()).append("\">")
                    .append(Page.escape(label)).append("</label></p>");
        }
        body.append("</fieldset>")
                .append(FormHtml.textarea("missingPieces", "Pièces à fournir (une par ligne, avec la raison)",
                        typed.get("missingPieces"), errors, "Pour une demande de pièces : elles sont envoyées à la "
                                + "structure avec la date limite.", "maxlength=\"900\""))
                .append(FormHtml.textarea("reason", "Motif", typed.get("reason"), errors,
                        "Obligatoire pour une irrecevabilité : il figure dans le courrier.", "maxlength=\"900\""));
        List<Directorate> proposal = instruction.routingProposal(a.getId());
        body.append("<fieldset id=\"routing\"><legend>Directions consultées si le dossier est complet</legend>")
                .append("<p class=\"aide\">Cochées : la proposition de la table de routage (thématique, public, ")
                .append("montant, forme juridique). Tout changement est motivé et tracé.</p>");
        for (Directorate d : Directorate.values()) {
            if (d == Directorate.DIEESS) {
                continue;
            }
            boolean checked = typed.isEmpty() ? proposal.contains(d) : typed.containsKey("direction-" + d.name());
            body.append("<p><input type=\"checkbox\" id=\"direction-").append(d.name()).append("\" name=\"direction-")
                    .append(d.name()).append("\" value=\"oui\"").append(checked ? " checked" : "")
                    .append("> <label style=\"display:inline\" for=\"direction-").append(d.name()).append("\">")
                    .append(Page.escape(d.name() + " — " + d.label())).append(proposal.contains(d) ? " (proposée)" : "")
                    .append("</label></p>");
        }
        body.append("</fieldset>")
                .append(FormHtml.textarea("routingReason", "Motif du changement des directions", typed.get("routingReason"),
                        errors, "Obligatoire si vous ajoutez ou retirez une direction.", "maxlength=\"900\""))
                .append("<button type=\"submit\">Enregistrer la décision</button></form></section>");
    }

    private static java.util.Set<Directorate> difference(java.util.Set<Directorate> a, java.util.Set<Directorate> b) {
        java.util.Set<Directorate> result = java.util.EnumSet.noneOf(Directorate.class);
        result.addAll(a);
        result.removeAll(b);
        return result;
    }

    private static void budgetTable(StringBuilder body, YearBudget b) {
        body.append("<table><caption>Budget prévisionnel, année ").append(b.year()).append(" (demandé : ")
                .append(Money.format(b.requestedAmount())).append(")</caption><thead><tr><th scope=\"col\">Compte</th>")
                .append("<th scope=\"col\">Libellé</th><th scope=\"col\">Montant</th></tr></thead><tbody>");
        b.lines().forEach((code, amount) -> body.append("<tr><td>").append(Page.escape(code.code())).append("</td><td>")
                .append(Page.escape(code.label())).append("</td><td>").append(Money.format(amount)).append("</td></tr>"));
        body.append("<tr><th scope=\"row\" colspan=\"2\">Total des charges</th><td>")
                .append(Money.format(b.total(BudgetLineCode.Side.CHARGE))).append("</td></tr>")
                .append("<tr><th scope=\"row\" colspan=\"2\">Total des produits</th><td>")
                .append(Money.format(b.total(BudgetLineCode.Side.PRODUCT))).append("</td></tr></tbody></table>");
    }

    private String taskButtons(HttpServletRequest request, InstructionQueue.Item i) {
        String me = currentUser.username();
        String action = me.equals(i.assignee()) ? "liberer" : "prendre";
        String label = me.equals(i.assignee()) ? "Remettre dans la file" : "Prendre";
        return "<form method=\"post\" action=\"/instruction/taches/" + Page.escape(i.taskId()) + "/" + action + "\">"
                + Page.csrfField(request) + "<button type=\"submit\" class=\"secondaire\" aria-label=\"" + label + " "
                + Page.escape(i.reference()) + "\">" + label + "</button></form>";
    }

    private static String validity(DocumentVault.Entry e) {
        LocalDate end = e.document().getValidUntil();
        return switch (e.status()) {
            case NO_END -> "Sans fin";
            case VALID -> "Jusqu'au " + French.date(end);
            case EXPIRING_SOON -> "<span class=\"etiquette avertissement\">Expire le " + French.date(end) + "</span>";
            case EXPIRED -> "<span class=\"etiquette alerte\">Expirée le " + French.date(end) + "</span>";
        };
    }

    private static String amountLabel(AmountKind kind) {
        return switch (kind) {
            case REQUESTED -> "Demandé";
            case PROPOSED -> "Proposé par l'instruction";
            case JURY -> "Proposé par le jury";
            case GRANTED -> "Attribué";
        };
    }

    private static InstructionQueue.Filter filter(Map<String, String> p, Map<String, String> errors) {
        return new InstructionQueue.Filter(parseLong(p.get("campaignId"), "campaignId", errors),
                parseEnum(Thematic.class, p.get("thematic"), "thematic", errors),
                parseEnum(ApplicationStatus.class, p.get("stage"), "stage", errors),
                parseEnum(Ept.class, p.get("ept"), "ept", errors),
                parseAmount(p.get("minAmount"), "minAmount", errors), parseAmount(p.get("maxAmount"), "maxAmount", errors),
                "true".equals(p.get("overdue")),
                parseEnum(InstructionQueue.Assignment.class, p.get("assignment"), "assignment", errors),
                parseEnum(InstructionQueue.Sort.class, p.get("sort"), "sort", errors));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, "Valeur inconnue, filtre ignoré");
            return null;
        }
    }

    private static Long parseLong(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Valeur inconnue, filtre ignoré");
            return null;
        }
    }

    private static BigDecimal parseAmount(String value, String field, Map<String, String> errors) {
        try {
            return FormHtml.decimal(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Montant invalide (exemple : 15000), filtre ignoré");
            return null;
        }
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The queue's address with one parameter changed (and back to the first page when a filter changes). */
    private static String link(Map<String, String> params, String name, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/instruction");
        params.forEach((k, v) -> {
            if (!k.equals(name) && !k.equals("ok") && !(k.equals("page") && !name.equals("page")) && !k.equals("_csrf")
                    && v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        return uri.queryParam(name, value).encode().build().toUriString();
    }

    /** Back to the queue page the button was on (its filters and page), never to another site. */
    static String backToQueue(String referer) {
        try {
            java.net.URI uri = referer == null ? null : java.net.URI.create(referer);
            if (uri != null && uri.getRawPath() != null && uri.getRawPath().equals("/instruction")) {
                String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)ok=[^&]*", "");
                return "/instruction?" + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&") + "ok=tache";
            }
        } catch (IllegalArgumentException malformed) {
            // fall through
        }
        return "/instruction?ok=tache";
    }

    private static void notice(StringBuilder body, String ok) {
        String text = ok == null ? null : switch (ok) {
            case "recevabilite" -> "Décision de recevabilité enregistrée.";
            case "note" -> "Note enregistrée.";
            case "reouverture" -> "Candidature rouverte : elle revient au contrôle de recevabilité.";
            case "message" -> "Message envoyé ; la structure est prévenue par e-mail.";
            case "tache" -> "Tâche mise à jour.";
            default -> null;
        };
        if (text != null) {
            body.append("<p class=\"succes\" role=\"status\">").append(text).append("</p>");
        }
    }

    private static String dd(String term, String value) {
        return "<dt>" + Page.escape(term) + "</dt><dd>" + Page.escape(value == null || value.isBlank() ? "—" : value)
                + "</dd>";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

}
