package fr.agir.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.agir.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringGridRulesTest {

    private static ScoringGridService.CriterionInput criterion(String label, Integer min, Integer max, List<String> anchors,
                                                               String weight, String eliminatory) {
        return new ScoringGridService.CriterionInput(label, null, min, max, anchors,
                weight == null ? null : new BigDecimal(weight), null, eliminatory == null ? null : new BigDecimal(eliminatory));
    }

    private static Map<String, String> errorsOf(List<ScoringGridService.CriterionInput> input) {
        try {
            ScoringGridService.checked(input);
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("accepted: " + input);
    }

    @Test
    void aCriterionDefaultsToARequiredZeroToFiveScaleOfWeightOne() {
        GridCriterion c = ScoringGridService.checked(List.of(criterion("Utilité sociale", null, null, null, null, null))).get(0);
        assertThat(c.getScaleMin()).isZero();
        assertThat(c.getScaleMax()).isEqualTo(5);
        assertThat(c.getWeight()).isEqualByComparingTo("1");
        assertThat(c.isRequired()).isTrue();
        assertThat(c.isEliminatory()).isFalse();
        assertThat(c.pointLabel(3)).isEqualTo("3");
    }

    @Test
    void anchoredLabelsNameEachPointOfTheScale() {
        GridCriterion c = ScoringGridService.checked(List.of(criterion("Ancrage", 1, 3,
                List.of("Faible", "Moyen", "Fort"), "2.5", "2"))).get(0);
        assertThat(c.pointLabel(1)).isEqualTo("1 — Faible");
        assertThat(c.pointLabel(3)).isEqualTo("3 — Fort");
        assertThat(c.isEliminatory()).isTrue();
    }

    @Test
    void badCriteriaAreRefusedFieldByField() {
        assertThat(errorsOf(List.of(criterion(" ", null, null, null, null, null)))).containsKey("criteria[0].label");
        assertThat(errorsOf(List.of(criterion("Échelle", 3, 3, null, null, null)))).containsKey("criteria[0].scaleMax");
        assertThat(errorsOf(List.of(criterion("Échelle", 0, 11, null, null, null)))).containsKey("criteria[0].scaleMax");
        assertThat(errorsOf(List.of(criterion("Libellés", 0, 2, List.of("a", "b"), null, null))))
                .containsKey("criteria[0].anchors");
        assertThat(errorsOf(List.of(criterion("Poids", null, null, null, "0", null)))).containsKey("criteria[0].weight");
        assertThat(errorsOf(List.of(criterion("Poids", null, null, null, "1.234", null)))).containsKey("criteria[0].weight");
        assertThat(errorsOf(List.of(criterion("Seuil", 0, 5, null, null, "6")))).containsKey("criteria[0].eliminatoryBelow");
        assertThat(errorsOf(List.of(criterion("Seuil", 0, 5, null, null, "0")))).containsKey("criteria[0].eliminatoryBelow");
        assertThat(errorsOf(List.of(criterion("Bon", null, null, null, null, null), criterion("", null, null, null, null, null))))
                .containsOnlyKeys("criteria[1].label");
    }

    @Test
    void aGridHasBetweenOneAndTwentyCriteria() {
        assertThatThrownBy(() -> ScoringGridService.checked(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ScoringGridService.checked(Collections.nCopies(21,
                criterion("Encore", null, null, null, null, null)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("20");
    }

    @Test
    void aScoreChecksRangeRequiredCriteriaAndUnknownOnes() {
        List<GridCriterion> grid = List.of(JuryStatisticsTest.criterion(1, 0, 5, "1", null),
                JuryStatisticsTest.criterion(2, 1, 3, "1", null));
        assertThat(ScoringService.checkedValues(grid, Map.of(1L, 4), false)).containsEntry(1L, 4)
                .as("a draft may leave required criteria blank").hasSize(1);
        assertThatThrownBy(() -> ScoringService.checkedValues(grid, Map.of(1L, 4), true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("criterion-2"));
        assertThatThrownBy(() -> ScoringService.checkedValues(grid, Map.of(1L, 6, 2L, 0), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("criterion-1", "criterion-2"));
        assertThatThrownBy(() -> ScoringService.checkedValues(grid, Map.of(1L, 1, 2L, 2, 99L, 1), true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("criterion-99"));
    }
}
