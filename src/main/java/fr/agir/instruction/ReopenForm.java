package fr.agir.instruction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an inadmissible application goes back to the completeness check. */
public class ReopenForm {
    @NotBlank(message = "Motivez la réouverture : elle est tracée")
    @Size(max = 900, message = "Au plus 900 caractères")
    private String reopenReason;

    public String getReopenReason() { return reopenReason; }
    public void setReopenReason(String reopenReason) { this.reopenReason = reopenReason; }
}
