package fr.agir.jury;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The jury's arithmetic, without Spring or database: a member's weighted score on 20, and per
 * application the mean, median, standard deviation and spread of its members' scores.
 */
public final class JuryStatistics {
    /** Scores are on 20, as French juries are used to. */
    public static final BigDecimal SCALE = new BigDecimal("20");
    private static final MathContext MC = MathContext.DECIMAL64;

    private JuryStatistics() {
    }

    /**
     * A member's weighted score on 20: each criterion's value brought to 0–1 on its scale, weighted,
     * over the weights of the criteria he scored (an optional criterion left blank does not count).
     * Empty when he scored nothing.
     */
    public static BigDecimal weighted(List<GridCriterion> criteria, Map<Long, Integer> values) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (GridCriterion c : criteria) {
            Integer value = values.get(c.getId());
            if (value == null) {
                continue;
            }
            BigDecimal share = BigDecimal.valueOf(value - c.getScaleMin())
                    .divide(BigDecimal.valueOf(c.getScaleMax() - c.getScaleMin()), MC);
            sum = sum.add(share.multiply(c.getWeight(), MC));
            weights = weights.add(c.getWeight());
        }
        return weights.signum() == 0 ? null : sum.multiply(SCALE).divide(weights, MC).setScale(2, RoundingMode.HALF_UP);
    }

    /** The aggregate of one application's submitted scores; {@code count == 0} when none is in. */
    public record Aggregate(int count, BigDecimal mean, BigDecimal median, BigDecimal standardDeviation,
                            BigDecimal spread, boolean disagreement) {
        public static final Aggregate NONE = new Aggregate(0, null, null, null, null, false);
    }

    /**
     * Mean, median, population standard deviation and max − min of the members' weighted scores;
     * {@code disagreement} when max − min reaches {@code disagreementSpread} (points on 20).
     */
    public static Aggregate aggregate(Collection<BigDecimal> scores, BigDecimal disagreementSpread) {
        List<BigDecimal> sorted = new ArrayList<>(scores.stream().filter(java.util.Objects::nonNull).sorted().toList());
        int n = sorted.size();
        if (n == 0) {
            return Aggregate.NONE;
        }
        BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = total.divide(BigDecimal.valueOf(n), MC);
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal s : sorted) {
            BigDecimal d = s.subtract(mean);
            squares = squares.add(d.multiply(d, MC));
        }
        BigDecimal deviation = squares.divide(BigDecimal.valueOf(n), MC).sqrt(MC);
        BigDecimal spread = sorted.get(n - 1).subtract(sorted.get(0));
        return new Aggregate(n, round(mean), round(median), round(deviation), round(spread),
                n > 1 && spread.compareTo(disagreementSpread) >= 0);
    }

    /**
     * The eliminatory criteria the application fails: those whose mean value over the submitted
     * scores is below their minimum (one severe member alone does not eliminate an application).
     */
    public static List<GridCriterion> failedEliminatory(List<GridCriterion> criteria, Collection<Map<Long, Integer>> scores) {
        List<GridCriterion> failed = new ArrayList<>();
        for (GridCriterion c : criteria) {
            if (!c.isEliminatory()) {
                continue;
            }
            List<Integer> values = scores.stream().map(s -> s.get(c.getId())).filter(java.util.Objects::nonNull).toList();
            if (values.isEmpty()) {
                continue;
            }
            BigDecimal mean = BigDecimal.valueOf(values.stream().mapToLong(Integer::longValue).sum())
                    .divide(BigDecimal.valueOf(values.size()), MC);
            if (mean.compareTo(c.getEliminatoryBelow()) < 0) {
                failed.add(c);
            }
        }
        return failed;
    }

    /** A score as French readers write it: "18,67", "20" for 20.00; "—" when there is none. */
    public static String format(BigDecimal score) {
        return score == null ? "—" : fr.agir.shared.French.number(score.setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
