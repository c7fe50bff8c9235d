package fr.agir.payment.credit;

import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The credits page's chart, as data for its SVG template: one horizontal bar per credit, its used share
 * (committed for an AE, consumed for CP) and its available share, in percent of what was voted; each bar's
 * sentence is the chart's text alternative.
 */
public record CreditChart(List<Bar> bars) {
    /** Height of one bar's row in the SVG's user units (label above, bar below). */
    public static final int ROW = 52;

    public record Bar(String label, int usedPercent, int availablePercent, String sentence, int y) {
        public int labelY() {
            return y + 14;
        }

        public int barY() {
            return y + 20;
        }
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public static CreditChart of(CreditService.Overview overview) {
        List<Bar> bars = new ArrayList<>();
        for (CreditService.AeLine l : overview.ae()) {
            String label = "AE " + l.campaignCode() + " – " + l.part().label().toLowerCase(Locale.FRENCH);
            bars.add(bar(label, l.voted(), l.committed(), "engagé", bars.size()));
        }
        for (CreditService.CpLine l : overview.cp()) {
            String label = "CP " + l.budgetYear() + " " + l.campaignCode() + " – "
                    + l.part().label().toLowerCase(Locale.FRENCH);
            bars.add(bar(label, l.voted(), l.consumed(), "consommé", bars.size()));
        }
        return new CreditChart(bars);
    }

    private static Bar bar(String label, BigDecimal voted, BigDecimal used, String usedWord, int index) {
        int usedPercent = CreditArithmetic.percent(used, voted);
        int availablePercent = voted.signum() > 0 ? 100 - usedPercent : 0;
        String sentence = label + " : voté " + Money.format(voted) + ", " + usedWord + " " + Money.format(used)
                + " (" + usedPercent + " %), disponible " + Money.format(CreditArithmetic.available(voted, used)) + ".";
        return new Bar(label, usedPercent, availablePercent, sentence, index * ROW);
    }
}
