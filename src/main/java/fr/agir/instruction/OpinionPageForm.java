package fr.agir.instruction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What the reviewer's opinion page posts. It is then checked against {@code forms/opinion.form}
 * (the task's form, through {@link OpinionForm}) so that the page and the API accept the same data.
 */
public class OpinionPageForm {
    @NotNull(message = "Choisissez l'avis de la direction")
    private Opinion.Verdict verdict;
    @NotBlank(message = "Écrivez ce qui fonde l'avis de la direction")
    @Size(max = 2000, message = "Au plus 2 000 caractères")
    private String comment;
    @DecimalMin(value = "0", message = "Le montant ne peut pas être négatif")
    private BigDecimal suggestedAmount;
    /** Set by the confirmation step: without it nothing is sent. */
    private boolean confirmed;
    /** Set by "Modifier mon avis" on the confirmation step: back to the form, what was typed kept. */
    private boolean edit;

    /** The data as the task's form would send it. */
    ObjectNode toData() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (verdict != null) {
            data.put("verdict", verdict.name());
        }
        data.put("comment", comment == null ? "" : comment.strip());
        if (suggestedAmount != null) {
            data.put("suggestedAmount", suggestedAmount);
        }
        return data;
    }

    public Opinion.Verdict getVerdict() { return verdict; }
    public void setVerdict(Opinion.Verdict verdict) { this.verdict = verdict; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public BigDecimal getSuggestedAmount() { return suggestedAmount; }
    public void setSuggestedAmount(BigDecimal suggestedAmount) { this.suggestedAmount = suggestedAmount; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    public boolean isEdit() { return edit; }
    public void setEdit(boolean edit) { this.edit = edit; }
}
