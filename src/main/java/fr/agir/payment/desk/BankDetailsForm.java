package fr.agir.payment.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A structure's new bank details, declared with the new RIB piece of its case file. */
public class BankDetailsForm {
    @NotBlank(message = "Saisissez l'IBAN du nouveau compte")
    @Size(max = 50, message = "Au plus 50 caractères")
    private String iban;
    @NotBlank(message = "Saisissez le BIC du nouveau compte")
    @Size(max = 20, message = "Au plus 20 caractères")
    private String bic;

    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban; }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic; }
}
