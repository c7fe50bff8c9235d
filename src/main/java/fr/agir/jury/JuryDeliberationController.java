package fr.agir.jury;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Fmt;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's phases, each confirmed first since a session only moves forward (open scoring, open
 * the deliberation, close), and the jury's proposal on each application during the deliberation.
 */
@Controller
public class JuryDeliberationController {
    private static final String PHASE = SecretariatPages.BASE + "/seances/{id}/phase";
    private static final String PROPOSAL = SecretariatPages.BASE + "/seances/{id}/candidatures/{applicationId}/proposition";

    private final JurySessionService sessions;
    private final JuryDeliberationService deliberations;
    private final Fmt fmt;

    public JuryDeliberationController(JurySessionService sessions, JuryDeliberationService deliberations, Fmt fmt) {
        this.sessions = sessions;
        this.deliberations = deliberations;
        this.fmt = fmt;
    }

    /** The step after the current phase: its button, and what its confirmation says. */
    public record Next(JurySession.Phase phase, String button, String question, String confirm, boolean danger) {
    }

    static Next next(JurySession.Phase current) {
        return switch (current) {
            case CONFLICTS -> new Next(JurySession.Phase.SCORING, "Ouvrir la notation…",
                    "Ouvrir la notation de la séance ?", "Ouvrir la notation", false);
            case SCORING -> new Next(JurySession.Phase.DELIBERATION, "Ouvrir la délibération…",
                    "Ouvrir la délibération de la séance ?", "Ouvrir la délibération", false);
            case DELIBERATION -> new Next(JurySession.Phase.CLOSED, "Clore la séance…",
                    "Clore la séance et transmettre les avis du jury ?", "Clore la séance et transmettre les avis", true);
            case CLOSED -> null;
        };
    }

    private List<String> consequences(JurySession s) {
        return switch (s.getPhase()) {
            case CONFLICTS -> List.of("La grille de notation de la campagne est figée : la séance note avec sa version "
                            + "actuelle ; la modifier ensuite crée une nouvelle version pour les séances suivantes.",
                    "Chaque dossier doit déjà avoir " + fmt.count(s.getJurorsPerApplication(), "membre")
                            + " sans conflit ; les membres de la séance ne changent plus.",
                    "Les membres notent jusqu'au " + fmt.date(s.getScoringCloses()) + " ; ceux qui n'ont pas tout noté "
                            + "reçoivent un rappel par e-mail quelques jours avant.");
            case SCORING -> List.of("La notation se ferme : les membres ne peuvent plus noter ni changer leur note.",
                    "Le classement s'affiche et vous saisissez l'avis du jury sur chaque dossier, dans l'enveloppe.");
            case DELIBERATION -> List.of("L'avis du jury part vers chaque candidature et ne change plus.",
                    "Les propositions favorables doivent tenir dans l'enveloppe de la campagne.",
                    "Le procès-verbal devient définitif.");
            case CLOSED -> List.of();
        };
    }

    @GetMapping(PHASE)
    public String confirmPhase(@PathVariable Long id, @RequestParam(required = false) String vers, Model model) {
        JurySession s = sessions.get(id);
        Next next = next(s.getPhase());
        if (next == null || !next.phase().name().equals(vers)) {
            return "redirect:" + SecretariatPages.session(id);
        }
        model.addAttribute("s", s);
        model.addAttribute("next", next);
        model.addAttribute("details", consequences(s));
        return "jury/secretariat/phase";
    }

    @PostMapping(PHASE)
    public String phase(@PathVariable Long id, @RequestParam(defaultValue = "") String phase,
                        @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
                        RedirectAttributes redirect) {
        String back = SecretariatPages.session(id);
        if (!confirmed) {
            return SecretariatPages.seeOther(request, back + "/phase?vers=" + phase);
        }
        try {
            switch (phase) {
                case "SCORING" -> {
                    JurySession s = deliberations.openScoring(id);
                    Notice.success("La notation est ouverte.", "Les membres notent leurs dossiers jusqu'au "
                            + fmt.date(s.getScoringCloses()) + ". Suivez leurs notes soumises dans « Membres », puis "
                            + "ouvrez la délibération.").flash(redirect);
                }
                case "DELIBERATION" -> {
                    deliberations.openDeliberation(id);
                    Notice.success("La délibération est ouverte : la notation est close.",
                            "Saisissez l'avis du jury sur chaque dossier, dans l'enveloppe, puis closez la séance.",
                            Notice.link(back + "#deliberation", "Aller au classement")).flash(redirect);
                }
                case "CLOSED" -> {
                    deliberations.close(id);
                    Notice.success("La séance est close : l'avis du jury part vers chaque candidature.",
                            "Le procès-verbal définitif est prêt.",
                            Notice.link("/api/jury/sessions/" + id + "/minutes", "Procès-verbal (PDF)")).flash(redirect);
                }
                default -> Notice.error("Cette étape n'existe pas.", "Utilisez le bouton de l'étape suivante.")
                        .flash(redirect);
            }
        } catch (DomainException e) {
            Notice.error("La séance ne change pas d'étape.", e.getMessage()).flash(redirect);
        }
        return SecretariatPages.seeOther(request, back + "#etape");
    }

    @GetMapping(PROPOSAL)
    public String proposalForm(@PathVariable Long id, @PathVariable Long applicationId, Model model) {
        JurySessionService.RankingRow row = proposalPage(id, applicationId, model);
        model.addAttribute("form", JuryProposalForm.of(row.proposal(), row.application().getDurationYears()));
        return "jury/secretariat/proposal";
    }

    @PostMapping(PROPOSAL)
    public String propose(@PathVariable Long id, @PathVariable Long applicationId,
                          @Valid @ModelAttribute("form") JuryProposalForm form, BindingResult result, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                SessionApplication p = deliberations.propose(id, applicationId, form.toInput());
                Notice.success(p.isFavourable() ? "L'avis favorable du jury est enregistré." : "L'avis défavorable du jury "
                                + "est enregistré.",
                        "Le reste de l'enveloppe est recalculé dans le tableau de la délibération. Quand chaque dossier a "
                                + "son avis, closez la séance.").flash(redirect);
                return SecretariatPages.seeOther(request, SecretariatPages.session(id) + "#dossier-" + applicationId);
            } catch (DomainException e) {
                response.setStatus(e.httpStatus());
                e.fieldErrors().forEach((field, message) -> FormErrors.reject(result, JuryProposalForm.field(field), message));
                result.addError(new ObjectError("form", e.getMessage()));
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        proposalPage(id, applicationId, model);
        return "jury/secretariat/proposal";
    }

    private JurySessionService.RankingRow proposalPage(Long id, Long applicationId, Model model) {
        JurySessionService.Ranking ranking = sessions.ranking(id, JurySessionService.RankingOrder.MEAN);
        JurySessionService.RankingRow row = ranking.rows().stream()
                .filter(r -> r.application().getId().equals(applicationId)).findFirst()
                .orElseThrow(fr.agir.shared.NotFoundException::notYours);
        model.addAttribute("s", ranking.session());
        model.addAttribute("row", row);
        model.addAttribute("operatingLeft", ranking.envelope().parts().get(SessionApplication.Nature.OPERATING).remaining());
        model.addAttribute("investmentLeft", ranking.envelope().parts().get(SessionApplication.Nature.INVESTMENT).remaining());
        model.addAttribute("open", ranking.session().getPhase() == JurySession.Phase.DELIBERATION);
        return row;
    }
}
