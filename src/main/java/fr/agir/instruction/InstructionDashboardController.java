package fr.agir.instruction;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The processing times of a campaign's steps and the team's overdue tasks. */
@Controller
public class InstructionDashboardController {
    private final ProcessingTimes processingTimes;
    private final CampaignService campaigns;

    public InstructionDashboardController(ProcessingTimes processingTimes, CampaignService campaigns) {
        this.processingTimes = processingTimes;
        this.campaigns = campaigns;
    }

    @GetMapping("/instruction/tableau-de-bord")
    public String dashboard(@RequestParam(required = false) String campaignId, Model model) {
        List<Campaign> all = campaigns.all();
        // The latest campaign unless another is asked for (an unknown one falls back to it too).
        Campaign chosen = all.stream().filter(c -> String.valueOf(c.getId()).equals(campaignId)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        model.addAttribute("campaignOptions", Choices.campaigns(all));
        model.addAttribute("chosen", chosen);
        model.addAttribute("dashboard", chosen == null ? null : processingTimes.of(chosen.getId()));
        return "instruction/dashboard";
    }
}
