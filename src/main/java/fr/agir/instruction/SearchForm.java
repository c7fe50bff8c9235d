package fr.agir.instruction;

import fr.agir.application.ApplicationSearch;
import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.Thematic;
import fr.agir.structure.Ept;

/** The search of every application (GET): text (reference, structure name or SIRET) and filters. */
public class SearchForm {
    private String q;
    private Long campaignId;
    private ApplicationStatus status;
    private Thematic thematic;
    private Ept ept;
    private Integer page;

    ApplicationSearch.Criteria toCriteria() {
        return new ApplicationSearch.Criteria(q, campaignId, status, thematic, ept);
    }

    int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public ApplicationStatus getStatus() { return status; }
    public void setStatus(ApplicationStatus status) { this.status = status; }
    public Thematic getThematic() { return thematic; }
    public void setThematic(Thematic thematic) { this.thematic = thematic; }
    public Ept getEpt() { return ept; }
    public void setEpt(Ept ept) { this.ept = ept; }
    public Integer getPage() { return page; }
    public void setPage(Integer page) { this.page = page; }
}
