package fr.agir.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

    @ParameterizedTest(name = "SIRET {0} valid: {1}")
    @CsvSource({
            // Public identifiers of real establishments.
            "73282932000074, true",   // Google France, Paris
            "35600000000048, true",   // La Poste, head office (Luhn)
            "35600000049837, true",   // La Poste establishment: digit sum divisible by 5, not Luhn
            "35600000049838, false",  // La Poste, wrong check
            "73282932000075, false",  // one digit off
            "89312345600012, false",  // the SIRET's key is right, its SIREN's (893123456) is not
            "7328293200007, false",   // 13 digits
            "7328293200007A, false",  // a letter
            "'', false"})
    void siretFollowsLuhnAndTheLaPosteRule(String siret, boolean valid) {
        assertThat(Identifiers.isValidSiret(siret)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"732829320, true", "356000000, true", "732829321, false", "12345678, false"})
    void sirenIsNineDigitsWithLuhn(String siren, boolean valid) {
        assertThat(Identifiers.isValidSiren(siren)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"W931234567, true", "W123456789, true", "w931234567, false", "W93123456, false",
            "X931234567, false", "W9312345678, false"})
    void rnaIsAWAndNineDigits(String rna, boolean valid) {
        assertThat(Identifiers.isValidRna(rna)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "FR7630006000011234567890189, true",
            "FR76 3000 6000 0112 3456 7890 189, true",   // spaces as printed on a RIB
            "fr7630006000011234567890189, true",
            "FR7630006000011234567890188, false",        // wrong key
            "FR763000600001123456789018, false",         // a French IBAN has 27 characters
            "DE89370400440532013000, true",              // German IBAN, 22 characters
            "GB82WEST12345698765432, true"})
    void ibanChecksMod97AndTheFrenchLength(String iban, boolean valid) {
        assertThat(Identifiers.isValidIban(iban)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"AGRIFRPP, true", "BNPAFRPPXXX, true", "AGRIFRP, false", "AGRIFRPPXX, false", "1GRIFRPP, false"})
    void bicHasEightOrElevenCharacters(String bic, boolean valid) {
        assertThat(Identifiers.isValidBic(bic)).isEqualTo(valid);
    }
}
