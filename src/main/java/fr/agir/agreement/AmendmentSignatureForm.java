package fr.agir.agreement;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/** The avenant's signature: the one-time code received by e-mail and the explicit consent. */
public class AmendmentSignatureForm {
    @NotBlank(message = "Saisissez le code à 6 chiffres reçu par e-mail")
    private String code;

    @AssertTrue(message = AmendmentService.CONSENT_MISSING)
    private boolean accord;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isAccord() { return accord; }
    public void setAccord(boolean accord) { this.accord = accord; }
}
