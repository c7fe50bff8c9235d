package fr.agir.agreement;

import jakarta.validation.constraints.Size;

/** The instructor's avenant form: amounts per year as typed in French ("12 500"), duration, object, reason, RIB. */
public class AmendmentForm {
    private Integer durationYears;
    private String amountYear1;
    private String amountYear2;
    @Size(max = AmendmentService.MAX_TEXT, message = "Au plus 2000 caractères")
    private String object;
    @Size(max = AmendmentService.MAX_TEXT, message = "Au plus 2000 caractères")
    private String reason;
    private boolean bankDetailsChanged;

    public Integer getDurationYears() { return durationYears; }
    public void setDurationYears(Integer durationYears) { this.durationYears = durationYears; }
    public String getAmountYear1() { return amountYear1; }
    public void setAmountYear1(String amountYear1) { this.amountYear1 = amountYear1; }
    public String getAmountYear2() { return amountYear2; }
    public void setAmountYear2(String amountYear2) { this.amountYear2 = amountYear2; }
    public String getObject() { return object; }
    public void setObject(String object) { this.object = object; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isBankDetailsChanged() { return bankDetailsChanged; }
    public void setBankDetailsChanged(boolean bankDetailsChanged) { this.bankDetailsChanged = bankDetailsChanged; }
}
