package fr.agir.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bordereau's CSV as the finance software reads it (docs/PAYMENT-ORDERS.md). */
class PaymentOrderCsvTest {
    private static final fr.agir.payment.credit.CreditProperties.Imputation OPERATING =
            new fr.agir.payment.credit.CreditProperties.Imputation("65", "6574", "93");

    private static PaymentOrder order(int piece, String name, String amount, String iban, String bic) {
        return new PaymentOrder(1L, piece, 10L + piece, 20L, new BigDecimal(amount), name, "35600000000048", null,
                "1 rue de la Paix 93000 Bobigny", iban, bic, "Subvention Appel à Agir, Jardin partagé : avance de l'année 1",
                "CPO-2026-000007", "CP-2026-11-044 du 16/11/2026", "ADVANCE", OPERATING);
    }

    @Test
    void oneHeaderThenOneLinePerOrderWithExactAmountsUpperCaseBankDetailsAndTheImputation() {
        Bordereau b = new Bordereau(2026, 3, LocalDate.of(2026, 11, 30), "OPERATING", "finances1", Instant.EPOCH);
        String csv = PaymentOrderService.csv(b, List.of(order(20260001, "Les Amis", "1234.50", "fr76 3000 6000 0112 3456 7890 189", "agrifrpp"),
                order(20260002, "Quartiers Verts", "100000", "FR7630006000011234567890189", "AGRIFRPPXXX")));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(";", PaymentOrderService.COLUMNS));
        assertThat(lines[1].split(";", -1)).containsExactly("2026", "3", "2026-11-30", "F", "20260001", "1", "65", "6574",
                "93", "Subvention Appel à Agir, Jardin partagé : avance de l'année 1", "1234,50", "35600000000048", "SIRET",
                "Les Amis", "1 rue de la Paix 93000 Bobigny", "FR7630006000011234567890189", "AGRIFRPP", "Les Amis",
                "CPO-2026-000007", "CP-2026-11-044 du 16/11/2026", "avance CPO-2026-000007");
        assertThat(lines[2].split(";", -1)[10]).as("no thousands separator, two decimals").isEqualTo("100000,00");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)[0]).as("UTF-8 without BOM").isEqualTo((byte) 'e');
    }

    @Test
    void aFormulaInAStructuresNameIsNeutralised() {
        Bordereau b = new Bordereau(2026, 1, LocalDate.of(2026, 11, 30), "INVESTMENT", "finances1", Instant.EPOCH);
        String csv = PaymentOrderService.csv(b, List.of(order(20260009, "=HYPERLINK(\"http://x.example\",\"RIB\")", "10",
                "FR7630006000011234567890189", "AGRIFRPP")));
        String line = csv.split("\r\n")[1];
        assertThat(line).contains(";\"'=HYPERLINK(").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK")
                .startsWith("2026;1;2026-11-30;I;");
    }

    @Test
    void amountsHaveADecimalCommaAndNoThousandsSeparator() {
        assertThat(PaymentOrderService.amount(new BigDecimal("1234.5"))).isEqualTo("1234,50");
        assertThat(PaymentOrderService.amount(new BigDecimal("0.01"))).isEqualTo("0,01");
        assertThat(PaymentOrderService.amount(new BigDecimal("2500000"))).isEqualTo("2500000,00");
    }
}
