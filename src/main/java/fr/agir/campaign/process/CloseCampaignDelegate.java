package fr.agir.campaign.process;

import fr.agir.campaign.CampaignService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeCampaignDelegate")
public class CloseCampaignDelegate implements JavaDelegate {
    private final CampaignService campaigns;

    public CloseCampaignDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.close((Long) execution.getVariable("campaignId"));
    }
}
