package fr.agir.jury;

import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's page and its preparation: members chosen among the people with the jury role, the
 * applications it takes, the assignment (automatic or by hand). A refused form comes back with
 * what was typed (flashed with its errors), every action ends on the page with a notice.
 */
@Controller
public class JurySessionController {
    private static final String MEMBERS_FORM = "membersForm";
    private static final String ASSIGNMENT_FORM = "assignmentForm";

    private final JurySessionService sessions;
    private final JurySessionSetupService setup;
    private final JuryAssignmentService assignments;
    private final People people;
    private final CurrentUser currentUser;

    public JurySessionController(JurySessionService sessions, JurySessionSetupService setup,
                                 JuryAssignmentService assignments, People people, CurrentUser currentUser) {
        this.sessions = sessions;
        this.setup = setup;
        this.assignments = assignments;
        this.people = people;
        this.currentUser = currentUser;
    }

    /** Someone offered on the members' form. */
    public record Juror(String username, String name, String email) {
    }

    @GetMapping(SecretariatPages.BASE + "/seances/{id}")
    public String session(@PathVariable Long id, @RequestParam(required = false) String tri, Model model) {
        JurySessionService.Overview o = sessions.overview(id);
        JurySession s = o.session();
        Map<String, String> names = new LinkedHashMap<>();
        o.members().forEach(m -> names.put(m.getUsername(), m.getDisplayName().equals(m.getUsername())
                ? people.name(m.getUsername()) : m.getDisplayName()));
        Map<Long, List<String>> assignedNames = new LinkedHashMap<>();
        o.assigned().forEach((app, users) -> assignedNames.put(app, users.stream().map(u -> names.getOrDefault(u,
                people.name(u))).toList()));
        JurySessionService.RankingOrder order = order(tri);
        model.addAttribute("o", o);
        model.addAttribute("s", s);
        model.addAttribute("names", names);
        model.addAttribute("assignedNames", assignedNames);
        model.addAttribute("admin", currentUser.hasRole(Role.ADMIN));
        model.addAttribute("before", s.getPhase() == JurySession.Phase.CONFLICTS
                || s.getPhase() == JurySession.Phase.SCORING);
        model.addAttribute("deliberating", s.getPhase() == JurySession.Phase.DELIBERATION
                || s.getPhase() == JurySession.Phase.CLOSED);
        model.addAttribute("ranking", o.ranking().sortedBy(order));
        model.addAttribute("order", order);
        model.addAttribute("orders", SecretariatPages.ORDERS);
        model.addAttribute("next", JuryDeliberationController.next(s.getPhase()));
        if (s.getPhase() == JurySession.Phase.CONFLICTS) {
            membersChoice(o, model);
            model.addAttribute("candidates", setup.candidates(id).size());
        }
        Map<String, String> applicationOptions = new LinkedHashMap<>();
        o.ranking().rows().forEach(r -> applicationOptions.put(String.valueOf(r.application().getId()),
                r.application().getReference() + " — " + r.structureName()));
        model.addAttribute("applicationOptions", applicationOptions);
        model.addAttribute("memberOptions", names);
        if (!model.containsAttribute(ASSIGNMENT_FORM)) {
            model.addAttribute(ASSIGNMENT_FORM, new JuryAssignmentForm());
        }
        return "jury/secretariat/session";
    }

    /** The people offered: those with the jury role, and the members already sitting who no longer have it. */
    private void membersChoice(JurySessionService.Overview o, Model model) {
        List<Juror> offered = new ArrayList<>();
        people.withRole(Role.JURY).forEach(p -> offered.add(new Juror(p.username(), p.name(), p.email())));
        Set<String> listed = new java.util.HashSet<>(offered.stream().map(Juror::username).toList());
        o.members().stream().filter(m -> !listed.contains(m.getUsername()))
                .forEach(m -> offered.add(new Juror(m.getUsername(), m.getDisplayName(), m.getEmail())));
        Map<String, String> thematics = new LinkedHashMap<>();
        for (Thematic t : Thematic.values()) {
            if (o.campaign().getThematics().contains(t)) {
                thematics.put(t.name(), t.label());
            }
        }
        model.addAttribute("jurors", offered);
        model.addAttribute("thematicOptions", thematics);
        Map<String, JuryMembersForm.Row> chosen = new LinkedHashMap<>();
        if (model.getAttribute(MEMBERS_FORM) instanceof JuryMembersForm refused) {
            refused.getRows().forEach(r -> chosen.put(r.getUsername(), r));
        } else {
            o.members().forEach(m -> chosen.put(m.getUsername(), new JuryMembersForm.Row(m.getUsername(), true,
                    List.copyOf(m.getThematics()))));
        }
        // One row per person offered, in the same order; a refused form keeps what was ticked. The form
        // object is changed in place: a flashed BindingResult reads from that very object.
        JuryMembersForm form = model.getAttribute(MEMBERS_FORM) instanceof JuryMembersForm refused
                ? refused : new JuryMembersForm();
        List<JuryMembersForm.Row> rows = new ArrayList<>();
        offered.forEach(j -> {
            JuryMembersForm.Row r = chosen.get(j.username());
            rows.add(new JuryMembersForm.Row(j.username(), r != null && r.isSelected(),
                    r == null ? List.of() : r.getThematics()));
        });
        form.setRows(rows);
        model.addAttribute(MEMBERS_FORM, form);
    }

    @PostMapping(SecretariatPages.BASE + "/seances/{id}/membres")
    public String members(@PathVariable Long id, @ModelAttribute(MEMBERS_FORM) JuryMembersForm form,
                          BindingResult result, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                int n = setup.chooseMembers(id, form.toChoices()).size();
                Notice.success("Les membres de la séance sont enregistrés : " + (n > 1 ? n + " membres." : n + " membre."),
                        "Agir a cherché les conflits d'intérêts probables (voir « Conflits d'intérêts »). Prenez "
                                + "ensuite les candidatures qui attendent le jury, puis répartissez-les.").flash(redirect);
                return SecretariatPages.seeOther(request, SecretariatPages.session(id) + "#membres");
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        return refused(request, redirect, id, MEMBERS_FORM, form, result, "#membres");
    }

    @PostMapping(SecretariatPages.BASE + "/seances/{id}/candidatures")
    public String take(@PathVariable Long id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            int n = setup.addApplications(id, null);
            Notice.success(n > 1 ? "La séance prend " + n + " candidatures." : "La séance prend " + n + " candidature.",
                    "Agir a cherché les conflits d'intérêts probables. Répartissez maintenant les dossiers entre les "
                            + "membres.").flash(redirect);
        } catch (DomainException e) {
            Notice.error(e.getMessage(), null).flash(redirect);
        }
        return SecretariatPages.seeOther(request, SecretariatPages.session(id) + "#dossiers");
    }

    @PostMapping(SecretariatPages.BASE + "/seances/{id}/repartition")
    public String assign(@PathVariable Long id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            JuryAssignmentService.AssignmentReport report = assignments.assignAutomatically(id);
            String added = report.added() > 1 ? report.added() + " affectations ajoutées" : report.added()
                    + " affectation ajoutée";
            int missing = report.shortfalls().size();
            if (missing > 0) {
                Notice.warning("Certains dossiers n'ont pas assez de membres sans conflit : " + (missing > 1
                                ? missing + " dossiers incomplets." : "1 dossier incomplet."),
                        "Ajoutez des membres, ou réduisez le nombre de membres par dossier, puis répartissez à nouveau ("
                                + added + ").").flash(redirect);
            } else if (!report.balanced()) {
                Notice.warning("Les dossiers sont répartis (" + added + "), mais la charge n'est pas égale.",
                        "Les conflits d'intérêts empêchent une charge parfaitement équilibrée : vérifiez la colonne "
                                + "« Dossiers confiés » des membres, puis ouvrez la notation.").flash(redirect);
            } else {
                Notice.success("Les dossiers sont répartis (" + added + "), charge équilibrée.",
                        "Vérifiez la répartition, puis ouvrez la notation.").flash(redirect);
            }
        } catch (DomainException e) {
            Notice.error(e.getMessage(), null).flash(redirect);
        }
        return SecretariatPages.seeOther(request, SecretariatPages.session(id) + "#dossiers");
    }

    @PostMapping(SecretariatPages.BASE + "/seances/{id}/affectations")
    public String assignOne(@PathVariable Long id, @Valid @ModelAttribute(ASSIGNMENT_FORM) JuryAssignmentForm form,
                            BindingResult result, @RequestParam(defaultValue = "confier") String action,
                            HttpServletRequest request, RedirectAttributes redirect) {
        boolean remove = "retirer".equals(action);
        if (!result.hasErrors()) {
            try {
                if (remove) {
                    assignments.unassign(id, form.getApplicationId(), form.getUsername(), form.getReason());
                } else {
                    assignments.assign(id, form.getApplicationId(), form.getUsername(), form.getReason());
                }
                String who = people.name(form.getUsername());
                Notice.success(remove ? "Le dossier est retiré à " + who + "." : "Le dossier est confié à " + who + ".",
                        "Le changement est tracé avec son motif.").flash(redirect);
                return SecretariatPages.seeOther(request, SecretariatPages.session(id) + "#dossiers");
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        return refused(request, redirect, id, ASSIGNMENT_FORM, form, result, "#repartition-manuelle");
    }

    /** Back to the page with the form as typed and its errors (flashed: the page is only ever shown by GET). */
    private static String refused(HttpServletRequest request, RedirectAttributes redirect, Long id, String name,
                                  Object form, BindingResult result, String anchor) {
        FormErrors.keepAcrossRedirect(redirect, name, form, result);
        return SecretariatPages.seeOther(request, SecretariatPages.session(id) + anchor);
    }

    private static JurySessionService.RankingOrder order(String tri) {
        try {
            return tri == null ? JurySessionService.RankingOrder.MEAN
                    : JurySessionService.RankingOrder.valueOf(tri.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return JurySessionService.RankingOrder.MEAN;
        }
    }
}
