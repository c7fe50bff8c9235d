package fr.agir.application;

import fr.agir.shared.DomainException;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Submitting from the portal: the form's content read back on a summary page, the declaration on
 * honour, then "Déposer ma candidature" (the integrators' API still submits with
 * {@code POST /api/applications/{id}/submit}).
 */
@Controller
public class SubmissionController {
    private final PortalViews views;
    private final ApplicationService applications;

    public SubmissionController(PortalViews views, ApplicationService applications) {
        this.views = views;
        this.applications = applications;
    }

    @GetMapping("/portail/candidatures/{id}/recapitulatif")
    public String summary(@PathVariable Long id, @ModelAttribute("form") SubmissionForm form, Model model) {
        PortalViews.Summary summary = views.summary(id);
        if (summary.application().getStatus() != ApplicationStatus.DRAFT) {
            return "redirect:/portail/candidatures/" + id;
        }
        model.addAttribute("summary", summary);
        return "portal/summary";
    }

    @PostMapping("/portail/candidatures/{id}/depot")
    public String submit(@PathVariable Long id, @Valid @ModelAttribute("form") SubmissionForm form,
                         BindingResult result, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Application a = applications.submit(id, true);
                Notice.success("Votre candidature " + a.getReference() + " est déposée.",
                        "Son accusé de réception vous est aussi envoyé par e-mail. La DIEESS vérifie maintenant "
                                + "qu’elle est complète ; vous serez prévenu ici et par e-mail si une pièce manque.",
                        Notice.link("/api/applications/" + a.getId() + "/receipt",
                                "Télécharger l’accusé de réception (PDF)"))
                        .flash(redirect);
                return "redirect:/portail/candidatures/" + id;
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                // Its details by field are the summary's list of what to correct, computed again below.
                result.reject("refused", e.getMessage());
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        PortalViews.Summary summary = views.summary(id);
        if (summary.application().getStatus() != ApplicationStatus.DRAFT) {
            return "redirect:/portail/candidatures/" + id;
        }
        model.addAttribute("summary", summary);
        return "portal/summary";
    }
}
