package fr.agir.vote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The form objects of the Commission permanente's pages (bound by {@link CommissionPages}). */
public final class CommissionForms {
    private CommissionForms() {
    }

    public static class NewSitting {
        private String campaignId;
        private String number;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate sittingDate;

        public String getCampaignId() { return campaignId; }
        public void setCampaignId(String campaignId) { this.campaignId = campaignId; }
        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public LocalDate getSittingDate() { return sittingDate; }
        public void setSittingDate(LocalDate sittingDate) { this.sittingDate = sittingDate; }
    }

    /** A duration and amounts per year, as typed (amounts are parsed in French by the controller). */
    public static class Amounts {
        private Integer durationYears;
        private String amountYear1;
        private String amountYear2;

        public Integer getDurationYears() { return durationYears; }
        public void setDurationYears(Integer durationYears) { this.durationYears = durationYears; }
        public String getAmountYear1() { return amountYear1; }
        public void setAmountYear1(String amountYear1) { this.amountYear1 = amountYear1; }
        public String getAmountYear2() { return amountYear2; }
        public void setAmountYear2(String amountYear2) { this.amountYear2 = amountYear2; }
    }

    public static class Adjustment extends Amounts {
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** One exception to "adopted as proposed": the application's reference and what the Commission decided. */
    public static class ExceptionRow extends Amounts {
        private String reference;
        private String outcome;
        private String motivation;

        public boolean isBlank() {
            return (reference == null || reference.isBlank()) && (outcome == null || outcome.isBlank());
        }

        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getMotivation() { return motivation; }
        public void setMotivation(String motivation) { this.motivation = motivation; }
    }

    public static class Vote {
        private String deliberationNumber;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate deliberationDate;
        private List<ExceptionRow> rows = new ArrayList<>();
        /** "applicationId:memberId" for each member who stepped aside on a line. */
        private List<String> recusals = new ArrayList<>();

        public String getDeliberationNumber() { return deliberationNumber; }
        public void setDeliberationNumber(String deliberationNumber) { this.deliberationNumber = deliberationNumber; }
        public LocalDate getDeliberationDate() { return deliberationDate; }
        public void setDeliberationDate(LocalDate deliberationDate) { this.deliberationDate = deliberationDate; }
        public List<ExceptionRow> getRows() { return rows; }
        public void setRows(List<ExceptionRow> rows) { this.rows = rows; }
        public List<String> getRecusals() { return recusals; }
        public void setRecusals(List<String> recusals) { this.recusals = recusals; }
    }

    public static class Member {
        private String fullName;

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
    }

    public static class Link {
        private String memberId;
        private String siretOrRna;
        private String kind;
        private String description;

        public String getMemberId() { return memberId; }
        public void setMemberId(String memberId) { this.memberId = memberId; }
        public String getSiretOrRna() { return siretOrRna; }
        public void setSiretOrRna(String siretOrRna) { this.siretOrRna = siretOrRna; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }
}
