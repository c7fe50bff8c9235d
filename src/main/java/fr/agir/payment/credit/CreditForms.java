package fr.agir.payment.credit;

import fr.agir.jury.SessionApplication;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The credits page's two forms: an AE with its imputation, a year's CP. Amounts as typed ("12 500,50"). */
public final class CreditForms {
    private CreditForms() {
    }

    public static class Ae {
        @NotNull(message = "Choisissez la campagne")
        private Long campaignId;
        @NotNull(message = "Choisissez la part : fonctionnement ou investissement")
        private SessionApplication.Nature part;
        @NotBlank(message = "Saisissez le montant de l'AE en euros, par exemple 1 200 000")
        @Size(max = 30, message = "Montant trop long")
        private String amount;
        @Size(max = 10, message = "10 caractères au plus")
        private String chapter;
        @Size(max = 10, message = "10 caractères au plus")
        private String article;
        @Size(max = 10, message = "10 caractères au plus")
        private String function;

        public Long getCampaignId() { return campaignId; }
        public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
        public SessionApplication.Nature getPart() { return part; }
        public void setPart(SessionApplication.Nature part) { this.part = part; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getChapter() { return chapter; }
        public void setChapter(String chapter) { this.chapter = chapter; }
        public String getArticle() { return article; }
        public void setArticle(String article) { this.article = article; }
        public String getFunction() { return function; }
        public void setFunction(String function) { this.function = function; }
    }

    public static class Cp {
        @NotNull(message = "Choisissez la campagne")
        private Long campaignId;
        @NotNull(message = "Choisissez la part : fonctionnement ou investissement")
        private SessionApplication.Nature part;
        @NotNull(message = "Saisissez l'exercice budgétaire, par exemple 2026")
        private Integer budgetYear;
        @NotBlank(message = "Saisissez le montant des CP en euros, par exemple 800 000")
        @Size(max = 30, message = "Montant trop long")
        private String amount;

        public Long getCampaignId() { return campaignId; }
        public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
        public SessionApplication.Nature getPart() { return part; }
        public void setPart(SessionApplication.Nature part) { this.part = part; }
        public Integer getBudgetYear() { return budgetYear; }
        public void setBudgetYear(Integer budgetYear) { this.budgetYear = budgetYear; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }
}
