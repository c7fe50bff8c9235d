package fr.agir.payment.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.agir.shared.StateConflictException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditArithmeticTest {
    private static BigDecimal e(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void availableIsVotedMinusUsedAtTheCent() {
        assertThat(CreditArithmetic.available(e("12000"), e("3000.01"))).isEqualByComparingTo("8999.99");
        assertThat(CreditArithmetic.available(e("12000"), null)).isEqualByComparingTo("12000.00");
        assertThat(CreditArithmetic.available(e("12000"), e("12000.00"))).isEqualByComparingTo("0");
        assertThat(CreditArithmetic.available(e("12000"), e("3000")).scale()).isEqualTo(2);
    }

    @Test
    void exactlyWhatIsLeftFitsOneCentMoreDoesNot() {
        assertThat(CreditArithmetic.fits(e("27000.00"), e("0"), e("27000.00"))).isTrue();
        assertThat(CreditArithmetic.fits(e("26999.99"), e("0"), e("27000.00"))).isFalse();
        assertThat(CreditArithmetic.fits(e("50000"), e("23000.01"), e("27000"))).isFalse();
        assertThat(CreditArithmetic.fits(e("50000"), e("23000"), e("27000"))).isTrue();
        assertThat(CreditArithmetic.fits(e("0"), e("0"), e("0"))).as("nothing asked always fits").isTrue();
    }

    @Test
    void aRefusalNamesBothFiguresInFrench() {
        assertThatThrownBy(() -> CreditArithmetic.check("Autorisation d'engagement insuffisante (campagne X)",
                "AE disponible", "engagement", e("20000"), e("8000"), e("15000"), "Rien n'a été modifié."))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("Autorisation d'engagement insuffisante (campagne X) : AE disponible 12 000,00 €, "
                        + "engagement 15 000,00 €. Rien n'a été modifié.");
        assertThatCode(() -> CreditArithmetic.check("x", "AE disponible", "engagement", e("20000"), e("8000"),
                e("12000"), "")).doesNotThrowAnyException();
    }

    @Test
    void aCreditIsNeverLoweredBelowWhatIsUsed() {
        assertThatThrownBy(() -> CreditArithmetic.checkNotBelowUsed("L'AE (campagne X, fonctionnement)",
                e("26999.99"), e("27000"), "engagé"))
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("ne peut pas descendre à 26 999,99 €").hasMessageContaining("engagé 27 000,00 €");
        assertThatCode(() -> CreditArithmetic.checkNotBelowUsed("x", e("27000"), e("27000"), "engagé"))
                .doesNotThrowAnyException();
    }

    @Test
    void theChartsPercentagesStayBetweenZeroAndHundred() {
        assertThat(CreditArithmetic.percent(e("1"), e("3"))).isEqualTo(33);
        assertThat(CreditArithmetic.percent(e("2"), e("3"))).isEqualTo(67);
        assertThat(CreditArithmetic.percent(e("5"), e("0"))).isZero();
        assertThat(CreditArithmetic.percent(e("150"), e("100"))).isEqualTo(100);
        assertThat(CreditArithmetic.percent(null, e("100"))).isZero();
    }
}
