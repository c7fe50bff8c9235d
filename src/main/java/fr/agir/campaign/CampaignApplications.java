package fr.agir.campaign;

import java.util.Map;

/**
 * How many applications a campaign has, as the administration reads it (a change after opening is
 * limited once applications exist). Implemented by {@code application}, a later capability, and
 * reached through an {@code ObjectProvider}.
 */
public interface CampaignApplications {
    /** Drafts and submitted applications of the campaign. */
    long count(Long campaignId);

    /** Submitted applications (not drafts) per campaign id; a campaign without any is absent. */
    Map<Long, Long> submittedByCampaign();
}
