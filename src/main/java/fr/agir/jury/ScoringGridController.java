package fr.agir.jury;

import fr.agir.campaign.CampaignService;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
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

/** A campaign's scoring grid, edited by the DIEESS: saving a frozen grid makes its next version. */
@Controller
public class ScoringGridController {
    private static final String PATH = SecretariatPages.BASE + "/campagnes/{id}/grille";

    private final ScoringGridService grids;
    private final CampaignService campaigns;

    public ScoringGridController(ScoringGridService grids, CampaignService campaigns) {
        this.grids = grids;
        this.campaigns = campaigns;
    }

    @GetMapping(PATH)
    public String grid(@PathVariable Long id, Model model) {
        ScoringGrid grid = grids.current(id).orElse(null);
        model.addAttribute("form", ScoringGridForm.of(grid));
        return page(id, grid, model);
    }

    /** Saves the grid; "Ajouter un critère" shows the form again with one more criterion, nothing saved. */
    @PostMapping(PATH)
    public String save(@PathVariable Long id, @Valid @ModelAttribute("form") ScoringGridForm form, BindingResult result,
                       @RequestParam(required = false) String action, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        ScoringGrid current = grids.current(id).orElse(null);
        if (!result.hasErrors()) {
            form.dropRemoved();
        }
        if ("ajouter".equals(action)) {
            form.addCriterion();
            form.fitAnchors();
            model.addAttribute("added", form.getCriteria().size());
            return page(id, current, model);
        }
        if (!result.hasErrors()) {
            try {
                ScoringGrid saved = grids.save(id, form.toInput());
                int n = saved.getCriteria().size();
                Notice.success("La grille est enregistrée : version " + saved.getGridVersion() + ", " + n
                                + (n > 1 ? " critères." : " critère."),
                        "Elle sera figée à l'ouverture de la notation d'une séance de la campagne ; ensuite, "
                                + "l'enregistrer crée la version suivante.",
                        Notice.link(SecretariatPages.BASE, "Revenir aux séances de jury")).flash(redirect);
                return SecretariatPages.seeOther(request, SecretariatPages.BASE + "/campagnes/" + id + "/grille");
            } catch (DomainException e) {
                FormErrors.add(result, e);
                response.setStatus(e.httpStatus());
                form.fitAnchors();
                return page(id, current, model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        form.fitAnchors();
        return page(id, current, model);
    }

    private String page(Long campaignId, ScoringGrid grid, Model model) {
        model.addAttribute("campaign", campaigns.get(campaignId));
        model.addAttribute("grid", grid);
        return "jury/secretariat/grid";
    }
}
