package fr.agir.structure;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the registration page posts; identifiers, commune and bank details are checked by {@link StructureService}. */
public class StructureRegistrationForm {
    @NotBlank(message = "Indiquez le nom de la structure")
    @Size(max = 200, message = "Au plus 200 caractères")
    private String name;
    @NotNull(message = "Choisissez la forme juridique")
    private LegalForm legalForm;
    private String siret;
    private String rna;
    @Size(max = 300, message = "Au plus 300 caractères")
    private String addressLine;
    private String postalCode;
    private String commune;
    @NotBlank(message = "Indiquez le nom du représentant légal")
    @Size(max = 200, message = "Au plus 200 caractères")
    private String legalRepName;
    @NotBlank(message = "Indiquez l'e-mail du représentant légal")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "E-mail invalide : il doit ressembler à nom@exemple.fr")
    private String legalRepEmail;
    private String iban;
    private String bic;

    StructureService.Registration toRegistration() {
        return new StructureService.Registration(name, legalForm, siret, rna, addressLine, postalCode, commune,
                legalRepName, legalRepEmail == null ? null : legalRepEmail.strip(), iban, bic);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LegalForm getLegalForm() { return legalForm; }
    public void setLegalForm(LegalForm legalForm) { this.legalForm = legalForm; }
    public String getSiret() { return siret; }
    public void setSiret(String siret) { this.siret = siret; }
    public String getRna() { return rna; }
    public void setRna(String rna) { this.rna = rna; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCommune() { return commune; }
    public void setCommune(String commune) { this.commune = commune; }
    public String getLegalRepName() { return legalRepName; }
    public void setLegalRepName(String legalRepName) { this.legalRepName = legalRepName; }
    public String getLegalRepEmail() { return legalRepEmail; }
    public void setLegalRepEmail(String legalRepEmail) { this.legalRepEmail = legalRepEmail; }
    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban; }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic; }
}
