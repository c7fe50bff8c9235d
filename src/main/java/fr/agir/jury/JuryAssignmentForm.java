package fr.agir.jury;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change of the assignment made by hand: an application, a member, a reason, to give or to take back. */
public class JuryAssignmentForm {
    @NotNull(message = "Choisissez le dossier")
    private Long applicationId;
    @NotBlank(message = "Choisissez le membre")
    private String username;
    @NotBlank(message = "Indiquez le motif du changement : il est tracé")
    @Size(max = 500, message = "Au plus 500 caractères")
    private String reason;

    public Long getApplicationId() { return applicationId; }
    public void setApplicationId(Long applicationId) { this.applicationId = applicationId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
