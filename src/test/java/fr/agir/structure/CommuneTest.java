package fr.agir.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommuneTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "93066, PLAINE_COMMUNE",               // Saint-Denis by INSEE code
            "Aubervilliers, PLAINE_COMMUNE",
            "saint ouen sur seine, PLAINE_COMMUNE", // no hyphens, lower case
            "L'Île-Saint-Denis, PLAINE_COMMUNE",
            "l ile saint denis, PLAINE_COMMUNE",    // no accent, no apostrophe
            "Pierrefitte-sur-Seine, PLAINE_COMMUNE", // merged into Saint-Denis in 2025
            "93005, PARIS_TERRES_D_ENVOL",          // Aulnay-sous-Bois
            "Tremblay-en-France, PARIS_TERRES_D_ENVOL",
            "Le Bourget, PARIS_TERRES_D_ENVOL",
            "Montreuil, EST_ENSEMBLE",
            "93008, EST_ENSEMBLE",                  // Bobigny
            "Le Pré-Saint-Gervais, EST_ENSEMBLE",
            "Noisy-le-Grand, GRAND_PARIS_GRAND_EST",
            "Noisy-le-Sec, EST_ENSEMBLE",           // not to be confused with Noisy-le-Grand
            "93015, GRAND_PARIS_GRAND_EST",         // Coubron
            "Les Pavillons-sous-Bois, GRAND_PARIS_GRAND_EST"})
    void eachCommuneMapsToItsEpt(String codeOrName, Ept ept) {
        assertThat(Commune.find(codeOrName)).map(Commune::ept).contains(ept);
    }

    @ParameterizedTest(name = "{0} is not a commune of Seine-Saint-Denis")
    @CsvSource({"Paris", "75056", "Vincennes", "94080", "Saint-Denis-de-la-Réunion", "''", "9306"})
    void communesOutsideTheDepartementAreUnknown(String codeOrName) {
        assertThat(Commune.find(codeOrName)).isEmpty();
    }

    @Test
    void theFortyCommunesAreSharedBetweenTheFourEpts() {
        Map<Ept, Integer> count = new EnumMap<>(Ept.class);
        Arrays.stream(Commune.values()).forEach(c -> count.merge(c.ept(), 1, Integer::sum));
        assertThat(Commune.values()).hasSize(40);
        assertThat(count).containsExactlyInAnyOrderEntriesOf(Map.of(Ept.PLAINE_COMMUNE, 9,
                Ept.PARIS_TERRES_D_ENVOL, 8, Ept.EST_ENSEMBLE, 9, Ept.GRAND_PARIS_GRAND_EST, 14));
    }

    @Test
    void inseeCodesAndPostalCodesAreThoseOfTheDepartement() {
        Set<String> insee = new HashSet<>();
        for (Commune c : Commune.values()) {
            assertThat(c.insee()).matches("93\\d{3}");
            assertThat(insee.add(c.insee())).as("INSEE %s once", c.insee()).isTrue();
            assertThat(c.postalCodes()).allMatch(p -> p.matches("93\\d{3}"));
        }
        assertThat(Commune.SAINT_DENIS.postalCodes()).containsExactlyInAnyOrder("93200", "93210");
    }
}
