package fr.agir.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself (it must refuse what the schema refuses) and the SCDL row's small rules. */
class TableSchemaCheckTest {
    private static final TableSchemaCheck SCDL = TableSchemaCheck.fromResource("/scdl/subventions-2.1.1.schema.json");
    private static final String HEADER = String.join(",", ScdlSubsidies.COLUMNS) + "\r\n";

    @Test
    void aValidFileHasNoViolation() {
        String csv = HEADER + "Département X,12345678901234,2027-03-15,CP-2027-01,\"Les \"\"Amis\"\", du quartier\","
                + "98765432109876,W931234567,\"Projet, avec virgule\",27000.00,aide en numéraire,échelonné,"
                + "2027-04-01/2027-09-10,,non,0.54,\r\n";
        assertThat(SCDL.violations(csv)).isEmpty();
        assertThat(TableSchemaCheck.parse(csv).get(1).get(4)).isEqualTo("Les \"Amis\", du quartier");
    }

    @Test
    void everyBrokenConstraintIsReported() {
        String csv = HEADER + "Département X,1234,15/03/2027,,,,W12,"
                + "x".repeat(257) + ",27000,aide,plusieurs,2027,,nope,1.5,\r\n"
                + "too,few\r\n";
        List<String> v = SCDL.violations(csv);
        assertThat(String.join("\n", v)).contains("idAttribuant", "dateConvention", "nomBeneficiaire", "rnaBeneficiaire",
                "objet", "nature", "conditionsVersement", "datesPeriodeVersement", "notificationUE",
                "pourcentageSubvention", "ligne 3 : 2 cellules");
        assertThat(SCDL.violations(HEADER + "a,12345678901234,2027-01-01,,b,,,c,1.00,aide en numéraire,unique,2027-01-01,,non,0.5,\r\n"))
                .singleElement().asString().contains("idBeneficiaire ou rnaBeneficiaire");
        assertThat(SCDL.violations("montant,nomAttribuant\r\n")).singleElement().asString().startsWith("en-tête");
        assertThat(SCDL.violations(HEADER + "a\"b\r\n")).singleElement().asString().startsWith("CSV");
        assertThat(SCDL.violations(HEADER + "a,12345678901234,2027-02-30,,b,12345678901234,,c,1.5,aide en numéraire,"
                + "unique,2027-01-01,,non,0.5,\r\n")).singleElement().asString().contains("date impossible");
    }

    @Test
    void theRowsSmallRules() {
        assertThat(ScdlSubsidies.percentage(new BigDecimal("27000.00"), new BigDecimal("50000.00"))).isEqualByComparingTo("0.54");
        assertThat(ScdlSubsidies.percentage(new BigDecimal("10.00"), new BigDecimal("100000.00"))).isEqualByComparingTo("0.01");
        assertThat(ScdlSubsidies.percentage(new BigDecimal("5000.00"), null)).isEqualByComparingTo("1.00");
        assertThat(ScdlSubsidies.percentage(new BigDecimal("5000.00"), new BigDecimal("4000.00"))).isEqualByComparingTo("1.00");
        assertThat(ScdlSubsidies.period(2027, null, null)).isEqualTo("2027-01-01/2027-12-31");
        Timestamp april = Timestamp.from(Instant.parse("2027-04-01T08:00:00Z"));
        assertThat(ScdlSubsidies.period(2027, april, april)).isEqualTo("2027-04-01");
        assertThat(ScdlSubsidies.objet("a\nb   c")).isEqualTo("a b c");
        assertThat(ScdlSubsidies.objet("é".repeat(300))).hasSize(255);
        assertThat(ScdlSubsidies.line(List.of("a,b", "c\"d", "e"))).isEqualTo("\"a,b\",\"c\"\"d\",e\r\n");
    }
}
