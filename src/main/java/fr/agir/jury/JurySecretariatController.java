package fr.agir.jury;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DIEESS's jury pages (the jury secretariat): sessions and their creation, a campaign's scoring
 * grid, and a session's page — members, applications, conflicts, assignment, phases, the
 * deliberation's ranking and proposals against the envelope, the minutes.
 */
@RestController
public class JurySecretariatController {
    private static final String BASE = "/instruction/jury";

    private final JurySessionService sessions;
    private final ScoringGridService grids;
    private final ConflictService conflicts;
    private final CampaignService campaigns;
    private final CurrentUser currentUser;

    public JurySecretariatController(JurySessionService sessions, ScoringGridService grids, ConflictService conflicts,
                                     CampaignService campaigns, CurrentUser currentUser) {
        this.sessions = sessions;
        this.grids = grids;
        this.conflicts = conflicts;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
    }

    // ---- the sessions

    @GetMapping(value = BASE, produces = MediaType.TEXT_HTML_VALUE)
    public String list(HttpServletRequest request) {
        return listPage(request, Map.of(), null, Map.of());
    }

    private String listPage(HttpServletRequest request, Map<String, String> form, String message,
                            Map<String, String> errors) {
        StringBuilder body = new StringBuilder("<h1>Séances de jury</h1>")
                .append("<p>Une séance prend des candidatures instruites, les répartit entre ses membres sans conflit "
                        + "d'intérêts, ouvre la notation sur la grille de la campagne (figée à ce moment), puis délibère "
                        + "dans l'enveloppe. À sa clôture, l'avis du jury part vers chaque candidature.</p>");
        List<JurySession> all = sessions.all();
        Map<Long, Campaign> byId = campaigns.all().stream().collect(Collectors.toMap(Campaign::getId, c -> c));
        if (all.isEmpty()) {
            body.append("<p>Aucune séance pour l'instant.</p>");
        } else {
            body.append("<table><caption>Les séances, les plus récentes d'abord</caption><thead><tr>"
                    + "<th scope=\"col\">Séance</th><th scope=\"col\">Campagne</th><th scope=\"col\">Phase</th>"
                    + "<th scope=\"col\">Notation</th><th scope=\"col\">Délibération</th></tr></thead><tbody>");
            for (JurySession s : all) {
                Campaign c = byId.get(s.getCampaignId());
                body.append("<tr><td><a href=\"").append(BASE).append("/seances/").append(s.getId()).append("\">")
                        .append(Page.escape(s.getName())).append("</a></td><td>")
                        .append(c == null ? "" : Page.escape(c.getName())).append("</td><td>")
                        .append(Page.escape(s.getPhase().label())).append("</td><td>du ")
                        .append(French.date(s.getScoringOpens())).append(" au ").append(French.date(s.getScoringCloses()))
                        .append("</td><td>").append(French.date(s.getDeliberationDate())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<section aria-labelledby=\"grilles\"><h2 id=\"grilles\">Grilles de notation</h2><ul>");
        byId.values().stream().sorted((a, b) -> b.getOpeningDate().compareTo(a.getOpeningDate())).forEach(c ->
                body.append("<li><a href=\"").append(BASE).append("/campagnes/").append(c.getId()).append("/grille\">")
                        .append("Grille de « ").append(Page.escape(c.getName())).append(" »</a></li>"));
        body.append("</ul></section>");

        body.append("<section aria-labelledby=\"nouvelle\"><h2 id=\"nouvelle\">Créer une séance</h2>")
                .append(FormHtml.errorSummary(message, errors))
                .append("<form method=\"post\" action=\"").append(BASE).append("/seances\" novalidate>")
                .append(Page.csrfField(request));
        Map<String, String> options = new LinkedHashMap<>();
        byId.values().forEach(c -> options.put(String.valueOf(c.getId()), c.getName() + " (" + c.getCode() + ")"));
        body.append(FormHtml.select("campaignId", "Campagne *", form.get("campaignId"), options, errors, null, "required"))
                .append(FormHtml.input("name", "Nom de la séance *", form.get("name"), errors,
                        "Par exemple : Jury Transition écologique, 1re séance", "required maxlength=\"200\""))
                .append(FormHtml.input("scoringOpens", "Ouverture de la notation *", form.get("scoringOpens"), errors,
                        null, "type=\"date\" required"))
                .append(FormHtml.input("scoringCloses", "Fin de la notation *", form.get("scoringCloses"), errors,
                        "Les membres qui n'ont pas tout noté sont relancés par e-mail quelques jours avant.",
                        "type=\"date\" required"))
                .append(FormHtml.input("deliberationDate", "Délibération *", form.get("deliberationDate"), errors, null,
                        "type=\"date\" required"))
                .append(FormHtml.input("jurorsPerApplication", "Membres par dossier *",
                        form.getOrDefault("jurorsPerApplication", "3"), errors, "Entre 1 et 10",
                        "type=\"number\" min=\"1\" max=\"10\" required"))
                .append("<p><input type=\"checkbox\" id=\"preferThematics\" name=\"preferThematics\" value=\"true\"")
                .append("true".equals(form.get("preferThematics")) ? " checked" : "")
                .append("> <label for=\"preferThematics\">Confier de préférence les dossiers aux membres de leur "
                        + "thématique (sans déséquilibrer la charge)</label></p>")
                .append(FormHtml.textarea("members", "Membres", form.get("members"), errors,
                        "Un membre par ligne : identifiant de connexion ; nom affiché ; e-mail ; thématiques (codes "
                                + "séparés par des virgules : " + Arrays.stream(Thematic.values()).map(Enum::name)
                                .collect(Collectors.joining(", ")) + ")", null))
                .append("<button type=\"submit\">Créer la séance</button></form></section>");
        return Page.portal(request, "Séances de jury", body.toString());
    }

    @PostMapping(value = BASE + "/seances", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> create(HttpServletRequest request, @RequestParam Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long campaignId = parseLong(form.get("campaignId"), "campaignId", "Choisissez la campagne", errors);
        LocalDate opens = parseDate(form.get("scoringOpens"), "scoringOpens", errors);
        LocalDate closes = parseDate(form.get("scoringCloses"), "scoringCloses", errors);
        LocalDate deliberation = parseDate(form.get("deliberationDate"), "deliberationDate", errors);
        Long jurors = parseLong(form.get("jurorsPerApplication"), "jurorsPerApplication", "Un nombre entre 1 et 10", errors);
        List<JurySessionService.MemberInput> members = parseMembers(form.get("members"), errors);
        if (errors.isEmpty()) {
            try {
                JurySession s = sessions.create(new JurySessionService.NewSession(campaignId, form.get("name"), opens,
                        closes, deliberation, jurors.intValue(), "true".equals(form.get("preferThematics")), members));
                return Page.seeOther(BASE + "/seances/" + s.getId() + "?ok=creee");
            } catch (InvalidInputException e) {
                errors.putAll(rename(e.fieldErrors()));
                return html(422, listPage(request, form, e.getMessage(), errors));
            }
        }
        return html(422, listPage(request, form, "Certaines informations manquent ou ne sont pas valides.", errors));
    }

    // ---- the grid

    @GetMapping(value = BASE + "/campagnes/{id}/grille", produces = MediaType.TEXT_HTML_VALUE)
    public String grid(HttpServletRequest request, @PathVariable Long id, @RequestParam(required = false) String ok) {
        return gridPage(request, id, null, null, Map.of(), ok != null);
    }

    private String gridPage(HttpServletRequest request, Long campaignId, MultiValueMap<String, String> typed,
                            String message, Map<String, String> errors, boolean saved) {
        Campaign campaign = campaigns.get(campaignId);
        ScoringGrid grid = grids.current(campaignId).orElse(null);
        StringBuilder body = new StringBuilder("<h1>Grille de notation — ").append(Page.escape(campaign.getName()))
                .append("</h1><p><a href=\"").append(BASE).append("\">Toutes les séances</a></p>");
        if (saved) {
            body.append("<p class=\"succes\" role=\"status\">La grille est enregistrée (version ")
                    .append(grid == null ? "" : grid.getGridVersion()).append(").</p>");
        }
        if (grid == null) {
            body.append("<p>La campagne n'a pas encore de grille.</p>");
        } else if (grid.isFrozen()) {
            body.append("<p class=\"attention\">La version ").append(grid.getGridVersion()).append(" est figée depuis le ")
                    .append(French.dateTime(grid.getFrozenAt())).append(" : une séance note avec elle. Enregistrer "
                            + "crée la version ").append(grid.getGridVersion() + 1)
                    .append(", qui servira aux séances suivantes.</p>");
        } else {
            body.append("<p>Version ").append(grid.getGridVersion()).append(", en préparation : elle sera figée à "
                    + "l'ouverture de la notation d'une séance.</p>");
        }
        body.append("<p>Chaque membre note chaque critère sur son échelle ; sa note pondérée est ramenée sur 20. Un "
                        + "critère éliminatoire écarte le dossier quand la moyenne des membres y est sous le seuil.</p>")
                .append(FormHtml.errorSummary(message, errors))
                .append("<form method=\"post\" action=\"").append(BASE).append("/campagnes/").append(campaignId)
                .append("/grille\" novalidate>").append(Page.csrfField(request));
        List<GridCriterion> criteria = grid == null ? List.of() : grid.getCriteria();
        int rows = Math.max(criteria.size() + 2, typed == null ? 0 : typed.getOrDefault("label", List.of()).size());
        for (int i = 0; i < rows; i++) {
            GridCriterion c = i < criteria.size() ? criteria.get(i) : null;
            body.append("<fieldset><legend>Critère ").append(i + 1).append(i >= criteria.size() ? " (nouveau, facultatif)" : "")
                    .append("</legend>")
                    .append(FormHtml.input("label-" + i, "Intitulé", value(typed, "label", i, c == null ? null : c.getLabel()),
                            named(errors, "label-" + i), "Laisser vide pour retirer le critère",
                            "maxlength=\"200\""))
                    .append(FormHtml.textarea("description-" + i, "Description", value(typed, "description", i,
                            c == null ? null : c.getDescription()), named(errors, "description-" + i),
                            null, null))
                    .append(FormHtml.input("scaleMin-" + i, "Note minimale", value(typed, "scaleMin", i,
                            c == null ? "0" : String.valueOf(c.getScaleMin())), Map.of(), null,
                            "type=\"number\" min=\"0\" max=\"10\""))
                    .append(FormHtml.input("scaleMax-" + i, "Note maximale", value(typed, "scaleMax", i,
                            c == null ? "5" : String.valueOf(c.getScaleMax())), named(errors, "scaleMax-" + i),
                            null, "type=\"number\" min=\"1\" max=\"10\""))
                    .append(FormHtml.input("anchors-" + i, "Libellés de l'échelle", value(typed, "anchors", i,
                            c == null ? null : String.join(" | ", c.getAnchors())), named(errors, "anchors-" + i),
                            "Un libellé par note, de la plus basse à la plus haute, séparés par « | » (facultatif)", null))
                    .append(FormHtml.input("weight-" + i, "Poids", value(typed, "weight", i,
                            c == null ? "1" : French.number(c.getWeight())),
                            named(errors, "weight-" + i), null, "inputmode=\"decimal\""))
                    .append(FormHtml.input("eliminatoryBelow-" + i, "Seuil éliminatoire", value(typed, "eliminatoryBelow", i,
                            c == null || c.getEliminatoryBelow() == null ? null
                                    : French.number(c.getEliminatoryBelow())),
                            named(errors, "eliminatoryBelow-" + i),
                            "Facultatif : le dossier est écarté si la moyenne des membres est en dessous",
                            "inputmode=\"decimal\""));
            boolean required = typed != null ? "true".equals(value(typed, "required", i, null)) : c == null || c.isRequired();
            body.append("<p><input type=\"checkbox\" id=\"required-").append(i).append("\" name=\"required-").append(i)
                    .append("\" value=\"true\"").append(required ? " checked" : "").append("> <label for=\"required-")
                    .append(i).append("\">Note obligatoire</label></p></fieldset>");
        }
        body.append("<button type=\"submit\">Enregistrer la grille</button></form>");
        return Page.portal(request, "Grille de notation", body.toString());
    }

    @PostMapping(value = BASE + "/campagnes/{id}/grille", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> saveGrid(HttpServletRequest request, @PathVariable Long id,
                                           @RequestParam MultiValueMap<String, String> form) {
        MultiValueMap<String, String> typed = new org.springframework.util.LinkedMultiValueMap<>();
        List<ScoringGridService.CriterionInput> criteria = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("label-" + i); i++) {
            for (String field : List.of("label", "description", "scaleMin", "scaleMax", "anchors", "weight",
                    "eliminatoryBelow", "required")) {
                typed.add(field, form.getFirst(field + "-" + i));
            }
            String label = form.getFirst("label-" + i);
            if (label == null || label.isBlank()) {
                continue;
            }
            String anchors = form.getFirst("anchors-" + i);
            criteria.add(new ScoringGridService.CriterionInput(label, form.getFirst("description-" + i),
                    integer(form.getFirst("scaleMin-" + i)), integer(form.getFirst("scaleMax-" + i)),
                    anchors == null || anchors.isBlank() ? null : Arrays.stream(anchors.split("\\|")).map(String::strip).toList(),
                    decimal(form.getFirst("weight-" + i), "weight-" + i, errors),
                    "true".equals(form.getFirst("required-" + i)),
                    decimal(form.getFirst("eliminatoryBelow-" + i), "eliminatoryBelow-" + i, errors)));
        }
        if (errors.isEmpty()) {
            try {
                grids.save(id, criteria);
                return Page.seeOther(BASE + "/campagnes/" + id + "/grille?ok=1");
            } catch (InvalidInputException e) {
                errors.putAll(gridFieldNames(e.fieldErrors(), typed));
                return html(422, gridPage(request, id, typed, e.getMessage(), errors, false));
            }
        }
        return html(422, gridPage(request, id, typed, "La grille contient des erreurs.", errors, false));
    }

    // ---- a session

    @GetMapping(value = BASE + "/seances/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String session(HttpServletRequest request, @PathVariable Long id, @RequestParam(required = false) String ok,
                          @RequestParam(required = false) String tri) {
        return sessionPage(request, id, ok, order(tri), null, null);
    }

    /** A refused proposal: the page again, the error at the top and what was typed back in its row. */
    private record Refusal(Long applicationId, String message, Map<String, String> errors, Map<String, String> typed) {
    }

    private String sessionPage(HttpServletRequest request, Long id, String ok, JurySessionService.RankingOrder order,
                               String error, Refusal refusal) {
        JurySessionService.Overview o = sessions.overview(id);
        JurySession s = o.session();
        String url = BASE + "/seances/" + id;
        StringBuilder body = new StringBuilder("<h1>").append(Page.escape(s.getName())).append("</h1>")
                .append("<p><a href=\"").append(BASE).append("\">Toutes les séances</a></p>");
        if (ok != null) {
            body.append("<p class=\"succes\" role=\"status\">").append(Page.escape(confirmation(ok))).append("</p>");
        }
        if (error != null) {
            body.append("<div class=\"erreur\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\"><p>").append(Page.escape(error))
                    .append("</p></div>");
        }
        if (refusal != null) {
            body.append(FormHtml.errorSummary(refusal.message(), prefixed(refusal)));
        }
        body.append("<dl><dt>Campagne</dt><dd>").append(Page.escape(o.campaign().getName())).append("</dd><dt>Phase</dt><dd>")
                .append(Page.escape(s.getPhase().label())).append("</dd><dt>Notation</dt><dd>du ")
                .append(French.date(s.getScoringOpens())).append(" au ").append(French.date(s.getScoringCloses()))
                .append("</dd><dt>Délibération</dt><dd>").append(French.longDate(s.getDeliberationDate()))
                .append("</dd><dt>Membres par dossier</dt><dd>").append(s.getJurorsPerApplication())
                .append("</dd><dt>Grille</dt><dd>").append(o.grid() == null ? "aucune : <a href=\"" + BASE + "/campagnes/"
                        + s.getCampaignId() + "/grille\">la définir</a>" : "version " + o.grid().getGridVersion()
                        + (o.grid().isFrozen() ? " (figée)" : " (en préparation)") + ", " + o.grid().getCriteria().size()
                        + " critère(s) — <a href=\"" + BASE + "/campagnes/" + s.getCampaignId() + "/grille\">voir la grille</a>")
                .append("</dd></dl>");
        phaseActions(request, body, s, url);
        membersSection(request, body, o, url);
        applicationsSection(request, body, o, url);
        conflictsSection(request, body, o, url);
        if (s.getPhase() == JurySession.Phase.DELIBERATION || s.getPhase() == JurySession.Phase.CLOSED) {
            deliberationSection(request, body, o.ranking().sortedBy(order), s, url, order, refusal);
        }
        return Page.portal(request, s.getName(), body.toString());
    }

    private void phaseActions(HttpServletRequest request, StringBuilder body, JurySession s, String url) {
        body.append("<section aria-labelledby=\"phase\"><h2 id=\"phase\">Étape suivante</h2>");
        String next = switch (s.getPhase()) {
            case CONFLICTS -> "SCORING";
            case SCORING -> "DELIBERATION";
            case DELIBERATION -> "CLOSED";
            case CLOSED -> null;
        };
        if (next == null) {
            body.append("<p>La séance est close le ").append(French.dateTime(s.getClosedAt())).append(" : l'avis du jury "
                    + "a été transmis à chaque candidature.</p>");
        } else {
            String text = switch (next) {
                case "SCORING" -> "Ouvrir la notation (la grille de la campagne sera figée)";
                case "DELIBERATION" -> "Ouvrir la délibération (la notation se ferme)";
                default -> "Clore la séance et transmettre les avis";
            };
            body.append("<form method=\"post\" action=\"").append(url).append("/phase\">").append(Page.csrfField(request))
                    .append("<input type=\"hidden\" name=\"phase\" value=\"").append(next).append("\">")
                    .append("<button type=\"submit\">").append(Page.escape(text)).append("</button></form>");
        }
        if (s.getPhase() == JurySession.Phase.DELIBERATION || s.getPhase() == JurySession.Phase.CLOSED) {
            body.append("<p><a href=\"/api/jury/sessions/").append(s.getId()).append("/minutes\">")
                    .append(s.getPhase() == JurySession.Phase.CLOSED ? "Procès-verbal (PDF)" : "Projet de procès-verbal (PDF)")
                    .append("</a></p>");
        }
        body.append("</section>");
    }

    private void membersSection(HttpServletRequest request, StringBuilder body, JurySessionService.Overview o, String url) {
        body.append("<section aria-labelledby=\"membres\"><h2 id=\"membres\">Membres</h2>");
        if (o.members().isEmpty()) {
            body.append("<p>Aucun membre.</p>");
        } else {
            body.append("<table><caption>Membres et charge de notation</caption><thead><tr><th scope=\"col\">Membre</th>"
                    + "<th scope=\"col\">Identifiant</th><th scope=\"col\">Thématiques</th><th scope=\"col\">Dossiers confiés</th>"
                    + "<th scope=\"col\">Notes soumises</th></tr></thead><tbody>");
            for (SessionMember m : o.members()) {
                body.append("<tr><td>").append(Page.escape(m.getDisplayName())).append("</td><td>")
                        .append(Page.escape(m.getUsername())).append("</td><td>")
                        .append(Page.escape(m.getThematics().stream().map(Thematic::label).collect(Collectors.joining(", "))))
                        .append("</td><td>").append(o.loads().getOrDefault(m.getUsername(), 0)).append("</td><td>")
                        .append(o.submittedByMember().getOrDefault(m.getUsername(), 0)).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        if (o.session().getPhase() == JurySession.Phase.CONFLICTS) {
            String lines = o.members().stream().map(m -> m.getUsername() + " ; " + m.getDisplayName() + " ; "
                    + (m.getEmail() == null ? "" : m.getEmail()) + " ; " + m.getThematics().stream().map(Enum::name)
                    .collect(Collectors.joining(","))).collect(Collectors.joining("\n"));
            body.append("<form method=\"post\" action=\"").append(url).append("/membres\">").append(Page.csrfField(request))
                    .append(FormHtml.textarea("members", "Liste des membres", lines, Map.of(),
                            "Un membre par ligne : identifiant ; nom affiché ; e-mail ; thématiques", null))
                    .append("<button type=\"submit\" class=\"secondaire\">Enregistrer les membres</button></form>");
        }
        body.append("</section>");
    }

    private void applicationsSection(HttpServletRequest request, StringBuilder body, JurySessionService.Overview o,
                                     String url) {
        JurySession s = o.session();
        body.append("<section aria-labelledby=\"dossiers\"><h2 id=\"dossiers\">Dossiers et répartition</h2>");
        boolean before = s.getPhase() == JurySession.Phase.CONFLICTS || s.getPhase() == JurySession.Phase.SCORING;
        if (s.getPhase() == JurySession.Phase.CONFLICTS) {
            int candidates = sessions.candidates(s.getId()).size();
            body.append("<form method=\"post\" action=\"").append(url).append("/candidatures\">").append(Page.csrfField(request))
                    .append("<button type=\"submit\" class=\"secondaire\"").append(candidates == 0 ? " disabled" : "")
                    .append(">Prendre les ").append(candidates).append(" candidature(s) instruites qui attendent le jury")
                    .append("</button></form>");
        }
        if (o.ranking().rows().isEmpty()) {
            body.append("<p>La séance n'a pris aucune candidature.</p></section>");
            return;
        }
        if (before) {
            body.append("<form method=\"post\" action=\"").append(url).append("/repartition\">").append(Page.csrfField(request))
                    .append("<button type=\"submit\" class=\"secondaire\">Répartir automatiquement</button> "
                            + "<span class=\"aide\">").append(s.getJurorsPerApplication()).append(" membre(s) par dossier, "
                            + "charge équilibrée, jamais un membre en conflit ; les affectations déjà faites sont gardées."
                            + "</span></form>");
        }
        Map<String, String> names = o.members().stream().collect(Collectors.toMap(SessionMember::getUsername,
                SessionMember::getDisplayName));
        body.append("<table><caption>Dossiers de la séance et membres qui les notent</caption><thead><tr>"
                + "<th scope=\"col\">Dossier</th><th scope=\"col\">Structure</th><th scope=\"col\">Thématique</th>"
                + "<th scope=\"col\">Territoire</th><th scope=\"col\">Membres</th></tr></thead><tbody>");
        for (JurySessionService.RankingRow r : o.ranking().rows()) {
            Set<String> members = o.assigned().getOrDefault(r.application().getId(), Set.of());
            body.append("<tr><td>").append(Page.escape(r.application().getReference())).append("<br>")
                    .append(Page.escape(r.application().getTitle())).append("</td><td>").append(Page.escape(r.structureName()))
                    .append("</td><td>").append(r.application().getThematic() == null ? "" : Page.escape(r.application()
                            .getThematic().label())).append("</td><td>").append(Page.escape(r.ept())).append("</td><td>")
                    .append(members.isEmpty() ? "aucun" : Page.escape(members.stream().map(u -> names.getOrDefault(u, u))
                            .collect(Collectors.joining(", "))))
                    .append(members.size() < s.getJurorsPerApplication()
                            ? " <span class=\"etiquette alerte\">" + members.size() + "/" + s.getJurorsPerApplication() + "</span>"
                            : "")
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (before && !o.members().isEmpty()) {
            Map<String, String> applicationOptions = new LinkedHashMap<>();
            o.ranking().rows().forEach(r -> applicationOptions.put(String.valueOf(r.application().getId()),
                    r.application().getReference() + " — " + r.structureName()));
            Map<String, String> memberOptions = new LinkedHashMap<>();
            o.members().forEach(m -> memberOptions.put(m.getUsername(), m.getDisplayName()));
            body.append("<h3>Changer la répartition à la main</h3><form method=\"post\" action=\"").append(url)
                    .append("/affectations\">").append(Page.csrfField(request))
                    .append(FormHtml.select("affectation-dossier", "Dossier", null, applicationOptions, Map.of(), null, null))
                    .append(FormHtml.select("affectation-membre", "Membre", null, memberOptions, Map.of(), null, null))
                    .append(FormHtml.input("affectation-motif", "Motif *", null, Map.of(), "Le changement est tracé avec "
                            + "son motif", "maxlength=\"500\""))
                    .append("<button type=\"submit\" name=\"action\" value=\"ajouter\" class=\"secondaire\">Confier</button> ")
                    .append("<button type=\"submit\" name=\"action\" value=\"retirer\" class=\"secondaire\">Retirer</button>")
                    .append("</form>");
        }
        body.append("</section>");
    }

    private void conflictsSection(HttpServletRequest request, StringBuilder body, JurySessionService.Overview o, String url) {
        body.append("<section aria-labelledby=\"conflits\"><h2 id=\"conflits\">Conflits d'intérêts</h2>")
                .append("<p>Déclarés par les membres, ou suggérés par Agir (membre de la structure dans Agir, mandat "
                        + "déclaré sur son SIREN ou RNA, même SIREN qu'une structure en conflit, même domaine de messagerie "
                        + "que le représentant légal). Tous, sauf les conflits écartés, tiennent le membre à l'écart du "
                        + "dossier ; seul un administrateur peut en écarter un, en le motivant.</p>");
        if (o.conflicts().isEmpty()) {
            body.append("<p>Aucun conflit déclaré ni suggéré.</p></section>");
            return;
        }
        boolean admin = currentUser.hasRole(Role.ADMIN);
        Map<String, String> names = o.members().stream().collect(Collectors.toMap(SessionMember::getUsername,
                SessionMember::getDisplayName));
        body.append("<table><caption>Conflits entre les membres et les structures de la séance</caption><thead><tr>"
                + "<th scope=\"col\">Membre</th><th scope=\"col\">Structure</th><th scope=\"col\">Nature</th>"
                + "<th scope=\"col\">État</th>").append(admin ? "<th scope=\"col\">Décision</th>" : "")
                .append("</tr></thead><tbody>");
        for (JuryConflict c : o.conflicts()) {
            body.append("<tr><td>").append(Page.escape(names.getOrDefault(c.getUsername(), c.getUsername())))
                    .append("</td><td>").append(Page.escape(o.structureNames().get(c.getStructureId()))).append("</td><td>")
                    .append(Page.escape(c.getType().label())).append(c.getComment() == null ? ""
                            : "<br>" + Page.escape(c.getComment())).append("</td><td>").append(Page.escape(c.getStatus().label()))
                    .append(c.isPinned() ? " (épinglé)" : "").append("</td>");
            if (admin) {
                String field = "motif-" + c.getId();
                body.append("<td><form method=\"post\" action=\"").append(BASE).append("/conflits/").append(c.getId())
                        .append("\">").append(Page.csrfField(request))
                        .append("<input type=\"hidden\" name=\"sessionId\" value=\"").append(o.session().getId()).append("\">")
                        .append(FormHtml.input(field, "Motif", null, Map.of(), null, "maxlength=\"1000\""))
                        .append("<button type=\"submit\" name=\"decision\" value=\"CONFIRM\" class=\"secondaire\">Confirmer</button> ")
                        .append("<button type=\"submit\" name=\"decision\" value=\"PIN\" class=\"secondaire\">Épingler</button> ")
                        .append("<button type=\"submit\" name=\"decision\" value=\"DISMISS\" class=\"secondaire\">Écarter</button>")
                        .append("</form></td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table></section>");
    }

    private void deliberationSection(HttpServletRequest request, StringBuilder body, JurySessionService.Ranking ranking,
                                     JurySession s, String url, JurySessionService.RankingOrder order,
                                     Refusal refusal) {
        body.append("<section aria-labelledby=\"deliberation\"><h2 id=\"deliberation\">Délibération</h2>");
        body.append("<table><caption>Enveloppe de la campagne (première année ; la deuxième année relève de l'exercice "
                + "suivant : ").append(Money.format(ranking.envelope().secondYear())).append(")</caption><thead><tr>"
                + "<th scope=\"col\">Part</th><th scope=\"col\">Disponible</th><th scope=\"col\">Déjà proposé (autres séances)</th>"
                + "<th scope=\"col\">Proposé ici</th><th scope=\"col\">Reste</th></tr></thead><tbody>");
        ranking.envelope().parts().forEach((nature, part) -> body.append("<tr><th scope=\"row\">")
                .append(nature.label()).append("</th><td>").append(Money.format(part.available())).append("</td><td>")
                .append(Money.format(part.committed())).append("</td><td>").append(Money.format(part.proposed()))
                .append("</td><td>").append(part.remaining().signum() < 0
                        ? "<strong class=\"etiquette alerte\">dépassement de " + Money.format(part.remaining().negate())
                        + "</strong>" : Money.format(part.remaining())).append("</td></tr>"));
        body.append("</tbody></table><p>Trier par : ");
        for (JurySessionService.RankingOrder o : JurySessionService.RankingOrder.values()) {
            String label = switch (o) {
                case MEAN -> "moyenne";
                case MEDIAN -> "médiane";
                case THEMATIC -> "thématique";
                case EPT -> "territoire";
            };
            body.append(o == order ? "<strong aria-current=\"true\">" + label + "</strong>"
                    : "<a href=\"" + url + "?tri=" + o.name().toLowerCase(Locale.ROOT) + "#deliberation\">" + label + "</a>")
                    .append(" ");
        }
        body.append("</p><table><caption>Classement des dossiers et propositions du jury</caption><thead><tr>"
                + "<th scope=\"col\">Rang</th><th scope=\"col\">Dossier</th><th scope=\"col\">Notes (sur 20)</th>"
                + "<th scope=\"col\">Demandé</th><th scope=\"col\">Proposition du jury</th></tr></thead><tbody>");
        int rank = 0;
        boolean open = s.getPhase() == JurySession.Phase.DELIBERATION;
        for (JurySessionService.RankingRow r : ranking.rows()) {
            rank++;
            JuryStatistics.Aggregate a = r.aggregate();
            SessionApplication p = r.proposal();
            Long appId = r.application().getId();
            body.append("<tr id=\"dossier-").append(appId).append("\"><td>").append(rank).append("</td><td>")
                    .append(Page.escape(r.application().getReference())).append("<br>").append(Page.escape(r.structureName()))
                    .append("<br>").append(r.application().getThematic() == null ? "" : Page.escape(r.application()
                            .getThematic().label())).append(" — ").append(Page.escape(r.ept())).append("</td><td>")
                    .append(a.count() == 0 ? "aucune note" : "moyenne " + JuryStatistics.format(a.mean()) + ", médiane "
                            + JuryStatistics.format(a.median()) + ", écart-type " + JuryStatistics.format(a.standardDeviation())
                            + ", écart " + JuryStatistics.format(a.spread()) + " (" + a.count() + " note(s))")
                    .append(a.disagreement() ? " <span class=\"etiquette avertissement\">Désaccord marqué</span>" : "")
                    .append(r.eliminatedBy().isEmpty() ? "" : " <span class=\"etiquette alerte\">Éliminé : "
                            + Page.escape(String.join(", ", r.eliminatedBy())) + "</span>")
                    .append("</td><td>").append(Page.escape(French.amountsByYear(r.requested()))).append("</td><td>");
            if (open) {
                Map<String, String> typed = refusal != null && refusal.applicationId().equals(appId) ? refusal.typed() : Map.of();
                Map<String, String> errors = refusal != null && refusal.applicationId().equals(appId) ? prefixed(refusal) : Map.of();
                String k = "-" + appId;
                Map<String, String> verdicts = new LinkedHashMap<>();
                verdicts.put("FAVORABLE", "Favorable");
                verdicts.put("UNFAVORABLE", "Défavorable");
                Map<String, String> natures = new LinkedHashMap<>();
                for (SessionApplication.Nature n : SessionApplication.Nature.values()) {
                    natures.put(n.name(), n.label());
                }
                body.append("<form method=\"post\" action=\"").append(url).append("/candidatures/").append(appId)
                        .append("/proposition\">").append(Page.csrfField(request))
                        .append(FormHtml.select("verdict" + k, "Avis", typed.getOrDefault("verdict",
                                p.getVerdict() == null ? null : p.getVerdict().name()), verdicts, errors, null, null))
                        .append(FormHtml.input("durationYears" + k, "Durée (années)", typed.getOrDefault("durationYears",
                                p.getDurationYears() == null ? String.valueOf(r.application().getDurationYears())
                                        : String.valueOf(p.getDurationYears())), errors, null,
                                "type=\"number\" min=\"1\" max=\"" + r.application().getDurationYears() + "\""))
                        .append(FormHtml.input("amount1" + k, "Montant année 1 (€)", typed.getOrDefault("amount1",
                                plain(p.getAmountYear1())), errors, null, "inputmode=\"decimal\""));
                if (r.application().getDurationYears() > 1) {
                    body.append(FormHtml.input("amount2" + k, "Montant année 2 (€)", typed.getOrDefault("amount2",
                            plain(p.getAmountYear2())), errors, null, "inputmode=\"decimal\""));
                }
                body.append(FormHtml.select("nature" + k, "Part de l'enveloppe", typed.getOrDefault("nature",
                                p.getNature().name()), natures, errors, null, null))
                        .append(FormHtml.textarea("comment" + k, "Avis motivé", typed.getOrDefault("comment", p.getComment()),
                                errors, null, "maxlength=\"2000\""))
                        .append("<button type=\"submit\" class=\"secondaire\">Enregistrer</button></form>");
            } else {
                body.append(p.getVerdict() == null ? "—" : p.isFavourable() ? "Favorable : "
                        + Page.escape(French.amountsByYear(p.amounts())) + " (" + p.getNature().label() + ")" : "Défavorable")
                        .append(p.getComment() == null ? "" : "<br>" + Page.escape(p.getComment()));
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table></section>");
    }

    @PostMapping(value = BASE + "/seances/{id}/membres", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> members(HttpServletRequest request, @PathVariable Long id,
                                          @RequestParam(defaultValue = "") String members) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<JurySessionService.MemberInput> parsed = parseMembers(members, errors);
        if (!errors.isEmpty()) {
            return html(422, sessionPage(request, id, null, JurySessionService.RankingOrder.MEAN,
                    String.join(" ", errors.values()), null));
        }
        return act(request, id, () -> sessions.setMembers(id, parsed), "membres");
    }

    @PostMapping(value = BASE + "/seances/{id}/candidatures", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> take(HttpServletRequest request, @PathVariable Long id) {
        return act(request, id, () -> sessions.addApplications(id, null), "candidatures");
    }

    @PostMapping(value = BASE + "/seances/{id}/repartition", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> assign(HttpServletRequest request, @PathVariable Long id) {
        try {
            JurySessionService.AssignmentReport report = sessions.assignAutomatically(id);
            return Page.seeOther(BASE + "/seances/" + id + "?ok=" + (report.shortfalls().isEmpty()
                    ? report.balanced() ? "repartition" : "repartition-desequilibree" : "repartition-incomplete"));
        } catch (DomainException | IllegalArgumentException e) {
            return html(e instanceof DomainException d ? d.httpStatus() : 422,
                    sessionPage(request, id, null, JurySessionService.RankingOrder.MEAN, e.getMessage(), null));
        }
    }

    @PostMapping(value = BASE + "/seances/{id}/affectations", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> assignOne(HttpServletRequest request, @PathVariable Long id,
                                            @RequestParam Map<String, String> form) {
        Long applicationId = integerOrNull(form.get("affectation-dossier"));
        String username = form.get("affectation-membre");
        String reason = form.get("affectation-motif");
        boolean remove = "retirer".equals(form.get("action"));
        return act(request, id, () -> {
            if (remove) {
                sessions.unassign(id, applicationId, username, reason);
            } else {
                sessions.assign(id, applicationId, username, reason);
            }
            return null;
        }, remove ? "retrait" : "affectation");
    }

    @PostMapping(value = BASE + "/seances/{id}/phase", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> phase(HttpServletRequest request, @PathVariable Long id,
                                        @RequestParam(defaultValue = "") String phase) {
        return act(request, id, () -> switch (phase) {
            case "SCORING" -> sessions.openScoring(id);
            case "DELIBERATION" -> sessions.openDeliberation(id);
            case "CLOSED" -> sessions.close(id);
            default -> throw new InvalidInputException("Phase inconnue.", Map.of("phase", "Phase inconnue"));
        }, "phase");
    }

    @PostMapping(value = BASE + "/seances/{id}/candidatures/{applicationId}/proposition", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> propose(HttpServletRequest request, @PathVariable Long id, @PathVariable Long applicationId,
                                          @RequestParam Map<String, String> form) {
        String k = "-" + applicationId;
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("verdict", "durationYears", "amount1", "amount2", "nature", "comment")) {
            if (form.get(field + k) != null) {
                typed.put(field, form.get(field + k));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal first = decimal(typed.get("amount1"), "amounts.1", errors);
        BigDecimal second = decimal(typed.get("amount2"), "amounts.2", errors);
        if (first != null) {
            amounts.put(1, first);
        }
        if (second != null) {
            amounts.put(2, second);
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException("Montant invalide.", errors);
            }
            String verdict = typed.get("verdict");
            String nature = typed.get("nature");
            sessions.propose(id, applicationId, new JurySessionService.ProposalInput(
                    verdict == null || verdict.isBlank() ? null : JuryResult.Verdict.valueOf(verdict),
                    integerOrNull(typed.get("durationYears")) == null ? null : integerOrNull(typed.get("durationYears")).intValue(),
                    amounts, nature == null || nature.isBlank() ? null : SessionApplication.Nature.valueOf(nature),
                    typed.get("comment")));
            return Page.seeOther(BASE + "/seances/" + id + "?ok=proposition#dossier-" + applicationId);
        } catch (DomainException e) {
            return html(e.httpStatus(), sessionPage(request, id, null, JurySessionService.RankingOrder.MEAN, null,
                    new Refusal(applicationId, e.getMessage(), e.fieldErrors(), typed)));
        } catch (IllegalArgumentException e) {
            return html(422, sessionPage(request, id, null, JurySessionService.RankingOrder.MEAN, null,
                    new Refusal(applicationId, "Choix invalide.", Map.of("verdict", "Choisissez dans la liste"), typed)));
        }
    }

    @PostMapping(value = BASE + "/conflits/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> decide(HttpServletRequest request, @PathVariable Long id,
                                         @RequestParam Map<String, String> form) {
        Long sessionId = integerOrNull(form.get("sessionId"));
        ConflictService.Decision decision;
        try {
            decision = ConflictService.Decision.valueOf(form.getOrDefault("decision", ""));
        } catch (IllegalArgumentException e) {
            decision = null;
        }
        ConflictService.Decision chosen = decision;
        if (sessionId == null) {
            conflicts.decide(id, chosen, form.get("motif-" + id));
            return Page.seeOther(BASE);
        }
        return act(request, sessionId, () -> conflicts.decide(id, chosen, form.get("motif-" + id)), "conflit");
    }

    // ---- helpers

    /** Runs an action of the session page: back to it with a confirmation, or the page with the refusal. */
    private ResponseEntity<String> act(HttpServletRequest request, Long id, java.util.function.Supplier<?> action,
                                       String ok) {
        try {
            action.get();
            return Page.seeOther(BASE + "/seances/" + id + "?ok=" + ok);
        } catch (DomainException e) {
            String details = e.fieldErrors().isEmpty() ? "" : " " + String.join(" ", e.fieldErrors().values());
            return html(e.httpStatus(), sessionPage(request, id, null, JurySessionService.RankingOrder.MEAN,
                    e.getMessage() + details, null));
        }
    }

    private static String confirmation(String ok) {
        return switch (ok) {
            case "creee" -> "La séance est créée. Ajoutez-y les candidatures, puis répartissez-les.";
            case "membres" -> "Les membres sont enregistrés ; Agir a cherché les conflits probables.";
            case "candidatures" -> "Les candidatures sont prises par la séance ; Agir a cherché les conflits probables.";
            case "repartition" -> "Les dossiers sont répartis, charge équilibrée.";
            case "repartition-desequilibree" -> "Les dossiers sont répartis ; les conflits empêchent une charge parfaitement "
                    + "équilibrée.";
            case "repartition-incomplete" -> "Certains dossiers n'ont pas assez de membres sans conflit : ajoutez des "
                    + "membres ou réduisez le nombre de membres par dossier.";
            case "affectation" -> "Le dossier est confié au membre.";
            case "retrait" -> "Le dossier est retiré au membre.";
            case "phase" -> "La séance passe à l'étape suivante.";
            case "proposition" -> "La proposition est enregistrée.";
            case "conflit" -> "La décision sur le conflit est enregistrée.";
            default -> "C'est enregistré.";
        };
    }

    private static Map<String, String> prefixed(Refusal refusal) {
        Map<String, String> result = new LinkedHashMap<>();
        String k = "-" + refusal.applicationId();
        refusal.errors().forEach((field, message) -> result.put(switch (field) {
            case "amounts.1", "amounts" -> "amount1" + k;
            case "amounts.2" -> "amount2" + k;
            default -> field + k;
        }, message));
        if (result.isEmpty()) {
            result.put("verdict" + k, refusal.message());
        }
        return result;
    }

    private static Map<String, String> rename(Map<String, String> errors) {
        Map<String, String> result = new LinkedHashMap<>();
        errors.forEach((field, message) -> result.put(field.startsWith("members[") ? "members" : field, message));
        return result;
    }

    private static Map<String, String> gridFieldNames(Map<String, String> errors, MultiValueMap<String, String> typed) {
        // The service numbers the criteria it kept; the page numbers every row, blank ones included.
        List<Integer> kept = new ArrayList<>();
        List<String> labels = typed.getOrDefault("label", List.of());
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != null && !labels.get(i).isBlank()) {
                kept.add(i);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("criteria\\[(\\d+)]\\.(\\w+)").matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < kept.size()) {
                result.put(m.group(2) + "-" + kept.get(Integer.parseInt(m.group(1))), message);
            } else {
                result.put("label-0", message);
            }
        });
        return result;
    }

    private static Map<String, String> named(Map<String, String> errors, String pageName) {
        return errors.containsKey(pageName) ? Map.of(pageName, errors.get(pageName)) : Map.of();
    }

    private static String value(MultiValueMap<String, String> typed, String field, int i, String otherwise) {
        if (typed == null) {
            return otherwise;
        }
        List<String> values = typed.getOrDefault(field, List.of());
        return i < values.size() ? values.get(i) : otherwise;
    }

    private static List<JurySessionService.MemberInput> parseMembers(String text, Map<String, String> errors) {
        List<JurySessionService.MemberInput> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        int line = 0;
        for (String raw : text.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split(";", -1);
            Set<Thematic> thematics = EnumSet.noneOf(Thematic.class);
            if (parts.length > 3) {
                for (String code : parts[3].split(",")) {
                    if (code.isBlank()) {
                        continue;
                    }
                    try {
                        thematics.add(Thematic.valueOf(code.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        errors.put("members", "Ligne " + line + " : thématique inconnue « " + code.strip() + " »");
                    }
                }
            }
            result.add(new JurySessionService.MemberInput(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null,
                    parts.length > 2 ? parts[2].strip() : null, thematics));
        }
        return result;
    }

    private static LocalDate parseDate(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Date manquante");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Date invalide (jj/mm/aaaa)");
            return null;
        }
    }

    private static Long parseLong(String value, String field, String message, Map<String, String> errors) {
        Long parsed = integerOrNull(value);
        if (parsed == null) {
            errors.put(field, message);
        }
        return parsed;
    }

    private static Long integerOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        Long parsed = integerOrNull(value);
        return parsed == null ? null : parsed.intValue();
    }

    private static BigDecimal decimal(String value, String field, Map<String, String> errors) {
        try {
            return FormHtml.decimal(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Nombre invalide");
            return null;
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : French.number(amount);
    }

    private static JurySessionService.RankingOrder order(String tri) {
        try {
            return tri == null ? JurySessionService.RankingOrder.MEAN
                    : JurySessionService.RankingOrder.valueOf(tri.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return JurySessionService.RankingOrder.MEAN;
        }
    }

    private static ResponseEntity<String> html(int status, String page) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(page);
    }
}
