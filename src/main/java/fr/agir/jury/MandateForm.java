package fr.agir.jury;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A mandate the member declares; SIREN and RNA are checked by {@link ConflictService}. */
public class MandateForm {
    @NotBlank(message = "Nom de l'organisme manquant")
    @Size(max = 200, message = "Au plus 200 caractères")
    private String organisation;
    private String siren;
    private String rna;
    @NotBlank(message = "Fonction manquante")
    @Size(max = 200, message = "Au plus 200 caractères")
    private String role;

    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getSiren() { return siren; }
    public void setSiren(String siren) { this.siren = siren; }
    public String getRna() { return rna; }
    public void setRna(String rna) { this.rna = rna; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
