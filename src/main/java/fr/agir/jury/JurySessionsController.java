package fr.agir.jury;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The DIEESS's jury sessions: the list, the campaigns' grids, and creating a session. */
@Controller
public class JurySessionsController {
    private final JurySessionService sessions;
    private final JurySessionSetupService setup;
    private final CampaignService campaigns;

    public JurySessionsController(JurySessionService sessions, JurySessionSetupService setup,
                                  CampaignService campaigns) {
        this.sessions = sessions;
        this.setup = setup;
        this.campaigns = campaigns;
    }

    @GetMapping(SecretariatPages.BASE)
    public String list(@ModelAttribute("form") NewJurySessionForm form, Model model) {
        return page(model);
    }

    @PostMapping(SecretariatPages.BASE + "/seances")
    public String create(@Valid @ModelAttribute("form") NewJurySessionForm form, BindingResult result, Model model,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                JurySession s = setup.create(form.toNewSession());
                Notice.success("La séance « " + s.getName() + " » est créée.",
                        "Choisissez maintenant ses membres parmi les personnes qui ont le rôle de membre de jury, "
                                + "puis prenez les candidatures qui attendent le jury et répartissez-les.",
                        Notice.link(SecretariatPages.session(s.getId()) + "#membres", "Choisir les membres"))
                        .flash(redirect);
                return SecretariatPages.seeOther(request, SecretariatPages.session(s.getId()));
            } catch (DomainException e) {
                FormErrors.add(result, e);
                response.setStatus(e.httpStatus());
                return page(model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(model);
    }

    private String page(Model model) {
        List<Campaign> all = campaigns.all().stream()
                .sorted(Comparator.comparing(Campaign::getOpeningDate).reversed()).toList();
        Map<Long, String> campaignNames = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Campaign c : all) {
            campaignNames.put(c.getId(), c.getName());
            options.put(String.valueOf(c.getId()), c.getName() + " (" + c.getCode() + ")");
        }
        model.addAttribute("sessions", sessions.all());
        model.addAttribute("campaigns", all);
        model.addAttribute("campaignNames", campaignNames);
        model.addAttribute("campaignOptions", options);
        return "jury/secretariat/sessions";
    }
}
