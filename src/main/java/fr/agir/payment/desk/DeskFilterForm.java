package fr.agir.payment.desk;

import java.math.BigDecimal;

/** The filters of /finances, as the GET form sends them; a value that does not parse is shown as an error. */
public class DeskFilterForm {
    private String onglet;
    private Long campaignId;
    private Integer budgetYear;
    private Integer grantYear;
    private BigDecimal minAmount;
    private BigDecimal maxAmount;
    private String delai;
    private String part;
    private Integer page;

    FinanceDesk.Tab tab() {
        return FinanceDesk.Tab.of(onglet);
    }

    FinanceDesk.Filter toFilter() {
        FinanceDesk.Delay delay = "proche".equals(delai) ? FinanceDesk.Delay.NEAR
                : "depasse".equals(delai) ? FinanceDesk.Delay.PAST : null;
        FinanceDesk.Part budgetPart = "fonctionnement".equals(part) ? FinanceDesk.Part.OPERATING
                : "investissement".equals(part) ? FinanceDesk.Part.INVESTMENT : null;
        return new FinanceDesk.Filter(campaignId, budgetYear, grantYear, minAmount, maxAmount, delay, budgetPart);
    }

    int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    public String getOnglet() { return onglet; }
    public void setOnglet(String onglet) { this.onglet = onglet; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Integer getBudgetYear() { return budgetYear; }
    public void setBudgetYear(Integer budgetYear) { this.budgetYear = budgetYear; }
    public Integer getGrantYear() { return grantYear; }
    public void setGrantYear(Integer grantYear) { this.grantYear = grantYear; }
    public BigDecimal getMinAmount() { return minAmount; }
    public void setMinAmount(BigDecimal minAmount) { this.minAmount = minAmount; }
    public BigDecimal getMaxAmount() { return maxAmount; }
    public void setMaxAmount(BigDecimal maxAmount) { this.maxAmount = maxAmount; }
    public String getDelai() { return delai; }
    public void setDelai(String delai) { this.delai = delai; }
    public String getPart() { return part; }
    public void setPart(String part) { this.part = part; }
    public Integer getPage() { return page; }
    public void setPage(Integer page) { this.page = page; }
}
