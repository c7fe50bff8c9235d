package fr.agir.application;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The structure gives up an application: deletes its draft, or withdraws it once submitted. Both are confirmed first. */
@Controller
public class WithdrawalController {
    private final PortalViews views;
    private final ApplicationService applications;

    public WithdrawalController(PortalViews views, ApplicationService applications) {
        this.views = views;
        this.applications = applications;
    }

    @GetMapping("/portail/candidatures/{id}/suppression")
    public String confirmDeletion(@PathVariable Long id, Model model) {
        PortalViews.FormPage page = views.formPage(id);
        if (!page.draft()) {
            return "redirect:/portail/candidatures/" + id + "/retrait";
        }
        model.addAttribute("page", page);
        return "portal/delete-draft";
    }

    @PostMapping("/portail/candidatures/{id}/suppression")
    public String delete(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed,
                         RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/portail/candidatures/" + id + "/suppression";
        }
        PortalViews.FormPage page = views.formPage(id);
        applications.deleteDraft(id);
        Notice.success("Le brouillon " + page.application().getReference() + " est supprimé.",
                "Vous pouvez préparer une nouvelle candidature tant que l’appel à projets est ouvert.")
                .flash(redirect);
        return "redirect:/portail";
    }

    @GetMapping("/portail/candidatures/{id}/retrait")
    public String confirmWithdrawal(@PathVariable Long id, @ModelAttribute("form") WithdrawalForm form, Model model) {
        PortalViews.FormPage page = views.formPage(id);
        if (page.draft()) {
            return "redirect:/portail/candidatures/" + id + "/suppression";
        }
        model.addAttribute("page", page);
        return "portal/withdraw";
    }

    @PostMapping("/portail/candidatures/{id}/retrait")
    public String withdraw(@PathVariable Long id, @Valid @ModelAttribute("form") WithdrawalForm form,
                           BindingResult result, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        if (!form.isConfirmed()) {
            return "redirect:/portail/candidatures/" + id + "/retrait";
        }
        if (!result.hasErrors()) {
            try {
                Application a = applications.withdraw(id, form.getReason());
                Notice.success("Votre candidature " + a.getReference() + " est retirée.",
                        "La DIEESS n’en poursuit pas l’examen. Son historique reste consultable ici ; vous pourrez "
                                + "candidater à nouveau lors d’un prochain appel à projets.").flash(redirect);
                return "redirect:/portail/candidatures/" + id;
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value() || e.httpStatus() == HttpStatus.CONFLICT.value()) {
                    throw e; // not his, or too late: the French error page says so, with a way back
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("page", views.formPage(id));
        return "portal/withdraw";
    }
}
