package fr.agir.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.agir.campaign.Thematic;
import fr.agir.shared.InvalidInputException;
import fr.agir.workflow.FormSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application as the portal's form ({@code forms/application.form}) holds it, and back: flat
 * project fields, then one group {@code budget<N>} per year whose keys are the Cerfa lines
 * ({@code l60}, {@code l74_departement}…). The Département line is the amount requested.
 */
public final class ApplicationForm {
    public static final String FORM_ID = "application";
    private static final FormSchema SCHEMA = FormSchema.load(FORM_ID);
    private static final int MAX_YEARS = 2;

    private ApplicationForm() {
    }

    public static FormSchema schema() {
        return SCHEMA;
    }

    public static String key(BudgetLineCode code) {
        return "l" + code.code().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    public static String group(int year) {
        return "budget" + year;
    }

    /** The stored draft or application, as form data. */
    public static ObjectNode toData(Application a, List<YearBudget> budgets) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        text(data, "title", a.getTitle());
        text(data, "description", a.getDescription());
        text(data, "thematic", a.getThematic() == null ? null : a.getThematic().name());
        text(data, "subTheme", a.getSubTheme());
        text(data, "targetPublic", a.getTargetPublic() == null ? null : a.getTargetPublic().name());
        text(data, "territory", a.getTerritory());
        data.put("durationYears", String.valueOf(a.getDurationYears()));
        for (YearBudget budget : budgets) {
            ObjectNode group = data.putObject(group(budget.year()));
            budget.lines().forEach((code, amount) -> group.set(key(code), DecimalNode.valueOf(amount)));
            if (budget.requestedAmount() != null && !budget.lines().containsKey(BudgetLineCode.P74_DEPARTEMENT)) {
                group.set(key(BudgetLineCode.P74_DEPARTEMENT), DecimalNode.valueOf(budget.requestedAmount()));
            }
        }
        return data;
    }

    /**
     * Form data to a draft, after the schema's draft checks (types, lengths, options): a draft may be
     * incomplete, never malformed.
     */
    public static ApplicationService.Draft toDraft(JsonNode data) {
        Map<String, String> errors = SCHEMA.validate(data, FormSchema.Mode.DRAFT);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Certains champs du formulaire ne sont pas valides.", errors);
        }
        List<YearBudget> budgets = new ArrayList<>();
        for (int year = 1; year <= MAX_YEARS; year++) {
            JsonNode group = data.path(group(year));
            if (!group.isObject() || group.isEmpty()) {
                continue;
            }
            Map<BudgetLineCode, BigDecimal> lines = YearBudget.emptyLines();
            for (BudgetLineCode code : BudgetLineCode.values()) {
                BigDecimal amount = FormSchema.number(group.path(key(code)));
                if (amount != null) {
                    lines.put(code, amount);
                }
            }
            budgets.add(new YearBudget(year, lines.get(BudgetLineCode.P74_DEPARTEMENT), lines));
        }
        String duration = data.path("durationYears").asText("1");
        return new ApplicationService.Draft(text(data, "title"), text(data, "description"),
                enumValue(Thematic.class, text(data, "thematic")), text(data, "subTheme"),
                enumValue(TargetPublic.class, text(data, "targetPublic")), text(data, "territory"),
                duration.isBlank() ? 1 : Integer.parseInt(duration), budgets);
    }

    /** Submission checks of the schema (required fields…) on the stored application. */
    public static Map<String, String> submissionErrors(Application a, List<YearBudget> budgets) {
        return SCHEMA.validate(toData(a, budgets), FormSchema.Mode.SUBMISSION);
    }

    private static void text(ObjectNode data, String key, String value) {
        if (value != null) {
            data.set(key, TextNode.valueOf(value));
        }
    }

    private static String text(JsonNode data, String key) {
        JsonNode node = data.path(key);
        return node.isTextual() ? node.asText() : null;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
    }
}
