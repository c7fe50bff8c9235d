package fr.agir.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessingTimesTest {
    private static final List<Long> TEN = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

    @ParameterizedTest(name = "p{0} of 1..10 is {1}")
    @CsvSource({"50, 5", "90, 9", "100, 10", "1, 1", "0, 1"})
    void nearestRankPercentiles(int percent, long expected) {
        assertThat(ProcessingTimes.percentile(TEN, percent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "p{0} of one value")
    @CsvSource({"50", "90"})
    void oneValueIsEveryPercentile(int percent) {
        assertThat(ProcessingTimes.percentile(List.of(42L), percent)).isEqualTo(42L);
    }
}
