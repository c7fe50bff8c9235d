package fr.agir.agreement;

import fr.agir.shared.TextTemplate;
import fr.agir.shared.TextTemplate.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The wording of the convention pluriannuelle d'objectifs: a plain-text {@link TextTemplate} the DIEESS
 * edits, shipped in {@code documents/convention-pluriannuelle.txt} and replaced by the file named in
 * {@code agir.agreement.template} (e.g. {@code file:/etc/agir/cpo.txt}). Checked at startup against
 * {@link #VOCABULARY}: a file with an unknown placeholder stops the application with the name and line.
 * A file on disk is read again when it changes; a changed file that is refused leaves the last valid
 * wording in use, with an error in the log naming the mistake.
 */
@Component
public class AgreementTemplate {
    private static final Logger log = LoggerFactory.getLogger(AgreementTemplate.class);

    /** Every datum the template may use, and its kind; the README lists them for the DIEESS. */
    public static final Map<String, Kind> VOCABULARY = vocabulary();

    private final Resource resource;
    private final String location;
    private volatile TextTemplate template;
    private volatile long lastModified;

    public AgreementTemplate(
            @Value("${agir.agreement.template:classpath:documents/convention-pluriannuelle.txt}") String location,
            ResourceLoader loader) {
        this.location = location;
        this.resource = loader.getResource(location);
        this.lastModified = modified();
        this.template = read();
        log.info("Modèle de convention : {}", location);
    }

    /** The template in force: read again first when its file changed since. */
    public TextTemplate current() {
        long modified = modified();
        if (modified != lastModified) {
            synchronized (this) {
                if (modified != lastModified) {
                    lastModified = modified;
                    try {
                        template = read();
                        log.info("Modèle de convention relu : {}", location);
                    } catch (RuntimeException e) {
                        log.error("Modèle de convention modifié refusé, l'ancien reste en vigueur : {}", e.getMessage());
                    }
                }
            }
        }
        return template;
    }

    private TextTemplate read() {
        try (InputStream in = resource.getInputStream()) {
            return TextTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), VOCABULARY,
                    "Modèle de convention " + location);
        } catch (IOException e) {
            throw new UncheckedIOException("Modèle de convention illisible (agir.agreement.template = " + location + ")",
                    e);
        }
    }

    private long modified() {
        try {
            return resource.isFile() ? resource.lastModified() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, Kind> vocabulary() {
        Map<String, Kind> names = new LinkedHashMap<>();
        for (String text : new String[] {
                "convention.numero", "convention.date", "convention.duree", "convention.premiere_annee",
                "convention.derniere_annee", "dossier.reference", "dossier.date_depot", "appel.nom",
                "departement.adresse", "departement.signataire", "departement.signataire.qualite",
                "deliberation.numero", "deliberation.date",
                "structure.nom", "structure.forme_juridique", "structure.siret", "structure.rna", "structure.siege",
                "structure.representant", "structure.iban", "structure.bic",
                "projet.titre", "projet.description", "projet.thematique", "projet.public", "projet.territoire",
                "montant.total", "montant.total_lettres", "versement.avance_pourcentage",
                "annee1.exercice", "annee1.montant", "annee1.montant_lettres", "annee1.avance", "annee1.solde",
                "annee2.exercice", "annee2.montant", "annee2.montant_lettres", "annee2.avance", "annee2.solde",
                "tribunal", "signature.structure", "signature.departement", "signature.portee"}) {
            names.put(text, Kind.TEXT);
        }
        names.put("convention.pluriannuelle", Kind.CONDITION);
        names.put("departement.delegation", Kind.CONDITION);
        names.put("tableau.montants", Kind.TABLE);
        return java.util.Collections.unmodifiableMap(names);
    }
}
