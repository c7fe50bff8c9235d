package fr.agir.reporting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The instructor's decision on a report: the outcome, the recovery (typed the French way), the comments. */
public class ReviewForm {
    @NotBlank(message = "Choisissez une décision")
    private String outcome;
    private String recoveryAmount;
    @Size(max = 1000, message = "Au plus 1000 caractères")
    private String reason;

    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getRecoveryAmount() { return recoveryAmount; }
    public void setRecoveryAmount(String recoveryAmount) { this.recoveryAmount = recoveryAmount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
