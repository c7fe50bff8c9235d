package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.BudgetLineCode;
import fr.agir.structure.StructureDocument;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report as people read it (the portal's summary and final state, the instructor's review, the PDF): the
 * table with its gaps, the totals, the annex, the pieces, the history.
 */
public record ReportSheet(Report report, Application application, List<Row> rows, BigDecimal threshold,
                          Content content, List<StructureDocument> pieces, List<ReportHistory.Entry> history) {

    /** The qualitative part and the annex (from the submission, or from the draft before it). */
    public record Content(String actions, Integer publicReached, String datesPlaces, String indicators,
                          String grantUse, BigDecimal unspent) {
    }

    public record Row(ReportRules.Line line, boolean exceeds) {
        public String account() { return line.code().account(); }
        public String label() { return line.code().label(); }
        public boolean charge() { return line.code().side() == BudgetLineCode.Side.CHARGE; }
        public BigDecimal forecast() { return line.forecast(); }
        public BigDecimal actual() { return line.actual(); }
        public BigDecimal gap() { return line.gap(); }
        public String gapText() { return ReportRules.describeGap(line); }
        public String explanation() { return line.explanation(); }
    }

    public List<Row> charges() {
        return rows.stream().filter(Row::charge).toList();
    }

    public List<Row> products() {
        return rows.stream().filter(r -> !r.charge()).toList();
    }

    public List<Row> explained() {
        return rows.stream().filter(r -> r.exceeds() || r.explanation() != null && !r.explanation().isBlank()).toList();
    }

    public BigDecimal total(boolean charges, boolean actual) {
        return ReportRules.total(rows.stream().map(Row::line).toList(),
                charges ? BudgetLineCode.Side.CHARGE : BudgetLineCode.Side.PRODUCT, actual);
    }

    public boolean balanced() {
        return total(true, true).compareTo(total(false, true)) == 0;
    }

    public String thresholdText() {
        return ReportRules.percent(threshold);
    }

    public BigDecimal spentGrant() {
        return ReportRules.spentGrant(rows.stream().map(Row::line).toList(), content.unspent());
    }
}
