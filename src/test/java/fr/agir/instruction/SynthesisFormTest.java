package fr.agir.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The synthesis form's fields map to the amounts by year the service takes, checked against forms/synthesis.form. */
class SynthesisFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode data(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aOneYearApplicationProposesOneAmountAndItsYearTwoFieldIsIgnored() throws Exception {
        SynthesisForm.Input input = SynthesisForm.read(data("""
                {"summary": "Projet solide", "proposedAmountYear1": 18000.5, "proposedAmountYear2": 1,
                 "durationYears": 2}"""), 1);
        assertThat(input.summary()).isEqualTo("Projet solide");
        assertThat(input.proposedByYear()).containsExactly(Map.entry(1, new BigDecimal("18000.5")));
    }

    @Test
    void aTwoYearApplicationNeedsItsYearTwoAmountWhateverDurationTheClientSends() throws Exception {
        assertThatThrownBy(() -> SynthesisForm.read(data("""
                {"summary": "Projet solide", "proposedAmountYear1": 18000, "durationYears": 1}"""), 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("proposedAmountYear2"));
        assertThat(SynthesisForm.read(data("""
                {"summary": "Projet solide", "proposedAmountYear1": 18000, "proposedAmountYear2": "16000"}"""), 2)
                .proposedByYear()).containsExactly(Map.entry(1, new BigDecimal("18000")),
                Map.entry(2, new BigDecimal("16000")));
    }

    @Test
    void missingSummaryZeroAmountsAndUnknownKeysAreRefusedInFrench() throws Exception {
        assertThatThrownBy(() -> SynthesisForm.read(data("""
                {"summary": " ", "proposedAmountYear1": 0, "granted": true}"""), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).contains("La synthèse n'est pas enregistrée");
                    assertThat(e.fieldErrors()).containsOnlyKeys("summary", "proposedAmountYear1", "granted");
                    assertThat(e.fieldErrors().get("summary")).startsWith("Ce champ est obligatoire");
                });
    }

    @Test
    void theServicesErrorsAreNamedAsTheFormsFields() {
        InvalidInputException renamed = SynthesisForm.asFormErrors(new InvalidInputException("Montants",
                Map.of("proposedAmounts.2", "Montant de l'année 2 manquant", "summary", "Rédigez la synthèse")));
        assertThat(renamed.fieldErrors()).containsOnlyKeys("proposedAmountYear2", "summary");
    }

    @Test
    void thePrefilledFormHasTheDurationAndTheRequestedAmountsPerYear() {
        JsonNode prefilled = SynthesisForm.prefill(2, java.util.List.of(),
                Map.of(1, new BigDecimal("20000.00"), 2, new BigDecimal("15000.00")));
        assertThat(prefilled.get("durationYears").asInt()).isEqualTo(2);
        assertThat(prefilled.get("proposedAmountYear2").decimalValue()).isEqualByComparingTo("15000");
        assertThat(prefilled.get("summary").asText()).contains("aucune direction n'a été consultée");
    }
}
