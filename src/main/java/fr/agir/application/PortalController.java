package fr.agir.application;

import fr.agir.web.Notice;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The project leader's home in the portal (what is expected from him, his structures, the open
 * calls, his applications) and the start of an application. An application's own pages are in
 * {@link ApplicationPageController}, its submission in {@link SubmissionController}, deleting a
 * draft and withdrawing in {@link WithdrawalController}.
 */
@Controller
public class PortalController {
    private final PortalViews views;
    private final ApplicationService applications;

    public PortalController(PortalViews views, ApplicationService applications) {
        this.views = views;
        this.applications = applications;
    }

    @GetMapping("/portail")
    public String home(Model model) {
        model.addAttribute("home", views.home());
        return "portal/home";
    }

    /** « Mes candidatures »: all of them, when the home lists only the most recent. */
    @GetMapping("/portail/candidatures")
    public String myApplications(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("lines", views.myApplications(page));
        model.addAttribute("pageUrl", "/portail/candidatures?");
        return "portal/applications";
    }

    /** "Préparer une candidature": his draft for this call and structure if he has one, else a new one. */
    @PostMapping("/portail/candidatures")
    public String createDraft(@RequestParam Long campaignId, @RequestParam Long structureId,
                              RedirectAttributes redirect) {
        Application existing = applications.visibleList(PageRequest.of(0, 200)).stream()
                .filter(a -> a.getCampaignId().equals(campaignId) && a.getStructureId().equals(structureId)
                        && a.getStatus() == ApplicationStatus.DRAFT)
                .findFirst().orElse(null);
        if (existing != null) {
            Notice.info("Vous aviez déjà commencé cette candidature : la voici.",
                    "Reprenez-la où vous l’aviez laissée ; elle est enregistrée au fur et à mesure.").flash(redirect);
            return "redirect:/portail/candidatures/" + existing.getId() + "/formulaire";
        }
        Application draft = applications.createDraft(campaignId, structureId, new ApplicationService.Draft(
                null, null, null, null, null, 1, List.of()));
        Notice.success("Brouillon " + draft.getReference() + " créé.",
                "Remplissez maintenant le formulaire : il est enregistré au fur et à mesure, vous pouvez le "
                        + "reprendre plus tard. Vous le relirez avant de le déposer.").flash(redirect);
        return "redirect:/portail/candidatures/" + draft.getId() + "/formulaire";
    }
}
