package fr.agir.instruction;

import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.Thematic;
import fr.agir.structure.Ept;
import java.math.BigDecimal;

/**
 * The queue's filters as the address carries them (GET): a value that cannot be read is a binding
 * error, shown next to its filter, and that filter is left out.
 */
public class QueueFilterForm {
    private Long campaignId;
    private Thematic thematic;
    private ApplicationStatus stage;
    private Ept ept;
    private BigDecimal minAmount;
    private BigDecimal maxAmount;
    private boolean overdue;
    private InstructionQueue.Assignment assignment;
    private InstructionQueue.Sort sort;
    private Integer page;

    InstructionQueue.Filter toFilter() {
        return new InstructionQueue.Filter(campaignId, thematic, stage, ept, minAmount, maxAmount, overdue, assignment,
                sort);
    }

    int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Thematic getThematic() { return thematic; }
    public void setThematic(Thematic thematic) { this.thematic = thematic; }
    public ApplicationStatus getStage() { return stage; }
    public void setStage(ApplicationStatus stage) { this.stage = stage; }
    public Ept getEpt() { return ept; }
    public void setEpt(Ept ept) { this.ept = ept; }
    public BigDecimal getMinAmount() { return minAmount; }
    public void setMinAmount(BigDecimal minAmount) { this.minAmount = minAmount; }
    public BigDecimal getMaxAmount() { return maxAmount; }
    public void setMaxAmount(BigDecimal maxAmount) { this.maxAmount = maxAmount; }
    public boolean isOverdue() { return overdue; }
    public void setOverdue(boolean overdue) { this.overdue = overdue; }
    public InstructionQueue.Assignment getAssignment() { return assignment; }
    public void setAssignment(InstructionQueue.Assignment assignment) { this.assignment = assignment; }
    public InstructionQueue.Sort getSort() { return sort; }
    public void setSort(InstructionQueue.Sort sort) { this.sort = sort; }
    public Integer getPage() { return page; }
    public void setPage(Integer page) { this.page = page; }
}
