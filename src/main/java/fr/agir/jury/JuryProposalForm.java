package fr.agir.jury;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The jury's proposal on one application, as the deliberation types it; amounts are checked by the service. */
public class JuryProposalForm {
    @NotNull(message = "Choisissez l'avis du jury")
    private JuryResult.Verdict verdict;
    private Integer durationYears;
    private BigDecimal amount1;
    private BigDecimal amount2;
    private SessionApplication.Nature nature = SessionApplication.Nature.OPERATING;
    @Size(max = 2000, message = "Au plus 2 000 caractères")
    private String comment;

    static JuryProposalForm of(SessionApplication p, int requestedYears) {
        JuryProposalForm form = new JuryProposalForm();
        form.verdict = p.getVerdict();
        form.durationYears = p.getDurationYears() == null ? requestedYears : p.getDurationYears();
        form.amount1 = p.getAmountYear1();
        form.amount2 = p.getAmountYear2();
        form.nature = p.getNature() == null ? SessionApplication.Nature.OPERATING : p.getNature();
        form.comment = p.getComment();
        return form;
    }

    JuryDeliberationService.ProposalInput toInput() {
        Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
        if (amount1 != null) {
            amounts.put(1, amount1);
        }
        if (amount2 != null) {
            amounts.put(2, amount2);
        }
        return new JuryDeliberationService.ProposalInput(verdict, durationYears, amounts, nature, comment);
    }

    /** The form's field for a field the service names ("amounts.2" is the second year's amount). */
    static String field(String serviceField) {
        return switch (serviceField) {
            case "amounts", "amounts.1" -> "amount1";
            case "amounts.2" -> "amount2";
            case "duration", "durationYears" -> "durationYears";
            default -> serviceField;
        };
    }

    public JuryResult.Verdict getVerdict() { return verdict; }
    public void setVerdict(JuryResult.Verdict verdict) { this.verdict = verdict; }
    public Integer getDurationYears() { return durationYears; }
    public void setDurationYears(Integer durationYears) { this.durationYears = durationYears; }
    public BigDecimal getAmount1() { return amount1; }
    public void setAmount1(BigDecimal amount1) { this.amount1 = amount1; }
    public BigDecimal getAmount2() { return amount2; }
    public void setAmount2(BigDecimal amount2) { this.amount2 = amount2; }
    public SessionApplication.Nature getNature() { return nature; }
    public void setNature(SessionApplication.Nature nature) { this.nature = nature; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
