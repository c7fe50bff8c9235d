package fr.agir.jury;

import fr.agir.application.Application;
import fr.agir.instruction.Opinion;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.structure.Structure;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The jury member's pages ({@code /jury}), the HTML twin of {@link JuryMemberApi}: his sessions and
 * mandates, a session's applications assigned to him and his conflicts of interest, one application's
 * case with the scoring form, and the deliberation's ranking. Plain forms, no script. The others'
 * scores are asked from the service only once the member's own score is submitted, so they cannot
 * leak into the page before. A 404 from the services (not assigned, in conflict) is left to
 * {@code ProblemAdvice}, which answers a browser with its French page.
 */
@RestController
public class JuryController {
    private static final String SCORE_FIELD = "criterion-";

    private final ScoringService scoring;
    private final ConflictService conflicts;

    public JuryController(ScoringService scoring, ConflictService conflicts) {
        this.scoring = scoring;
        this.conflicts = conflicts;
    }

    // ---- my sessions and my mandates

    @GetMapping(value = "/jury", produces = MediaType.TEXT_HTML_VALUE)
    public String home(HttpServletRequest request, @RequestParam(required = false) String mandat,
                       @RequestParam(required = false) Integer suggestions) {
        String notice = null;
        if (mandat != null) {
            notice = "Votre mandat est enregistré.";
            if (suggestions != null && suggestions > 0) {
                notice += suggestions == 1
                        ? " Agir en déduit un conflit d'intérêts probable : il apparaît dans la séance concernée."
                        : " Agir en déduit " + suggestions + " conflits d'intérêts probables : ils apparaissent dans "
                        + "les séances concernées.";
            }
        }
        return homePage(request, notice, null, Map.of(), Map.of());
    }

    @PostMapping(value = "/jury/mandats", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> declareMandate(HttpServletRequest request,
                                                 @RequestParam(defaultValue = "") String organisation,
                                                 @RequestParam(defaultValue = "") String siren,
                                                 @RequestParam(defaultValue = "") String rna,
                                                 @RequestParam(defaultValue = "") String role) {
        long suggestedBefore = suggestedCount();
        try {
            conflicts.declareMandate(organisation, siren, rna, role);
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            Map<String, String> typed = Map.of("organisation", organisation, "siren", siren, "rna", rna, "role", role);
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(homePage(request, null, e.getMessage(), e.fieldErrors(), typed));
        }
        long suggested = suggestedCount() - suggestedBefore;
        return Page.seeOther("/jury?mandat=1" + (suggested > 0 ? "&suggestions=" + suggested : "") + "#mandats");
    }

    private long suggestedCount() {
        return conflicts.mine().stream().filter(c -> c.getStatus() == JuryConflict.Status.SUGGESTED).count();
    }

    private String homePage(HttpServletRequest request, String notice, String errorMessage, Map<String, String> errors,
                            Map<String, String> typed) {
        StringBuilder body = new StringBuilder("<h1>Mes séances de jury</h1>");
        status(body, notice);
        body.append(FormHtml.errorSummary(errorMessage, errors));
        List<ScoringService.MySession> sessions = scoring.mySessions();
        body.append("<section aria-labelledby=\"seances\"><h2 id=\"seances\">Mes séances</h2>");
        if (sessions.isEmpty()) {
            body.append("<p>Vous ne siégez dans aucune séance de jury pour le moment.</p>");
        } else {
            body.append("<table><caption>Les séances dans lesquelles vous siégez</caption><thead><tr>")
                    .append("<th scope=\"col\">Séance</th><th scope=\"col\">Phase</th>")
                    .append("<th scope=\"col\">Fin de la notation</th><th scope=\"col\">Dossiers restant à noter</th>")
                    .append("</tr></thead><tbody>");
            for (ScoringService.MySession s : sessions) {
                JurySession session = s.session();
                body.append("<tr><th scope=\"row\"><a href=\"/jury/seances/").append(session.getId()).append("\">")
                        .append(Page.escape(session.getName())).append("</a></th><td>")
                        .append(Page.escape(session.getPhase().label())).append("</td><td>")
                        .append(French.date(session.getScoringCloses())).append("</td><td>")
                        .append(scoringOver(session) ? "—" : String.valueOf(toScore(s))).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"mandats\"><h2 id=\"mandats\">Mes mandats</h2>")
                .append("<p>Déclarez vos mandats et engagements (conseil d'administration, emploi, bénévolat) : Agir ")
                .append("compare leur SIREN ou leur numéro RNA aux structures de vos séances et vous suggère les ")
                .append("conflits d'intérêts probables.</p>");
        List<JuryMandate> mandates = conflicts.myMandates();
        if (mandates.isEmpty()) {
            body.append("<p>Vous n'avez déclaré aucun mandat.</p>");
        } else {
            body.append("<table><caption>Mandats déclarés</caption><thead><tr><th scope=\"col\">Organisme</th>")
                    .append("<th scope=\"col\">SIREN</th><th scope=\"col\">RNA</th><th scope=\"col\">Fonction</th>")
                    .append("<th scope=\"col\">Déclaré le</th></tr></thead><tbody>");
            for (JuryMandate m : mandates) {
                body.append("<tr><td>").append(Page.escape(m.getOrganisation())).append("</td><td>")
                        .append(orDash(m.getSiren())).append("</td><td>").append(orDash(m.getRna())).append("</td><td>")
                        .append(Page.escape(m.getRole())).append("</td><td>").append(French.date(m.getCreatedAt()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<form method=\"post\" action=\"/jury/mandats\" novalidate>").append(Page.csrfField(request))
                .append("<h3>Déclarer un mandat</h3>")
                .append(FormHtml.input("organisation", "Organisme", typed.get("organisation"), errors,
                        "Nom de l'association, de l'entreprise ou de la collectivité.",
                        "required maxlength=\"200\" autocomplete=\"organization\""))
                .append(FormHtml.input("siren", "SIREN (facultatif)", typed.get("siren"), errors,
                        "9 chiffres, par exemple 356000000.", "inputmode=\"numeric\" maxlength=\"11\""))
                .append(FormHtml.input("rna", "Numéro RNA (facultatif)", typed.get("rna"), errors,
                        "W suivi de 9 chiffres, par exemple W931234567.", "maxlength=\"10\""))
                .append(FormHtml.input("role", "Fonction", typed.get("role"), errors,
                        "Par exemple : trésorière, salarié, bénévole.",
                        "required maxlength=\"200\" autocomplete=\"organization-title\""))
                .append("<button type=\"submit\">Déclarer le mandat</button></form></section>");
        return Page.portal(request, "Mes séances de jury", body.toString());
    }

    private static long toScore(ScoringService.MySession s) {
        return s.assigned().stream().filter(a -> a.status() != JuryScore.Status.SUBMITTED).count();
    }

    private static boolean scoringOver(JurySession session) {
        return session.getPhase() == JurySession.Phase.DELIBERATION || session.getPhase() == JurySession.Phase.CLOSED;
    }

    // ---- one session: my applications and my conflicts

    @GetMapping(value = "/jury/seances/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String session(HttpServletRequest request, @PathVariable Long id,
                          @RequestParam(required = false) String conflit) {
        String notice = conflit == null ? null : switch (conflit) {
            case "declare" -> "Votre conflit d'intérêts est enregistré : les dossiers de cette structure vous sont "
                    + "retirés, vous ne les noterez pas et ne délibérerez pas à leur sujet.";
            case "retire" -> "Votre déclaration de conflit d'intérêts est retirée.";
            default -> null;
        };
        return sessionPage(request, id, notice, null, Map.of(), Map.of());
    }

    @PostMapping(value = "/jury/seances/{id}/conflits", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> declareConflict(HttpServletRequest request, @PathVariable Long id,
                                                  @RequestParam(defaultValue = "") String structureId,
                                                  @RequestParam(defaultValue = "") String type,
                                                  @RequestParam(defaultValue = "") String comment) {
        Map<String, String> typed = Map.of("structureId", structureId, "type", type, "comment", comment);
        ScoringService.MySession mine = scoring.mySession(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Long structure = null;
        try {
            structure = structureId.isBlank() ? null : Long.valueOf(structureId);
        } catch (NumberFormatException e) {
            // Left null: the member is asked to choose again.
        }
        Long chosen = structure;
        if (chosen == null || mine.taken().stream().noneMatch(t -> t.structureId().equals(chosen))) {
            errors.put("structureId", "Choisissez la structure concernée");
        }
        JuryConflict.Type nature = null;
        try {
            nature = type.isBlank() ? null : JuryConflict.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            // Left null: same message as an empty choice.
        }
        if (nature == null) {
            errors.put("type", "Choisissez la nature du lien");
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException("Le conflit d'intérêts n'est pas enregistré.", errors);
            }
            conflicts.declare(chosen, nature, comment);
            return Page.seeOther("/jury/seances/" + id + "?conflit=declare#mes-conflits");
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(sessionPage(request, id, null, e.getMessage(), e.fieldErrors(), typed));
        }
    }

    /** Withdraws the member's own declaration; back to the session it was withdrawn from. */
    @PostMapping(value = "/jury/conflits/{conflictId}/retrait", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> withdrawConflict(@PathVariable Long conflictId,
                                                   @RequestParam(required = false) Long seance) {
        conflicts.withdraw(conflictId);
        return Page.seeOther(seance == null ? "/jury" : "/jury/seances/" + seance + "?conflit=retire#mes-conflits");
    }

    private String sessionPage(HttpServletRequest request, Long id, String notice, String errorMessage,
                               Map<String, String> errors, Map<String, String> typed) {
        ScoringService.MySession mine = scoring.mySession(id);
        JurySession session = mine.session();
        StringBuilder body = new StringBuilder("<p><a href=\"/jury\">Retour à mes séances de jury</a></p><h1>")
                .append(Page.escape(session.getName())).append("</h1>");
        status(body, notice);
        body.append(FormHtml.errorSummary(errorMessage, errors));
        body.append("<dl>").append(Page.definition("Phase", Page.escape(session.getPhase().label())))
                .append(Page.definition("Notation", "du " + French.date(session.getScoringOpens()) + " au "
                        + French.date(session.getScoringCloses())))
                .append(Page.definition("Délibération", French.date(session.getDeliberationDate())))
                .append(Page.definition("Dossiers restant à noter", scoringOver(session) ? "—" : String.valueOf(toScore(mine))))
                .append("</dl>");
        switch (session.getPhase()) {
            case CONFLICTS -> body.append("<p class=\"info\">La notation n'est pas encore ouverte : déclarez d'abord ")
                    .append("vos conflits d'intérêts. La DIEESS ouvrira la notation une fois la répartition arrêtée.</p>");
            case SCORING -> body.append("<p class=\"info\">Une note soumise est définitive. Les notes des autres ")
                    .append("membres s'affichent sur chaque dossier une fois la vôtre soumise.</p>");
            case DELIBERATION, CLOSED -> body.append("<p><a class=\"bouton\" href=\"/jury/seances/").append(id)
                    .append("/classement\">Voir le classement de la délibération</a></p>");
        }

        body.append("<section aria-labelledby=\"mes-dossiers\"><h2 id=\"mes-dossiers\">Mes dossiers à noter</h2>");
        if (mine.assigned().isEmpty()) {
            body.append("<p>Aucun dossier ne vous est confié dans cette séance.</p>");
        } else {
            body.append("<table><caption>Les dossiers qui vous sont confiés et l'état de votre note</caption><thead><tr>")
                    .append("<th scope=\"col\">Référence</th><th scope=\"col\">Projet</th>")
                    .append("<th scope=\"col\">Structure</th><th scope=\"col\">Thématique</th>")
                    .append("<th scope=\"col\">Ma note</th></tr></thead><tbody>");
            for (ScoringService.Assigned a : mine.assigned()) {
                body.append("<tr><th scope=\"row\"><a href=\"/jury/seances/").append(id).append("/candidatures/")
                        .append(a.applicationId()).append("\">").append(Page.escape(a.reference())).append("</a></th><td>")
                        .append(Page.escape(a.title())).append("</td><td>").append(Page.escape(a.structureName()))
                        .append("</td><td>").append(orDash(a.thematic())).append("</td><td>")
                        .append(scoreStatus(a.status(), a.weighted())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");

        if (session.getPhase() != JurySession.Phase.CLOSED) {
            conflictSections(body, request, mine, errors, typed);
        }
        return Page.portal(request, session.getName(), body.toString());
    }

    private void conflictSections(StringBuilder body, HttpServletRequest request, ScoringService.MySession mine,
                                  Map<String, String> errors, Map<String, String> typed) {
        Long id = mine.session().getId();
        body.append("<section aria-labelledby=\"declarer\"><h2 id=\"declarer\">Déclarer un conflit d'intérêts</h2>")
                .append("<p>Déclarez tout lien avec une structure candidate (mandat, emploi, adhésion, lien familial ")
                .append("ou personnel, partenariat ou concurrence) : ses dossiers vous sont retirés, vous ne les voyez ")
                .append("plus, ne les notez pas et ne délibérez pas à leur sujet.</p>");
        if (mine.taken().isEmpty()) {
            body.append("<p>La séance ne compte encore aucune candidature.</p></section>");
        } else {
            body.append("<table><caption>Les candidatures de la séance</caption><thead><tr>")
                    .append("<th scope=\"col\">Structure</th><th scope=\"col\">Commune</th>")
                    .append("<th scope=\"col\">Projet</th></tr></thead><tbody>");
            for (ScoringService.Taken t : mine.taken()) {
                body.append("<tr><td>").append(Page.escape(t.structureName())).append("</td><td>")
                        .append(orDash(t.commune())).append("</td><td>").append(Page.escape(t.title()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
            // One option per structure (it may apply more than once), by name.
            Map<String, String> options = new LinkedHashMap<>();
            mine.taken().stream().sorted(Comparator.comparing(ScoringService.Taken::structureName))
                    .forEach(t -> options.putIfAbsent(String.valueOf(t.structureId()), t.commune() == null
                            || t.commune().isBlank() ? t.structureName() : t.structureName() + " (" + t.commune() + ")"));
            Map<String, String> types = new LinkedHashMap<>();
            for (JuryConflict.Type t : JuryConflict.Type.values()) {
                types.put(t.name(), t.label());
            }
            body.append("<form method=\"post\" action=\"/jury/seances/").append(id).append("/conflits\" novalidate>")
                    .append(Page.csrfField(request))
                    .append(FormHtml.select("structureId", "Structure concernée", typed.get("structureId"), options,
                            errors, null, "required"))
                    .append(FormHtml.select("type", "Nature du lien", typed.get("type"), types, errors, null, "required"))
                    .append(FormHtml.textarea("comment", "Précisions (facultatif)", typed.get("comment"), errors,
                            "Visibles de la DIEESS et des administrateurs seulement.", "maxlength=\"1000\""))
                    .append("<button type=\"submit\">Déclarer le conflit d'intérêts</button></form></section>");
        }

        Set<Long> structureIds = mine.taken().stream().map(ScoringService.Taken::structureId).collect(Collectors.toSet());
        List<JuryConflict> mineHere = conflicts.mine().stream().filter(c -> structureIds.contains(c.getStructureId()))
                .toList();
        body.append("<section aria-labelledby=\"mes-conflits\"><h2 id=\"mes-conflits\">Mes conflits d'intérêts dans ")
                .append("cette séance</h2>");
        if (mineHere.isEmpty()) {
            body.append("<p>Aucun conflit d'intérêts déclaré ni suggéré avec les structures de cette séance.</p>");
        } else {
            Map<Long, String> names = new HashMap<>();
            conflicts.structures(structureIds).forEach((sid, s) -> names.put(sid, s.getName()));
            body.append("<p>Un conflit suggéré par Agir ou confirmé par un administrateur ne peut être écarté que ")
                    .append("par un administrateur : écrivez à la DIEESS s'il vous semble erroné.</p>")
                    .append("<table><caption>Vos conflits d'intérêts avec les structures de la séance</caption><thead><tr>")
                    .append("<th scope=\"col\">Structure</th><th scope=\"col\">Nature du lien</th>")
                    .append("<th scope=\"col\">Précisions</th><th scope=\"col\">Statut</th>")
                    .append("<th scope=\"col\">Action</th></tr></thead><tbody>");
            for (JuryConflict c : mineHere) {
                String name = names.getOrDefault(c.getStructureId(), "");
                body.append("<tr><td>").append(Page.escape(name)).append("</td><td>")
                        .append(Page.escape(c.getType().label())).append("</td><td>").append(orDash(c.getComment()))
                        .append("</td><td>").append(Page.escape(c.getStatus().label())).append("</td><td>");
                if (c.getStatus() == JuryConflict.Status.DECLARED && !c.isPinned()) {
                    body.append("<form method=\"post\" action=\"/jury/conflits/").append(c.getId())
                            .append("/retrait\">").append(Page.csrfField(request))
                            .append("<input type=\"hidden\" name=\"seance\" value=\"").append(id).append("\">")
                            .append("<button type=\"submit\" class=\"secondaire\" aria-label=\"Retirer ma déclaration ")
                            .append("pour ").append(Page.escape(name)).append("\">Retirer</button></form>");
                } else {
                    body.append("—");
                }
                body.append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");
    }

    // ---- one application: its case and my score

    @GetMapping(value = "/jury/seances/{id}/candidatures/{applicationId}", produces = MediaType.TEXT_HTML_VALUE)
    public String application(HttpServletRequest request, @PathVariable Long id, @PathVariable Long applicationId,
                              @RequestParam(required = false) String enregistre,
                              @RequestParam(required = false) String soumise) {
        String notice = soumise != null ? "Votre note est soumise. Les notes des autres membres s'affichent ci-dessous."
                : enregistre != null ? "Votre brouillon est enregistré : vous pouvez y revenir jusqu'à la fin de la "
                + "notation." : null;
        return applicationPage(request, id, applicationId, notice, null, Map.of(), null);
    }

    /** Saves the score as a draft ({@code action=brouillon}) or submits it ({@code action=soumettre}). */
    @PostMapping(value = "/jury/seances/{id}/candidatures/{applicationId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> score(HttpServletRequest request, @PathVariable Long id,
                                        @PathVariable Long applicationId, @RequestParam Map<String, String> form) {
        boolean submit = "soumettre".equals(form.get("action"));
        Map<Long, Integer> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(SCORE_FIELD) && value != null && !value.isBlank()) {
                try {
                    values.put(Long.valueOf(key.substring(SCORE_FIELD.length())), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    errors.put(key, "Choisissez une des notes proposées");
                }
            }
        });
        String comment = form.getOrDefault("comment", "");
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException("La note contient des erreurs.", errors);
            }
            scoring.score(id, applicationId, values, comment, submit);
            return Page.seeOther("/jury/seances/" + id + "/candidatures/" + applicationId
                    + (submit ? "?soumise=1" : "?enregistre=1"));
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(applicationPage(request, id, applicationId, null, e.getMessage(), e.fieldErrors(),
                            new Typed(form, comment)));
        }
    }

    /** What the member ticked and typed in a refused form, to write it back. */
    private record Typed(Map<String, String> form, String comment) {
    }

    private String applicationPage(HttpServletRequest request, Long id, Long applicationId, String notice,
                                   String errorMessage, Map<String, String> errors, Typed typed) {
        ScoringService.JuryCase c = scoring.juryCase(id, applicationId);
        Application a = c.application();
        Structure s = c.structure();
        JurySession session = c.session();
        StringBuilder body = new StringBuilder("<p><a href=\"/jury/seances/").append(id).append("\">Retour à la séance ")
                .append(Page.escape(session.getName())).append("</a></p><h1>").append(Page.escape(a.getReference()))
                .append(" — ").append(Page.escape(a.getTitle())).append("</h1>");
        status(body, notice);
        body.append(FormHtml.errorSummary(errorMessage, errors));

        body.append("<section aria-labelledby=\"projet\"><h2 id=\"projet\">Le projet</h2><dl>")
                .append(Page.definition("Titre", Page.escape(a.getTitle())))
                .append(Page.definition("Thématique", a.getThematic() == null ? "—" : Page.escape(a.getThematic().label())))
                .append(Page.definition("Public visé", a.getTargetPublic() == null ? "—" : Page.escape(a.getTargetPublic().label())))
                .append(Page.definition("Territoire", orDash(a.getTerritory())))
                .append(Page.definition("Durée", a.getDurationYears() + (a.getDurationYears() > 1 ? " ans" : " an")))
                .append(Page.definition("Montants demandés au Département", c.requested().isEmpty() ? "—"
                        : Page.escape(French.amountsByYear(c.requested()))))
                .append("</dl><h3>Description</h3><p>").append(multiline(a.getDescription())).append("</p></section>");

        body.append("<section aria-labelledby=\"structure\"><h2 id=\"structure\">La structure</h2><dl>")
                .append(Page.definition("Nom", Page.escape(s.getName())))
                .append(Page.definition("Commune", orDash(s.getCommune())))
                .append(Page.definition("Établissement public territorial", s.getEpt() == null ? "—" : Page.escape(s.getEpt().label())))
                .append(Page.definition("Forme juridique", s.getLegalForm() == null ? "—" : Page.escape(s.getLegalForm().label())))
                .append("</dl></section>");

        body.append("<section aria-labelledby=\"instruction\"><h2 id=\"instruction\">L'instruction</h2><dl>")
                .append(Page.definition("Synthèse de l'instructeur·rice", a.getSynthesis() == null ? "—" : multiline(a.getSynthesis())))
                .append(Page.definition("Montants proposés par l'instruction", c.proposed().isEmpty() ? "—"
                        : Page.escape(French.amountsByYear(c.proposed()))))
                .append("</dl><h3>Avis des directions</h3>");
        if (c.opinions().isEmpty()) {
            body.append("<p>Aucune direction n'a été consultée.</p>");
        } else {
            body.append("<ul>");
            for (Opinion o : c.opinions()) {
                body.append("<li><strong>").append(Page.escape(o.getDirectorate().name())).append("</strong> (")
                        .append(Page.escape(o.getDirectorate().label())).append(") : ")
                        .append(Page.escape(o.statusLabel())).append(".");
                if (o.getComment() != null && !o.getComment().isBlank()) {
                    body.append(" « ").append(Page.escape(o.getComment())).append(" »");
                }
                if (o.getSuggestedAmount() != null) {
                    body.append(" Montant suggéré : ").append(Money.format(o.getSuggestedAmount())).append(".");
                }
                body.append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");

        body.append("<section aria-labelledby=\"ma-note\"><h2 id=\"ma-note\">Ma note</h2>");
        JuryScore mine = c.myScore();
        List<GridCriterion> criteria = c.grid() == null ? List.of() : c.grid().getCriteria();
        if (mine != null && mine.isSubmitted()) {
            submittedScore(body, mine, criteria);
            body.append("</section>");
            othersScores(body, id, applicationId, criteria);
        } else if (session.getPhase() == JurySession.Phase.SCORING && c.grid() != null) {
            scoringForm(body, request, id, applicationId, criteria, mine, errors, typed);
            body.append("</section>");
        } else {
            body.append("<p class=\"info\">").append(session.getPhase() == JurySession.Phase.CONFLICTS
                    ? "La notation n'est pas encore ouverte : la DIEESS l'ouvrira une fois les conflits déclarés."
                    : "La notation est close : vous n'avez pas soumis de note pour ce dossier.").append("</p></section>");
        }
        return Page.portal(request, a.getReference() + " — jury", body.toString());
    }

    private static void submittedScore(StringBuilder body, JuryScore mine, List<GridCriterion> criteria) {
        body.append("<p class=\"succes\"><strong>Votre note : ").append(onTwenty(mine.getWeighted()))
                .append("</strong>, soumise le ").append(French.dateTime(mine.getSubmittedAt()))
                .append(". Elle est définitive.</p><dl>");
        Map<Long, Integer> values = mine.getValues();
        for (GridCriterion criterion : criteria) {
            Integer value = values.get(criterion.getId());
            body.append(Page.definition(criterion.getLabel(), value == null ? "Sans note" : Page.escape(criterion.pointLabel(value))));
        }
        body.append(Page.definition("Mon commentaire", mine.getComment() == null ? "—" : multiline(mine.getComment()))).append("</dl>");
    }

    private void othersScores(StringBuilder body, Long id, Long applicationId, List<GridCriterion> criteria) {
        ScoringService.Scores scores = scoring.othersScores(id, applicationId);
        JuryStatistics.Aggregate aggregate = scores.aggregate();
        body.append("<section aria-labelledby=\"notes-membres\"><h2 id=\"notes-membres\">Les notes des membres</h2>");
        if (scores.scores().size() <= 1) {
            body.append("<p>Les autres membres n'ont pas encore soumis leur note : elles s'afficheront ici.</p>");
        }
        body.append("<table><caption>Notes soumises sur ce dossier (").append(scores.scores().size())
                .append(")</caption><thead><tr><th scope=\"col\">Membre</th><th scope=\"col\">Note sur 20</th>");
        for (GridCriterion criterion : criteria) {
            body.append("<th scope=\"col\">").append(Page.escape(criterion.getLabel())).append(" (")
                    .append(criterion.getScaleMin()).append(" à ").append(criterion.getScaleMax()).append(")</th>");
        }
        body.append("<th scope=\"col\">Commentaire</th></tr></thead><tbody>");
        for (ScoringService.OtherScore o : scores.scores()) {
            body.append("<tr><th scope=\"row\">").append(Page.escape(o.member())).append(o.mine() ? " (vous)" : "")
                    .append("</th><td>").append(onTwenty(o.weighted())).append("</td>");
            for (GridCriterion criterion : criteria) {
                Integer value = o.values().get(criterion.getId());
                body.append("<td>").append(value == null ? "—" : String.valueOf(value)).append("</td>");
            }
            body.append("<td>").append(o.comment() == null ? "—" : multiline(o.comment())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (aggregate.disagreement()) {
            body.append("<p class=\"attention\"><strong>Désaccord marqué entre les membres</strong> : leurs notes ")
                    .append("s'écartent de ").append(JuryStatistics.format(aggregate.spread()))
                    .append(" points sur 20. Le dossier mérite d'être discuté en délibération.</p>");
        }
        if (!scores.eliminatedBy().isEmpty()) {
            body.append("<p class=\"attention\"><strong>Critère éliminatoire non atteint</strong> : ")
                    .append(Page.escape(String.join(", ", scores.eliminatedBy())))
                    .append(" (moyenne des membres sous le minimum).</p>");
        }
        body.append("<h3>Synthèse des notes</h3><dl>")
                .append(Page.definition("Notes soumises", String.valueOf(aggregate.count())))
                .append(Page.definition("Moyenne", onTwenty(aggregate.mean())))
                .append(Page.definition("Médiane", onTwenty(aggregate.median())))
                .append(Page.definition("Écart-type", JuryStatistics.format(aggregate.standardDeviation())))
                .append(Page.definition("Écart entre la note la plus haute et la plus basse", JuryStatistics.format(aggregate.spread())))
                .append("</dl></section>");
    }

    private static void scoringForm(StringBuilder body, HttpServletRequest request, Long id, Long applicationId,
                                    List<GridCriterion> criteria, JuryScore draft, Map<String, String> errors,
                                    Typed typed) {
        if (draft != null) {
            body.append("<p class=\"info\">Brouillon enregistré le ").append(French.dateTime(draft.getUpdatedAt()))
                    .append(draft.getWeighted() == null ? "" : " : " + onTwenty(draft.getWeighted()) + " en l'état")
                    .append(".</p>");
        }
        body.append("<p>Notez chaque critère de la grille. Un brouillon peut être repris jusqu'à la fin de la notation. ")
                .append("<strong>Une note soumise est définitive</strong> ; les notes des autres membres s'affichent ")
                .append("une fois la vôtre soumise.</p>")
                .append("<form method=\"post\" action=\"/jury/seances/").append(id).append("/candidatures/")
                .append(applicationId).append("\" novalidate>").append(Page.csrfField(request));
        if (errors.containsKey("criteria")) {
            body.append("<p class=\"champ-erreur\" id=\"criteria\" tabindex=\"-1\">")
                    .append(Page.escape(errors.get("criteria"))).append("</p>");
        }
        for (GridCriterion criterion : criteria) {
            String field = SCORE_FIELD + criterion.getId();
            String checked = typed != null ? typed.form().get(field)
                    : draft != null && draft.getValues().get(criterion.getId()) != null
                    ? String.valueOf(draft.getValues().get(criterion.getId())) : null;
            boolean invalid = errors.containsKey(field);
            boolean help = criterion.getDescription() != null && !criterion.getDescription().isBlank();
            String describedBy = ((help ? field + "-aide " : "") + (invalid ? field + "-erreur" : "")).strip();
            body.append("<fieldset id=\"").append(field).append("\"")
                    .append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"").append(">")
                    .append("<legend>").append(Page.escape(legend(criterion))).append("</legend>");
            if (help) {
                body.append("<p class=\"aide\" id=\"").append(field).append("-aide\">")
                        .append(Page.escape(criterion.getDescription())).append("</p>");
            }
            if (invalid) {
                body.append("<p class=\"champ-erreur\" id=\"").append(field).append("-erreur\">")
                        .append(Page.escape(errors.get(field))).append("</p>");
            }
            if (!criterion.isRequired()) {
                radio(body, field, "", "Sans note", checked == null || checked.isBlank(), invalid);
            }
            for (int value = criterion.getScaleMin(); value <= criterion.getScaleMax(); value++) {
                radio(body, field, String.valueOf(value), criterion.pointLabel(value),
                        String.valueOf(value).equals(checked), invalid);
            }
            body.append("</fieldset>");
        }
        String comment = typed != null ? typed.comment() : draft == null ? null : draft.getComment();
        body.append(FormHtml.textarea("comment", "Commentaire", comment, errors,
                        "Facultatif. Visible des autres membres de la séance et de la DIEESS.", "maxlength=\"4000\""))
                .append("<p><button type=\"submit\" name=\"action\" value=\"brouillon\" class=\"secondaire\">")
                .append("Enregistrer le brouillon</button> <button type=\"submit\" name=\"action\" value=\"soumettre\">")
                .append("Soumettre ma note</button></p></form>");
    }

    private static void radio(StringBuilder body, String field, String value, String label, boolean checked,
                              boolean invalid) {
        String radioId = field + "-" + (value.isEmpty() ? "aucune" : value);
        body.append("<div><input type=\"radio\" name=\"").append(field).append("\" id=\"").append(radioId)
                .append("\" value=\"").append(Page.escape(value)).append("\"").append(checked ? " checked" : "")
                .append(invalid ? " aria-invalid=\"true\"" : "").append("> <label for=\"").append(radioId)
                .append("\" style=\"display:inline;font-weight:400\">").append(Page.escape(label)).append("</label></div>");
    }

    /** "Utilité sociale — coefficient 2, obligatoire, éliminatoire sous 2". */
    private static String legend(GridCriterion criterion) {
        StringBuilder text = new StringBuilder(criterion.getLabel()).append(" — coefficient ")
                .append(French.number(criterion.getWeight()));
        if (criterion.isRequired()) {
            text.append(", obligatoire");
        }
        if (criterion.isEliminatory()) {
            text.append(", éliminatoire sous ").append(French.number(criterion.getEliminatoryBelow()));
        }
        return text.append(" (de ").append(criterion.getScaleMin()).append(" à ").append(criterion.getScaleMax())
                .append(")").toString();
    }

    // ---- the deliberation's ranking

    @GetMapping(value = "/jury/seances/{id}/classement", produces = MediaType.TEXT_HTML_VALUE)
    public String ranking(HttpServletRequest request, @PathVariable Long id,
                          @RequestParam(required = false) String tri) {
        JurySessionService.RankingOrder order = JurySessionService.RankingOrder.MEAN;
        for (JurySessionService.RankingOrder o : JurySessionService.RankingOrder.values()) {
            if (o.name().equalsIgnoreCase(tri)) {
                order = o;
            }
        }
        JurySessionService.Ranking ranking = scoring.ranking(id, order);
        JurySession session = ranking.session();
        StringBuilder body = new StringBuilder("<p><a href=\"/jury/seances/").append(id).append("\">Retour à la séance ")
                .append(Page.escape(session.getName())).append("</a></p><h1>Classement — ")
                .append(Page.escape(session.getName())).append("</h1>")
                .append("<p class=\"info\">").append(session.getPhase() == JurySession.Phase.CLOSED
                        ? "La séance est close : ce classement et ces propositions sont ceux transmis au vote."
                        : "Délibération en cours. Le jury est consultatif : ses propositions sont soumises au vote de la "
                        + "Commission permanente.").append(" Les dossiers avec lesquels vous êtes en conflit d'intérêts "
                        + "n'y figurent pas.</p>");
        body.append("<nav aria-label=\"Ordre du classement\"><ul>");
        for (JurySessionService.RankingOrder o : JurySessionService.RankingOrder.values()) {
            body.append("<li>");
            if (o == order) {
                body.append("<strong aria-current=\"true\">").append(orderLabel(o)).append("</strong>");
            } else {
                body.append("<a href=\"/jury/seances/").append(id).append("/classement?tri=").append(o.name())
                        .append("\">").append(orderLabel(o)).append("</a>");
            }
            body.append("</li>");
        }
        body.append("</ul></nav>");
        if (ranking.rows().isEmpty()) {
            body.append("<p>Aucun dossier à classer.</p>");
        } else {
            body.append("<div role=\"region\" aria-labelledby=\"classement-titre\" tabindex=\"0\" style=\"overflow-x:auto\">")
                    .append("<table><caption id=\"classement-titre\">Classement ").append(orderLabel(order).toLowerCase())
                    .append(" (").append(ranking.rows().size()).append(ranking.rows().size() > 1 ? " dossiers" : " dossier")
                    .append(")</caption><thead><tr><th scope=\"col\">Rang</th><th scope=\"col\">Dossier</th>")
                    .append("<th scope=\"col\">Structure</th><th scope=\"col\">Thématique</th><th scope=\"col\">EPT</th>")
                    .append("<th scope=\"col\">Demandé</th><th scope=\"col\">Proposé par l'instruction</th>")
                    .append("<th scope=\"col\">Notes</th><th scope=\"col\">Moyenne</th><th scope=\"col\">Médiane</th>")
                    .append("<th scope=\"col\">Écart-type</th><th scope=\"col\">Écart</th><th scope=\"col\">Alertes</th>")
                    .append("<th scope=\"col\">Proposition du jury</th></tr></thead><tbody>");
            int rank = 0;
            for (JurySessionService.RankingRow r : ranking.rows()) {
                rank++;
                JuryStatistics.Aggregate g = r.aggregate();
                Application a = r.application();
                body.append("<tr><td>").append(rank).append("</td><th scope=\"row\">").append(Page.escape(a.getReference()))
                        .append(" — ").append(Page.escape(a.getTitle())).append("</th><td>")
                        .append(Page.escape(r.structureName())).append("</td><td>")
                        .append(a.getThematic() == null ? "—" : Page.escape(a.getThematic().label())).append("</td><td>")
                        .append(orDash(r.ept())).append("</td><td>").append(amounts(r.requested())).append("</td><td>")
                        .append(amounts(r.proposedBySynthesis())).append("</td><td>").append(g.count()).append(" / ")
                        .append(r.assigned()).append("</td><td>").append(onTwenty(g.mean())).append("</td><td>")
                        .append(onTwenty(g.median())).append("</td><td>").append(JuryStatistics.format(g.standardDeviation()))
                        .append("</td><td>").append(JuryStatistics.format(g.spread())).append("</td><td>").append(alerts(g, r))
                        .append("</td><td>").append(proposal(r.proposal())).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        envelope(body, ranking.envelope());
        return Page.portal(request, "Classement — " + session.getName(), body.toString());
    }

    private static String orderLabel(JurySessionService.RankingOrder order) {
        return switch (order) {
            case MEAN -> "Par moyenne";
            case MEDIAN -> "Par médiane";
            case THEMATIC -> "Par thématique";
            case EPT -> "Par EPT";
        };
    }

    private static String alerts(JuryStatistics.Aggregate g, JurySessionService.RankingRow r) {
        StringBuilder html = new StringBuilder();
        if (g.disagreement()) {
            html.append("<span class=\"etiquette avertissement\">Désaccord marqué</span> ");
        }
        if (!r.eliminatedBy().isEmpty()) {
            html.append("<span class=\"etiquette alerte\">Éliminatoire : ")
                    .append(Page.escape(String.join(", ", r.eliminatedBy()))).append("</span>");
        }
        return html.isEmpty() ? "—" : html.toString().strip();
    }

    private static String proposal(SessionApplication p) {
        if (p == null || p.getVerdict() == null) {
            return "À délibérer";
        }
        if (!p.isFavourable()) {
            return "Défavorable" + (p.getComment() == null ? "" : " — " + Page.escape(p.getComment()));
        }
        return "Favorable, " + p.getDurationYears() + (p.getDurationYears() != null && p.getDurationYears() > 1 ? " ans" : " an")
                + " : " + Page.escape(French.amountsByYear(p.amounts())) + " (" + Page.escape(p.getNature().label()) + ")";
    }

    private static void envelope(StringBuilder body, JurySessionService.Envelope envelope) {
        body.append("<h2>Enveloppe de la campagne</h2><table><caption>Enveloppe de l'année 1 par part</caption><thead><tr>")
                .append("<th scope=\"col\">Part</th><th scope=\"col\">Disponible</th>")
                .append("<th scope=\"col\">Engagé par les séances closes</th><th scope=\"col\">Proposé par cette séance</th>")
                .append("<th scope=\"col\">Reste</th></tr></thead><tbody>");
        envelope.parts().forEach((nature, part) -> body.append("<tr><th scope=\"row\">")
                .append(Page.escape(nature.label())).append("</th><td>").append(money(part.available())).append("</td><td>")
                .append(money(part.committed())).append("</td><td>").append(money(part.proposed())).append("</td><td>")
                .append(money(part.available() == null ? null : part.remaining())).append("</td></tr>"));
        body.append("</tbody></table><p>Année 2 des subventions pluriannuelles proposées : ")
                .append(money(envelope.secondYear())).append(".</p>");
    }

    // ---- small formats

    /** "À noter", "Brouillon" or "Soumise — 14,67/20". */
    private static String scoreStatus(JuryScore.Status status, BigDecimal weighted) {
        if (status == null) {
            return "À noter";
        }
        return status == JuryScore.Status.DRAFT ? "Brouillon" : "Soumise — " + onTwenty(weighted);
    }

    /** "14,67/20", or "—" without a score. */
    private static String onTwenty(BigDecimal value) {
        return value == null ? "—" : JuryStatistics.format(value) + "/20";
    }

    private static String amounts(Map<Integer, BigDecimal> byYear) {
        return byYear == null || byYear.isEmpty() ? "—" : Page.escape(French.amountsByYear(byYear));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "—" : Money.format(amount);
    }

    private static void status(StringBuilder body, String notice) {
        if (notice != null) {
            body.append("<p class=\"succes\" role=\"status\">").append(Page.escape(notice)).append("</p>");
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : Page.escape(text);
    }

    private static String multiline(String text) {
        return text == null ? "—" : Page.escape(text).replace("\n", "<br>");
    }
}
