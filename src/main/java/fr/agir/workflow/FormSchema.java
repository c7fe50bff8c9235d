package fr.agir.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Camunda Forms schema ({@code forms/*.form}) read on the server, so that what the portal renders
 * with form-js is validated again here against the very same file: required fields, lengths,
 * bounds, patterns, allowed options, and fields hidden by a FEEL condition (evaluated with the
 * engine's FEEL implementation) are ignored, as form-js ignores them.
 */
public final class FormSchema {
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
            "checkbox", "checklist", "datetime", "taglist");
    /**
     * The FEEL engine the process engine uses (feel-scala), through its own API so that each form
     * condition is parsed once (issue 21: it was parsed again at every submission and autosave).
     */
    private static final org.camunda.feel.api.FeelEngineApi FEEL = org.camunda.feel.api.FeelEngineBuilder.forJava()
            .build();
    /** Each condition parsed once; empty when it cannot be parsed (the field is then shown, as form-js does). */
    private static final java.util.concurrent.ConcurrentMap<String,
            java.util.Optional<org.camunda.feel.syntaxtree.ParsedExpression>> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One input of the form, with its full data path (group paths joined by dots). A select whose options come
     * from the data ({@code valuesKey}, {@code valuesExpression}) has {@code dynamicOptions}: this schema cannot
     * know them, the service that provides them checks the value.
     */
    public record Field(String path, String type, String label, JsonNode validate, Set<String> options,
                        List<String> hideConditions, boolean dynamicOptions) {
        boolean required() {
            return validate.path("required").asBoolean(false);
        }
    }

    public enum Mode {
        /** A draft: types, lengths and options are checked, missing values are allowed. */
        DRAFT,
        /** A submission: everything, required fields included. */
        SUBMISSION
    }

    private final String id;
    private final JsonNode schema;
    private final List<Field> fields;
    /** The form's distinct hide conditions that parse, in order. */
    private final List<String> conditions;
    /** The text of all the conditions: a variable a condition reads is named in it. */
    private final String conditionText;
    /**
     * The results of {@link #conditions} by the values of the data's top-level keys whose names occur in
     * {@link #conditionText} (every variable the conditions can read, and maybe more): the same inputs give the
     * same results, so an autosave (its duration and thematic unchanged, whatever else was typed) evaluates no
     * FEEL — feel-scala 1.19 builds its whole root context (every built-in function) at each evaluation, which was
     * most of the autosave's CPU (issue 21). Only when no condition calls a function whose result changes by itself
     * (dates, random); bounded (1,000 results, inputs of 1,000 characters at most).
     */
    private final java.util.concurrent.ConcurrentMap<String, Map<String, Boolean>> results =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean cacheable;
    private static final int MAX_CACHED_RESULTS = 1_000;
    private static final int MAX_CACHED_INPUTS = 1_000;

    private FormSchema(JsonNode schema) {
        this.schema = schema;
        this.id = schema.path("id").asText();
        List<Field> collected = new ArrayList<>();
        collect(schema.path("components"), "", List.of(), collected);
        this.fields = List.copyOf(collected);
        this.conditions = fields.stream().flatMap(f -> f.hideConditions().stream()).distinct()
                .filter(c -> PARSED.computeIfAbsent(c, FormSchema::parse).isPresent()).toList();
        this.conditionText = String.join("\n", conditions);
        this.cacheable = !Pattern.compile("(now|today|random\\s+number|environment)\\s*\\(")
                .matcher(conditionText).find();
    }

    /** Loads {@code forms/<id>.form} from the classpath (the build copies the top-level folder there). */
    public static FormSchema load(String formId) {
        try (InputStream in = FormSchema.class.getResourceAsStream("/forms/" + formId + ".form")) {
            if (in == null) {
                throw new IllegalArgumentException("No form " + formId);
            }
            return new FormSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String id() {
        return id;
    }

    /** The schema as form-js reads it. */
    public JsonNode json() {
        return schema.deepCopy();
    }

    public List<Field> fields() {
        return fields;
    }

    /**
     * Checks {@code data} (shaped as form-js produces it) and returns the errors by field path with a
     * French message; empty when valid. Unknown keys are refused: the client cannot slip in data the
     * form does not ask for.
     */
    public Map<String, String> validate(JsonNode data, Mode mode) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            errors.put("data", "Le formulaire envoyé est illisible");
            return errors;
        }
        Set<String> known = new HashSet<>();
        // Each condition once per call, however many fields it hides: a group's condition (year 2 of the budget)
        // is every one of its fields' condition (issue 21: 29 FEEL evaluations, 28 of the same condition, were
        // 38 % of the autosave's CPU).
        Map<String, Boolean> hides = conditions.isEmpty() ? Map.of() : conditionResults(data);
        for (Field field : fields) {
            known.add(field.path());
            JsonNode value = at(data, field.path());
            if (field.hideConditions().stream().anyMatch(c -> hides.getOrDefault(c, false))) {
                continue;
            }
            String error = check(field, value, mode);
            if (error != null) {
                errors.put(field.path(), error);
            }
        }
        unknownKeys(data, "", known, errors);
        return errors;
    }

    /** The value at a dotted path, or a missing node. */
    public static JsonNode at(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null ? JsonNodeFactory.instance.missingNode() : node;
    }

    /** Writes a value at a dotted path, creating the groups on the way. */
    public static void put(ObjectNode data, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = data;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static String check(Field field, JsonNode value, Mode mode) {
        boolean empty = value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank();
        if (empty) {
            return mode == Mode.SUBMISSION && field.required() ? "Ce champ est obligatoire : « " + field.label() + " »"
                    : null;
        }
        JsonNode rules = field.validate();
        switch (field.type()) {
            case "number" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    return "Saisissez un nombre";
                }
                if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
                    return "La valeur doit être au moins " + rules.get("min").asText();
                }
                if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
                    return "La valeur doit être au plus " + rules.get("max").asText();
                }
                if (number.stripTrailingZeros().scale() > 2) {
                    return "Au plus deux décimales";
                }
            }
            case "select", "radio" -> {
                if (!value.isValueNode() || !field.dynamicOptions() && !field.options().contains(value.asText())) {
                    return "Choisissez une des valeurs proposées";
                }
            }
            case "checkbox" -> {
                if (!value.isBoolean()) {
                    return "Valeur invalide";
                }
                if (mode == Mode.SUBMISSION && field.required() && !value.asBoolean()) {
                    return "Cochez cette case pour continuer";
                }
            }
            case "textfield", "textarea", "datetime" -> {
                if (!value.isTextual()) {
                    return "Saisissez un texte";
                }
                String text = value.asText();
                if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
                    return "Au plus " + rules.get("maxLength").asInt() + " caractères (" + text.length() + " saisis)";
                }
                if (mode == Mode.SUBMISSION && rules.has("minLength")
                        && text.strip().length() < rules.get("minLength").asInt()) {
                    return "Au moins " + rules.get("minLength").asInt() + " caractères";
                }
                if (rules.has("pattern") && !Pattern.compile(rules.get("pattern").asText()).matcher(text).matches()) {
                    return "Format invalide";
                }
            }
            default -> {
                // checklist, taglist: arrays of options
                if (!value.isArray()) {
                    return "Valeur invalide";
                }
                for (JsonNode item : value) {
                    if (!field.options().contains(item.asText())) {
                        return "Choisissez parmi les valeurs proposées";
                    }
                }
            }
        }
        return null;
    }

    /** A number as form-js sends it: a JSON number, or a string when the field serialises to string. */
    public static BigDecimal number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether each of the form's conditions holds on the data, kept in {@link #results} by the values they can read;
     * a condition that cannot be parsed is not there, and hides nothing.
     */
    private Map<String, Boolean> conditionResults(JsonNode data) {
        String inputs = cacheable ? inputs(data) : null;
        if (inputs != null && inputs.length() > MAX_CACHED_INPUTS) {
            inputs = null;  // kept small: a client may send anything under these keys
        }
        Map<String, Boolean> known = inputs == null ? null : results.get(inputs);
        if (known != null) {
            return known;
        }
        Map<String, Object> context = JSON.convertValue(data, Map.class);
        Map<String, Boolean> all = new HashMap<>();
        conditions.forEach(c -> all.put(c, hides(c, context)));
        if (inputs != null) {
            if (results.size() >= MAX_CACHED_RESULTS) {
                results.clear();
            }
            results.put(inputs, Map.copyOf(all));
        }
        return all;
    }

    /** The data's top-level keys named in the conditions' text, with their values (JSON), in key order. */
    private String inputs(JsonNode data) {
        Map<String, JsonNode> named = new java.util.TreeMap<>();
        data.fields().forEachRemaining(e -> {
            if (conditionText.contains(e.getKey())) {
                named.put(e.getKey(), e.getValue());
            }
        });
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        named.forEach(inputs::set);
        return inputs.toString();
    }

    /** Whether the condition holds on the data; one that cannot be parsed or evaluated does not hide. */
    private static boolean hides(String condition, Map<String, Object> context) {
        var parsed = PARSED.computeIfAbsent(condition, FormSchema::parse);
        if (parsed.isEmpty()) {
            return false;
        }
        try {
            var evaluation = FEEL.evaluate(parsed.get(), context);
            // form-js shows a field whose condition cannot be evaluated; so do we.
            return evaluation.isSuccess() && Boolean.TRUE.equals(evaluation.result());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static java.util.Optional<org.camunda.feel.syntaxtree.ParsedExpression> parse(String condition) {
        try {
            var result = FEEL.parseExpression(condition);
            return result.isSuccess() ? java.util.Optional.of(result.parsedExpression()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private void unknownKeys(JsonNode node, String prefix, Set<String> known, Map<String, String> errors) {
        node.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            if (known.contains(path)) {
                return;
            }
            boolean isGroup = known.stream().anyMatch(k -> k.startsWith(path + "."));
            if (isGroup && e.getValue().isObject()) {
                unknownKeys(e.getValue(), path + ".", known, errors);
            } else {
                errors.put(path, "Ce champ n'existe pas dans le formulaire « " + id + " »");
            }
        });
    }

    private static void collect(JsonNode components, String prefix, List<String> conditions, List<Field> out) {
        for (JsonNode c : components) {
            List<String> here = conditions;
            String hide = c.path("conditional").path("hide").asText("");
            if (!hide.isBlank()) {
                here = new ArrayList<>(conditions);
                here.add(hide.startsWith("=") ? hide.substring(1) : hide);
            }
            String type = c.path("type").asText();
            if ("group".equals(type) || "dynamiclist".equals(type)) {
                String path = c.path("path").asText("");
                collect(c.path("components"), path.isBlank() ? prefix : prefix + path + ".", here, out);
            } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                Set<String> options = new HashSet<>();
                c.path("values").forEach(v -> options.add(v.path("value").asText()));
                out.add(new Field(prefix + c.get("key").asText(), type, c.path("label").asText(c.get("key").asText()),
                        c.path("validate"), Set.copyOf(options), List.copyOf(here),
                        c.hasNonNull("valuesKey") || c.hasNonNull("valuesExpression")));
            }
        }
    }
}
