package fr.agir.agreement;

import jakarta.validation.constraints.AssertTrue;

/** The signature's explicit consent: the legal representative ticks the box, or nothing is signed. */
public class AgreementSignatureForm {
    @AssertTrue(message = "Cochez la case pour signer la convention : c'est votre accord au nom de la structure")
    private boolean accord;

    public boolean isAccord() { return accord; }
    public void setAccord(boolean accord) { this.accord = accord; }
}
