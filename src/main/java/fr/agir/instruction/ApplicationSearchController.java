package fr.agir.instruction;

import fr.agir.application.ApplicationSearch;
import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.CampaignService;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Every application, not only the team's tasks: search by reference, structure name or SIRET, and filters. */
@Controller
public class ApplicationSearchController {
    private static final int PAGE_SIZE = 25;

    private final ApplicationSearch search;
    private final CampaignService campaigns;

    public ApplicationSearchController(ApplicationSearch search, CampaignService campaigns) {
        this.search = search;
        this.campaigns = campaigns;
    }

    @GetMapping("/instruction/candidatures")
    public String searchPage(@ModelAttribute("recherche") SearchForm form, BindingResult result,
                             @RequestParam Map<String, String> params, Model model) {
        Map<String, String> campaignOptions = Choices.campaigns(campaigns.all());
        Page<ApplicationSearch.Row> found = search.search(form.toCriteria(), form.pageNumber(), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("campaignOptions", campaignOptions);
        model.addAttribute("statusOptions", Choices.statuses(EnumSet.allOf(ApplicationStatus.class)));
        model.addAttribute("thematicOptions", Choices.thematics());
        model.addAttribute("eptOptions", Choices.epts());
        model.addAttribute("searching", params.keySet().stream().anyMatch(k -> !k.equals("page")
                && params.get(k) != null && !params.get(k).isBlank()));
        model.addAttribute("pageUrl", pageUrl(params));
        return "instruction/search";
    }

    /** The address of the same search without its page, ending with ? or &. */
    private static String pageUrl(Map<String, String> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/instruction/candidatures");
        params.forEach((k, v) -> {
            if (!k.equals("page") && v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        String url = uri.encode().build().toUriString();
        return url + (url.contains("?") ? "&" : "?");
    }
}
