package fr.agir.agreement;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/**
 * The signature: the one-time code received by e-mail and the explicit consent. The legal
 * representative types the code and ticks the box, or nothing is signed.
 */
public class AgreementSignatureForm {
    @NotBlank(message = "Saisissez le code à 6 chiffres reçu par e-mail")
    private String code;

    @AssertTrue(message = AgreementService.CONSENT_MISSING)
    private boolean accord;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isAccord() { return accord; }
    public void setAccord(boolean accord) { this.accord = accord; }
}
