package fr.agir.instruction;

import fr.agir.security.Directorate;
import fr.agir.shared.DomainException;
import fr.agir.web.Fmt;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import fr.agir.workflow.Deadlines;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The completeness decision on a submitted application, and reopening an inadmissible one. Only the
 * chosen decision's fields are passed on (the others, hidden by the page's script, may hold text).
 */
@Controller
public class CompletenessController {
    private final CasePage page;
    private final InstructionService instruction;
    private final fr.agir.application.ApplicationService applications;
    private final Deadlines deadlines;
    private final Fmt fmt;
    private final Clock clock;

    public CompletenessController(CasePage page, InstructionService instruction,
                                  fr.agir.application.ApplicationService applications, Deadlines deadlines, Fmt fmt,
                                  Clock clock) {
        this.page = page;
        this.instruction = instruction;
        this.applications = applications;
        this.deadlines = deadlines;
        this.fmt = fmt;
        this.clock = clock;
    }

    @PostMapping("/instruction/candidatures/{applicationId}/recevabilite")
    public String decide(@PathVariable("applicationId") Long id, @Valid @ModelAttribute("decision") CompletenessForm form,
                         BindingResult result, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.fill(model, id);
        }
        InstructionService.Completeness outcome = form.getOutcome();
        Set<Directorate> chosen = form.chosenDirectorates();
        try {
            InstructionService.RoutingChange routing = InstructionService.RoutingChange.NONE;
            if (outcome == InstructionService.Completeness.COMPLETE) {
                Set<Directorate> proposed = EnumSet.noneOf(Directorate.class);
                proposed.addAll(instruction.routingProposal(id));
                routing = proposed.equals(chosen) ? InstructionService.RoutingChange.NONE
                        : new InstructionService.RoutingChange(minus(chosen, proposed), minus(proposed, chosen),
                        form.getRoutingReason());
            }
            InstructionService.checkDecision(outcome, outcome == InstructionService.Completeness.INELIGIBLE
                    ? form.getReason() : null, outcome == InstructionService.Completeness.MISSING_PIECES
                    ? form.getMissingPieces() : null, routing);
            if (!form.isConfirmed()) {
                model.addAttribute("applicationId", id);
                model.addAttribute("reference", applications.get(id).getReference());
                model.addAttribute("consequences", consequences(outcome, chosen, form));
                return "instruction/completeness-confirmation";
            }
            switch (outcome) {
                case COMPLETE -> instruction.decideCompleteness(id, outcome, null, null, routing);
                case MISSING_PIECES -> instruction.decideCompleteness(id, outcome, null, form.getMissingPieces());
                case INELIGIBLE -> instruction.decideCompleteness(id, outcome, form.getReason(), null);
            }
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            if (e.fieldErrors().isEmpty()) {
                // Not the form's fault (the step is no longer open…): say so on the page as it is now.
                Notice.error("La décision n'est pas enregistrée.", e.getMessage()).flash(redirect);
                return "redirect:/instruction/candidatures/" + id;
            }
            response.setStatus(e.httpStatus());
            FormErrors.add(result, e);
            return page.fill(model, id);
        }
        notice(outcome, chosen, applications.get(id).getCampaignId()).flash(redirect);
        return "redirect:/instruction/candidatures/" + id;
    }

    @PostMapping("/instruction/candidatures/{applicationId}/reouverture")
    public String reopen(@PathVariable("applicationId") Long id, @Valid @ModelAttribute("reopenForm") ReopenForm form,
                         BindingResult result, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.fill(model, id);
        }
        try {
            instruction.reopenCompleteness(id, form.getReopenReason());
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            FormErrors.reject(result, "reopenReason", e.getMessage());
            return page.fill(model, id);
        }
        Notice.success("Candidature rouverte : elle revient au contrôle de recevabilité.",
                "Elle est de nouveau dans la file, à l'étape « Vérifier la recevabilité » ; la structure voit que "
                        + "sa recevabilité est réexaminée.").flash(redirect);
        return "redirect:/instruction/candidatures/" + id;
    }

    /** What the decision will do, read back before it is confirmed. */
    private static java.util.List<String> consequences(InstructionService.Completeness outcome, Set<Directorate> chosen,
                                                       CompletenessForm form) {
        return switch (outcome) {
            case COMPLETE -> java.util.List.of("Le dossier est déclaré complet et recevable : l'instruction commence.",
                    chosen.isEmpty() ? "Aucune direction n'est consultée : la synthèse sera à rédiger aussitôt."
                            : "Les avis sont demandés " + Choices.toDirectorates(chosen) + ", avec leur date limite.");
            case MISSING_PIECES -> java.util.List.of("La structure reçoit par e-mail la liste des pièces à fournir, "
                    + "avec la date limite ; sans réponse à temps, la candidature devient irrecevable.",
                    "Pièces demandées : " + form.getMissingPieces().strip());
            case INELIGIBLE -> java.util.List.of("La structure reçoit un courrier d'irrecevabilité motivé.",
                    "Motif : " + form.getReason().strip(),
                    "Si la décision doit être revue, la recevabilité pourra être rouverte depuis ce dossier.");
        };
    }

    private Notice notice(InstructionService.Completeness outcome, Set<Directorate> chosen, Long campaignId) {
        LocalDate today = LocalDate.now(clock);
        return switch (outcome) {
            case COMPLETE -> chosen.isEmpty()
                    ? Notice.success("Dossier déclaré complet : aucune direction n'est consultée.",
                    "La synthèse d'instruction est à rédiger : elle est dans la file de l'équipe.")
                    : Notice.success("Dossier déclaré complet : avis demandés " + Choices.toDirectorates(chosen) + ".",
                    "Les directions ont jusqu'au " + fmt.date(deadlines.opinionDueFrom(today, campaignId))
                            + " pour répondre ; la synthèse d'instruction sera ensuite à rédiger.");
            case MISSING_PIECES -> Notice.success("Pièces complémentaires demandées à la structure.",
                    "Elle est prévenue par e-mail et a jusqu'au " + fmt.date(deadlines.missingPiecesDueFrom(today, campaignId))
                            + " pour les déposer ; le dossier reviendra alors dans la file, à vérifier.");
            case INELIGIBLE -> Notice.success("Candidature déclarée irrecevable.",
                    "La structure reçoit le courrier motivé. Si la décision doit être revue, rouvrez la "
                            + "recevabilité depuis ce dossier.");
        };
    }

    private static Set<Directorate> minus(Set<Directorate> a, Set<Directorate> b) {
        Set<Directorate> result = EnumSet.noneOf(Directorate.class);
        result.addAll(a);
        result.removeAll(b);
        return result;
    }
}
