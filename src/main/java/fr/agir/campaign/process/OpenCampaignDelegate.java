package fr.agir.campaign.process;

import fr.agir.campaign.CampaignService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("openCampaignDelegate")
public class OpenCampaignDelegate implements JavaDelegate {
    private final CampaignService campaigns;

    public OpenCampaignDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.open((Long) execution.getVariable("campaignId"));
    }
}
