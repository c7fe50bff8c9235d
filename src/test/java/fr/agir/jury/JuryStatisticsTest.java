package fr.agir.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JuryStatisticsTest {
    private static final BigDecimal SPREAD = new BigDecimal("5");

    static GridCriterion criterion(long id, int min, int max, String weight, String eliminatoryBelow) {
        GridCriterion c = new GridCriterion((int) id, "Critère " + id, null, min, max, List.of(), new BigDecimal(weight),
                true, eliminatoryBelow == null ? null : new BigDecimal(eliminatoryBelow));
        try {
            Field field = GridCriterion.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(c, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    private static final List<GridCriterion> GRID = List.of(criterion(1, 0, 5, "2", "2"), criterion(2, 0, 5, "1", null),
            criterion(3, 1, 3, "1", null));

    @Test
    void aWeightedScoreIsOnTwentyWithEachCriterionBroughtToItsScale() {
        // (2×5/5 + 1×0/5 + 1×(3−1)/(3−1)) / 4 × 20 = 15
        assertThat(JuryStatistics.weighted(GRID, Map.of(1L, 5, 2L, 0, 3L, 3))).isEqualByComparingTo("15.00");
        assertThat(JuryStatistics.weighted(GRID, Map.of(1L, 0, 2L, 0, 3L, 1))).isEqualByComparingTo("0.00");
        assertThat(JuryStatistics.weighted(GRID, Map.of(1L, 5, 2L, 5, 3L, 3))).isEqualByComparingTo("20.00");
        // 2×3/5 + 1×4/5 = 2 → 2/3 × 20
        assertThat(JuryStatistics.weighted(GRID, Map.of(1L, 3, 2L, 4))).as("a criterion left blank does not count")
                .isEqualByComparingTo("13.33");
    }

    @Test
    void aScoreWithNothingScoredHasNoWeightedValue() {
        assertThat(JuryStatistics.weighted(GRID, Map.of())).isNull();
    }

    @Test
    void theAggregateGivesMeanMedianPopulationDeviationAndSpread() {
        JuryStatistics.Aggregate a = JuryStatistics.aggregate(List.of(new BigDecimal("12"), new BigDecimal("14"),
                new BigDecimal("16"), new BigDecimal("18")), SPREAD);
        assertThat(a.count()).isEqualTo(4);
        assertThat(a.mean()).isEqualByComparingTo("15.00");
        assertThat(a.median()).isEqualByComparingTo("15.00");
        assertThat(a.standardDeviation()).isEqualByComparingTo("2.24"); // √5
        assertThat(a.spread()).isEqualByComparingTo("6.00");
        assertThat(a.disagreement()).as("6 points apart, 5 allowed").isTrue();
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleScoreWhateverTheOrder() {
        JuryStatistics.Aggregate a = JuryStatistics.aggregate(List.of(new BigDecimal("17"), new BigDecimal("3"),
                new BigDecimal("11")), SPREAD);
        assertThat(a.median()).isEqualByComparingTo("11.00");
        assertThat(a.mean()).isEqualByComparingTo("10.33");
    }

    @Test
    void closeScoresAreNotADisagreementAndASingleScoreNeverIs() {
        assertThat(JuryStatistics.aggregate(List.of(new BigDecimal("12"), new BigDecimal("16.99")), SPREAD).disagreement())
                .isFalse();
        assertThat(JuryStatistics.aggregate(List.of(new BigDecimal("12"), new BigDecimal("17")), SPREAD).disagreement())
                .as("exactly the threshold").isTrue();
        JuryStatistics.Aggregate one = JuryStatistics.aggregate(List.of(new BigDecimal("9")), SPREAD);
        assertThat(one.disagreement()).isFalse();
        assertThat(one.standardDeviation()).isEqualByComparingTo("0");
    }

    @Test
    void noScoreGivesAnEmptyAggregate() {
        assertThat(JuryStatistics.aggregate(List.of(), SPREAD)).isEqualTo(JuryStatistics.Aggregate.NONE);
    }

    @Test
    void anApplicationIsEliminatedWhenTheMeanOfAnEliminatoryCriterionIsBelowItsMinimum() {
        // Criterion 1 is eliminatory below 2: one severe member (0) and one mild (5) give 2.5: kept.
        assertThat(JuryStatistics.failedEliminatory(GRID, List.of(Map.of(1L, 0), Map.of(1L, 5)))).isEmpty();
        assertThat(JuryStatistics.failedEliminatory(GRID, List.of(Map.of(1L, 1), Map.of(1L, 2))))
                .extracting(GridCriterion::getLabel).containsExactly("Critère 1");
        assertThat(JuryStatistics.failedEliminatory(GRID, List.of(Map.of(2L, 0))))
                .as("criteria without a minimum never eliminate").isEmpty();
    }
}
