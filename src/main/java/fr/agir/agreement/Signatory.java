package fr.agir.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who signs the Département's acts in the name of the President (agir.signatory.*): printed at the
 * foot of the arrêté attributif.
 */
@Component
@ConfigurationProperties(prefix = "agir.signatory")
public class Signatory {
    /** The signatory's name, e.g. the President or the elected member with delegation. */
    private String name = "Le Président du Conseil départemental de la Seine-Saint-Denis";
    /** The signatory's title, as printed under the name. */
    private String title = "";
    /** Whether the signatory signs by delegation of the President ("Pour le Président et par délégation"). */
    private boolean delegation = false;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public boolean isDelegation() { return delegation; }
    public void setDelegation(boolean delegation) { this.delegation = delegation; }

    /** A letter's close: the courtesy formula, then "par délégation" if so, the signatory's name and title. */
    public fr.agir.shared.PdfDocumentBuilder closeLetter(fr.agir.shared.PdfDocumentBuilder pdf) {
        pdf.paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.")
                .paragraph(" ");
        if (delegation) {
            pdf.paragraph("Pour le Président du Conseil départemental et par délégation,");
        }
        return pdf.paragraph(name + (title == null || title.isBlank() ? "" : "\n" + title));
    }
}
