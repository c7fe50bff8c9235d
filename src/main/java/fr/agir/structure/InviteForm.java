package fr.agir.structure;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The members page's invitation: the e-mail address of the person invited. */
public class InviteForm {
    @NotBlank(message = "Indiquez l'e-mail de la personne à inviter")
    @Size(max = 254, message = "Au plus 254 caractères")
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "E-mail invalide : il doit ressembler à nom@exemple.fr")
    private String email;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
