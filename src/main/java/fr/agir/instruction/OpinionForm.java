package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.shared.InvalidInputException;
import fr.agir.workflow.FormSchema;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A directorate's opinion as its form ({@code forms/opinion.form}) sends it: checked against the
 * schema the reviewer's page renders, then read into the arguments of
 * {@link InstructionService#giveOpinion}.
 */
public final class OpinionForm {
    public static final String FORM_ID = "opinion";
    private static final FormSchema SCHEMA = FormSchema.load(FORM_ID);

    private OpinionForm() {
    }

    public record Input(Opinion.Verdict verdict, String comment, BigDecimal suggestedAmount) {
    }

    public static Input read(JsonNode data) {
        Map<String, String> errors = SCHEMA.validate(data, FormSchema.Mode.SUBMISSION);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("L'avis n'est pas enregistré : corrigez les champs signalés.", errors);
        }
        return new Input(Opinion.Verdict.valueOf(data.get("verdict").asText()), data.path("comment").asText(),
                FormSchema.number(data.path("suggestedAmount")));
    }
}
