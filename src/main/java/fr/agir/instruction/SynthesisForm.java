package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.workflow.FormSchema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructor's synthesis as its form ({@code forms/synthesis.form}) holds it, and back: the
 * form has one field per year ({@code proposedAmountYear1}, {@code proposedAmountYear2}, the
 * second hidden unless the application is for two years) where
 * {@link InstructionService#writeSynthesis} takes amounts by year.
 */
public final class SynthesisForm {
    public static final String FORM_ID = "synthesis";
    static final String DURATION = "durationYears";
    private static final FormSchema SCHEMA = FormSchema.load(FORM_ID);
    private static final int MAX_YEARS = 2;

    private SynthesisForm() {
    }

    public static String amountKey(int year) {
        return "proposedAmountYear" + year;
    }

    public record Input(String summary, Map<Integer, BigDecimal> proposedByYear) {
    }

    /**
     * The form prefilled: the opinions received in words, then the amounts requested as the
     * proposed ones (or those already proposed).
     */
    public static ObjectNode prefill(int durationYears, List<Opinion> opinions, Map<Integer, BigDecimal> amounts) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("summary", opinionsSummary(opinions) + "\nSynthèse de l'instruction : ");
        data.put(DURATION, durationYears);
        for (int year = 1; year <= durationYears; year++) {
            BigDecimal amount = amounts.get(year);
            if (amount != null) {
                data.set(amountKey(year), DecimalNode.valueOf(amount));
            }
        }
        return data;
    }

    /** "Avis des directions consultées :" then one line per directorate, verdict in words. */
    public static String opinionsSummary(List<Opinion> opinions) {
        StringBuilder text = new StringBuilder("Avis des directions consultées :\n");
        if (opinions.isEmpty()) {
            text.append("- aucune direction n'a été consultée.\n");
        }
        for (Opinion o : opinions) {
            text.append("- ").append(o.getDirectorate().name()).append(" (").append(o.getDirectorate().label())
                    .append(") : ");
            if (o.getStatus() == Opinion.Status.GIVEN) {
                text.append("avis ").append(o.getVerdict().label()).append(". « ").append(o.getComment()).append(" »");
                if (o.getSuggestedAmount() != null) {
                    text.append(" Montant suggéré : ").append(Money.format(o.getSuggestedAmount())).append('.');
                }
            } else {
                text.append(Character.toLowerCase(o.statusLabel().charAt(0))).append(o.statusLabel().substring(1))
                        .append('.');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Reads the submitted form for an application of {@code durationYears}: the duration is the
     * application's, whatever the client sent, so that the year-2 field is required exactly for a
     * two-year application (and ignored otherwise, as form-js hides it).
     */
    public static Input read(JsonNode data, int durationYears) {
        ObjectNode checked = data != null && data.isObject() ? data.deepCopy() : null;
        if (checked != null) {
            checked.put(DURATION, durationYears);
        }
        Map<String, String> errors = SCHEMA.validate(checked, FormSchema.Mode.SUBMISSION);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La synthèse n'est pas enregistrée : corrigez les champs signalés.", errors);
        }
        Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
        for (int year = 1; year <= Math.min(durationYears, MAX_YEARS); year++) {
            amounts.put(year, FormSchema.number(checked.path(amountKey(year))));
        }
        return new Input(checked.path("summary").asText(), amounts);
    }

    /** The service's errors ("proposedAmounts.2") named as the form's fields ("proposedAmountYear2"). */
    public static InvalidInputException asFormErrors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> errors.put(
                field.startsWith("proposedAmounts.") ? amountKey(Integer.parseInt(field.substring(16))) : field,
                message));
        return new InvalidInputException(e.getMessage(), errors);
    }
}
