package fr.agir.jury;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.instruction.SynthesisForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jury reads the directorates' opinions once: the copy Agir prefilled the synthesis with is left out. */
class SynthesisForJuryTest {

    @Test
    void thePrefilledOpinionsAreLeftOutOfTheSynthesisOnlyWhenLeftAsWritten() {
        String prefilled = SynthesisForm.opinionsSummary(List.of());
        assertThat(ScoringService.withoutOpinions(prefilled + "\nSynthèse de l'instruction : Projet solide.", List.of()))
                .isEqualTo("Projet solide.");
        assertThat(ScoringService.withoutOpinions("Projet solide, réécrit par l'instructrice.", List.of()))
                .isEqualTo("Projet solide, réécrit par l'instructrice.");
        assertThat(ScoringService.withoutOpinions(null, List.of())).isNull();
    }
}
