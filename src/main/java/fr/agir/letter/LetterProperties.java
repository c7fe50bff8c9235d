package fr.agir.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who signs the decision letters, by delegation of the President (agir.letters.*). The arrêté's own
 * signatory (agir.signatory.*) may be the President himself; these letters are always signed by
 * delegation ("Pour le Président du Conseil départemental et par délégation,").
 */
@Component
@ConfigurationProperties(prefix = "agir.letters")
public class LetterProperties {
    /** The name printed under the delegation. */
    private String signatoryName = "Nadia Benali";
    /** The title printed after the name; empty for none. */
    private String signatoryTitle = "Directrice de l'insertion, de l'emploi et de l'économie sociale et solidaire";

    public String getSignatoryName() { return signatoryName; }
    public void setSignatoryName(String signatoryName) { this.signatoryName = signatoryName; }
    public String getSignatoryTitle() { return signatoryTitle; }
    public void setSignatoryTitle(String signatoryTitle) { this.signatoryTitle = signatoryTitle; }
}
