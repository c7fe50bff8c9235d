package fr.agir.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdrawing a submitted application: the reason (kept in its history) and the confirmation step. */
public class WithdrawalForm {
    @NotBlank(message = "Indiquez pourquoi la structure retire sa candidature")
    @Size(max = 1000, message = "Au plus 1 000 caractères")
    private String reason;
    private boolean confirmed;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
