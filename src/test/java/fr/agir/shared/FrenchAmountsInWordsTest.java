package fr.agir.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts in words as the decision letters print them (ICU's French spellout). */
class FrenchAmountsInWordsTest {

    private static String words(String amount) {
        return French.euros(new BigDecimal(amount));
    }

    @Test
    void theTrickyFrenchNumbersReadAsFrenchWritesThem() {
        assertThat(words("1")).isEqualTo("un euro");
        assertThat(words("71")).isEqualTo("soixante-et-onze euros");
        assertThat(words("80")).isEqualTo("quatre-vingts euros");
        assertThat(words("81")).isEqualTo("quatre-vingt-un euros");
        assertThat(words("200")).isEqualTo("deux cents euros");
        assertThat(words("201")).isEqualTo("deux cent un euros");
        assertThat(words("1000")).isEqualTo("mille euros");
        assertThat(words("21500")).isEqualTo("vingt-et-un mille cinq cents euros");
        assertThat(words("23000.00")).isEqualTo("vingt-trois mille euros");
    }

    @Test
    void roundMillionsTakeDeAndOthersDoNot() {
        assertThat(words("1000000")).isEqualTo("un million d'euros");
        assertThat(words("2000000.00")).isEqualTo("deux millions d'euros");
        assertThat(words("1500000")).isEqualTo("un million cinq cent mille euros");
    }

    @Test
    void centsAreWrittenAfterTheEuros() {
        assertThat(words("15000.50")).isEqualTo("quinze mille euros et cinquante centimes");
        assertThat(words("81.01")).isEqualTo("quatre-vingt-un euros et un centime");
        assertThat(words("0.80")).isEqualTo("zéro euro et quatre-vingts centimes");
        assertThat(words("12.345")).as("rounded to the cent").isEqualTo("douze euros et trente-cinq centimes");
    }

    @Test
    void figuresAndWordsGoTogether() {
        assertThat(French.eurosInFiguresAndWords(new BigDecimal("15000.00")).replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("15 000,00 € (quinze mille euros)");
    }
}
