package fr.agir.payment.credit;

import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The credits page's chart, as data for its template: one horizontal SVG bar per credit, its used share
 * (committed for an AE, consumed for CP) and its available share, in percent of what was voted; each bar's
 * sentence is the chart's text alternative.
 */
public record CreditChart(List<Bar> bars) {
    public record Bar(String label, int usedPercent, int availablePercent, String sentence) {
    }

    public static CreditChart of(CreditService.Overview overview) {
        List<Bar> bars = new ArrayList<>();
        for (CreditService.AeLine l : overview.ae()) {
            String label = "AE " + l.campaignCode() + " – " + l.part().label().toLowerCase(Locale.FRENCH);
            bars.add(bar(label, l.voted(), l.committed(), "engagé"));
        }
        for (CreditService.CpLine l : overview.cp()) {
            String label = "CP " + l.budgetYear() + " " + l.campaignCode() + " – "
                    + l.part().label().toLowerCase(Locale.FRENCH);
            bars.add(bar(label, l.voted(), l.consumed(), "consommé"));
        }
        return new CreditChart(bars);
    }

    private static Bar bar(String label, BigDecimal voted, BigDecimal used, String usedWord) {
        int usedPercent = CreditArithmetic.percent(used, voted);
        int availablePercent = voted.signum() > 0 ? 100 - usedPercent : 0;
        String sentence = label + " : voté " + Money.format(voted) + ", " + usedWord + " " + Money.format(used)
                + " (" + usedPercent + " %), disponible " + Money.format(CreditArithmetic.available(voted, used)) + ".";
        return new Bar(label, usedPercent, availablePercent, sentence);
    }
}
