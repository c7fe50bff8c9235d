package fr.agir.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/legal-instrument.dmn, at its boundaries, on Camunda's DMN engine, with the thresholds as inputs. */
class LegalInstrumentDecisionTest {
    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(Path.of("bpmn/legal-instrument.dmn"))) {
            decision = dmn.parseDecision("legal-instrument", model);
        }
    }

    private static String instrument(int years, String largestYearly, String above, int fromYears) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("grantDurationYears", years);
        facts.put("largestYearlyGrant", new BigDecimal(largestYearly));
        facts.put("agreementAbove", new BigDecimal(above));
        facts.put("agreementFromYears", fromYears);
        return dmn.evaluateDecisionTable(decision, facts).getSingleEntry();
    }

    @ParameterizedTest(name = "{0} an(s), {1} € par an au plus → {2}")
    @CsvSource(delimiter = ';', value = {
            "1; 10000.00; ARRETE",
            "1; 22999.99; ARRETE",
            "1; 23000.00; ARRETE",
            "1; 23000.01; AGREEMENT",
            "1; 30000.00; AGREEMENT",
            "1; 0.01; ARRETE",
            "2; 1000.00; AGREEMENT",
            "2; 23000.00; AGREEMENT",
            "2; 45000.00; AGREEMENT"})
    void withTheDefaultThresholdsAnAgreementForTwoYearsOrAboveTwentyThreeThousandEurosAYear(
            int years, String largestYearly, String expected) {
        assertThat(instrument(years, largestYearly, "23000", 2)).isEqualTo(expected);
    }

    @Test
    void theThresholdsComeFromTheInputsNotFromTheTable() {
        // A lower amount threshold turns a 10 000 € grant into an agreement; the default keeps it an arrêté.
        assertThat(instrument(1, "10000.00", "5000", 2)).isEqualTo("AGREEMENT");
        assertThat(instrument(1, "10000.00", "23000", 2)).as("positive control").isEqualTo("ARRETE");
        // Agreements from 3 years only: a 2-year grant under the amount threshold gets an arrêté.
        assertThat(instrument(2, "10000.00", "23000", 3)).isEqualTo("ARRETE");
        assertThat(instrument(3, "10000.00", "23000", 3)).isEqualTo("AGREEMENT");
    }

    @Test
    void withoutItsThresholdsTheTableDecidesNothing() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("grantDurationYears", 1);
        facts.put("largestYearlyGrant", new BigDecimal("10000.00"));
        assertThat(dmn.evaluateDecisionTable(decision, facts).isEmpty())
                .as("no silent default: without the thresholds no rule applies").isTrue();
        facts.put("agreementAbove", new BigDecimal("23000"));
        facts.put("agreementFromYears", 2);
        assertThat(dmn.evaluateDecisionTable(decision, facts).<String>getSingleEntry()).as("positive control")
                .isEqualTo("ARRETE");
    }
}
