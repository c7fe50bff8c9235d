package fr.agir.structure;

import static fr.agir.structure.Ept.EST_ENSEMBLE;
import static fr.agir.structure.Ept.GRAND_PARIS_GRAND_EST;
import static fr.agir.structure.Ept.PARIS_TERRES_D_ENVOL;
import static fr.agir.structure.Ept.PLAINE_COMMUNE;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The 40 communes of Seine-Saint-Denis (93), with their INSEE code, postal codes and EPT. Pierrefitte-sur-Seine
 * merged into Saint-Denis on 1 January 2025 (commune nouvelle, INSEE 93066); it stays listed under its own name
 * because structures' statuts and addresses still use it, and it maps to the same EPT.
 */
public enum Commune {
    AUBERVILLIERS("93001", "Aubervilliers", PLAINE_COMMUNE, "93300"),
    EPINAY_SUR_SEINE("93031", "Épinay-sur-Seine", PLAINE_COMMUNE, "93800"),
    LA_COURNEUVE("93027", "La Courneuve", PLAINE_COMMUNE, "93120"),
    L_ILE_SAINT_DENIS("93039", "L'Île-Saint-Denis", PLAINE_COMMUNE, "93450"),
    PIERREFITTE_SUR_SEINE("93059", "Pierrefitte-sur-Seine", PLAINE_COMMUNE, "93380"),
    SAINT_DENIS("93066", "Saint-Denis", PLAINE_COMMUNE, "93200", "93210"),
    SAINT_OUEN_SUR_SEINE("93070", "Saint-Ouen-sur-Seine", PLAINE_COMMUNE, "93400"),
    STAINS("93072", "Stains", PLAINE_COMMUNE, "93240"),
    VILLETANEUSE("93079", "Villetaneuse", PLAINE_COMMUNE, "93430"),

    AULNAY_SOUS_BOIS("93005", "Aulnay-sous-Bois", PARIS_TERRES_D_ENVOL, "93600"),
    LE_BLANC_MESNIL("93007", "Le Blanc-Mesnil", PARIS_TERRES_D_ENVOL, "93150"),
    LE_BOURGET("93013", "Le Bourget", PARIS_TERRES_D_ENVOL, "93350"),
    DRANCY("93029", "Drancy", PARIS_TERRES_D_ENVOL, "93700"),
    DUGNY("93030", "Dugny", PARIS_TERRES_D_ENVOL, "93440"),
    SEVRAN("93071", "Sevran", PARIS_TERRES_D_ENVOL, "93270"),
    TREMBLAY_EN_FRANCE("93073", "Tremblay-en-France", PARIS_TERRES_D_ENVOL, "93290"),
    VILLEPINTE("93078", "Villepinte", PARIS_TERRES_D_ENVOL, "93420"),

    BAGNOLET("93006", "Bagnolet", EST_ENSEMBLE, "93170"),
    BOBIGNY("93008", "Bobigny", EST_ENSEMBLE, "93000"),
    BONDY("93010", "Bondy", EST_ENSEMBLE, "93140"),
    LES_LILAS("93045", "Les Lilas", EST_ENSEMBLE, "93260"),
    MONTREUIL("93048", "Montreuil", EST_ENSEMBLE, "93100"),
    NOISY_LE_SEC("93053", "Noisy-le-Sec", EST_ENSEMBLE, "93130"),
    PANTIN("93055", "Pantin", EST_ENSEMBLE, "93500"),
    LE_PRE_SAINT_GERVAIS("93061", "Le Pré-Saint-Gervais", EST_ENSEMBLE, "93310"),
    ROMAINVILLE("93063", "Romainville", EST_ENSEMBLE, "93230"),

    CLICHY_SOUS_BOIS("93014", "Clichy-sous-Bois", GRAND_PARIS_GRAND_EST, "93390"),
    COUBRON("93015", "Coubron", GRAND_PARIS_GRAND_EST, "93470"),
    GAGNY("93032", "Gagny", GRAND_PARIS_GRAND_EST, "93220"),
    GOURNAY_SUR_MARNE("93033", "Gournay-sur-Marne", GRAND_PARIS_GRAND_EST, "93460"),
    LIVRY_GARGAN("93046", "Livry-Gargan", GRAND_PARIS_GRAND_EST, "93190"),
    MONTFERMEIL("93047", "Montfermeil", GRAND_PARIS_GRAND_EST, "93370"),
    NEUILLY_PLAISANCE("93049", "Neuilly-Plaisance", GRAND_PARIS_GRAND_EST, "93360"),
    NEUILLY_SUR_MARNE("93050", "Neuilly-sur-Marne", GRAND_PARIS_GRAND_EST, "93330"),
    NOISY_LE_GRAND("93051", "Noisy-le-Grand", GRAND_PARIS_GRAND_EST, "93160"),
    LES_PAVILLONS_SOUS_BOIS("93057", "Les Pavillons-sous-Bois", GRAND_PARIS_GRAND_EST, "93320"),
    LE_RAINCY("93062", "Le Raincy", GRAND_PARIS_GRAND_EST, "93340"),
    ROSNY_SOUS_BOIS("93064", "Rosny-sous-Bois", GRAND_PARIS_GRAND_EST, "93110"),
    VAUJOURS("93074", "Vaujours", GRAND_PARIS_GRAND_EST, "93410"),
    VILLEMOMBLE("93077", "Villemomble", GRAND_PARIS_GRAND_EST, "93250");

    private final String insee;
    private final String label;
    private final Ept ept;
    private final Set<String> postalCodes;

    Commune(String insee, String label, Ept ept, String... postalCodes) {
        this.insee = insee;
        this.label = label;
        this.ept = ept;
        this.postalCodes = Set.of(postalCodes);
    }

    public String insee() { return insee; }
    public String label() { return label; }
    public Ept ept() { return ept; }
    public Set<String> postalCodes() { return postalCodes; }

    /** By INSEE code ("93048") or by name, ignoring case, accents, hyphens and apostrophes ("saint ouen sur seine"). */
    public static Optional<Commune> find(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = simplify(codeOrName);
        return Arrays.stream(values())
                .filter(c -> c.insee.equals(codeOrName.strip()) || simplify(c.label).equals(wanted)
                        || c.name().equals(codeOrName.strip()))
                .findFirst();
    }

    /** The communes sorted by name, for a select list. */
    public static List<Commune> byName() {
        return Arrays.stream(values()).sorted((a, b) -> simplify(a.label).compareTo(simplify(b.label))).toList();
    }

    private static String simplify(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
