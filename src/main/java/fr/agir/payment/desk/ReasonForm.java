package fr.agir.payment.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A return to liquidation, or a refused bank details change: the reason is required. */
public class ReasonForm {
    @NotBlank(message = "Indiquez le motif")
    @Size(max = 1000, message = "Au plus 1000 caractères")
    private String reason;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
