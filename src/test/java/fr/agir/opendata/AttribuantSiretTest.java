package fr.agir.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the SCDL files may be published, from the granting authority's SIRET (agir.open-data.attribuant-siret). */
class AttribuantSiretTest {
    /** A well-formed SIRET: a SIREN and an establishment number, each with its Luhn key. */
    private static final String VALID = "22930001700006";

    @Test
    void aValidSiretIsPublishedEverywhere() {
        assertThat(ScdlSubsidies.refusal(VALID, false)).isEmpty();
        assertThat(ScdlSubsidies.refusal(VALID, true)).isEmpty();
    }

    @Test
    void thePlaceholderIsPublishedInDevelopmentOnly() {
        assertThat(ScdlSubsidies.refusal(ScdlSubsidies.PLACEHOLDER_SIRET, true)).isEmpty();
        assertThat(ScdlSubsidies.refusal(ScdlSubsidies.PLACEHOLDER_SIRET, false)).get().asString()
                .contains("placeholder");
    }

    @Test
    void aWrongKeyOrAnythingButFourteenDigitsIsNeverPublished() {
        String wrongKey = VALID.substring(0, 13) + (char) ('0' + (VALID.charAt(13) - '0' + 1) % 10);
        for (boolean development : new boolean[] {true, false}) {
            assertThat(ScdlSubsidies.refusal(wrongKey, development)).get().asString().contains("Luhn");
            assertThat(ScdlSubsidies.refusal("1234567890123", development)).get().asString().contains("14 digits");
            assertThat(ScdlSubsidies.refusal("", development)).isPresent();
            assertThat(ScdlSubsidies.refusal(null, development)).isPresent();
            assertThat(ScdlSubsidies.refusal("2293 0001 9000 1", development)).isPresent();
        }
    }

    @Test
    void everyColumnIsExplainedOnThePage() {
        assertThat(ScdlSubsidies.COLUMN_MEANINGS).hasSameSizeAs(ScdlSubsidies.COLUMNS).doesNotContainNull();
    }
}
