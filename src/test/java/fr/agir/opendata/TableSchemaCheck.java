package fr.agir.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small Table Schema checker (frictionlessdata.io/specs/table-schema), written once because no Java validator
 * is on Maven Central ({@code io.frictionlessdata:tableschema-java} is published on JitPack only, which the build
 * cannot reach; checked with {@code mvn dependency:get}). It reads a schema JSON (fields with {@code name},
 * {@code type} string/number/date/boolean, {@code decimalChar}, {@code trueValues}/{@code falseValues} and
 * {@code constraints} required/pattern/maxLength/enum/minimum/maximum; {@code missingValues}; the SCDL's custom
 * check {@code one-of-required}) and a CSV parsed strictly by RFC 4180 (',' separated, '"' quoted, doubled quotes,
 * CRLF), and lists every violation: the header must be the fields in the schema's order, every row as many cells.
 * The SCDL « subventions » 2.1.1 constraints are in {@code src/test/resources/scdl/subventions-2.1.1.schema.json}.
 */
public final class TableSchemaCheck {
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private final JsonNode schema;

    private TableSchemaCheck(JsonNode schema) {
        this.schema = schema;
    }

    public static TableSchemaCheck fromResource(String path) {
        try (InputStream in = TableSchemaCheck.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema at " + path);
            }
            return new TableSchemaCheck(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code csv}, each as "ligne N, colonne X : …"; empty when the file is valid. */
    public List<String> violations(String csv) {
        List<String> errors = new ArrayList<>();
        List<List<String>> rows;
        try {
            rows = parse(csv);
        } catch (IllegalArgumentException e) {
            return List.of("CSV : " + e.getMessage());
        }
        JsonNode fields = schema.get("fields");
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.get("name").asText()));
        if (rows.isEmpty() || !rows.get(0).equals(names)) {
            errors.add("en-tête : attendu " + names + ", trouvé " + (rows.isEmpty() ? "rien" : rows.get(0)));
            return errors;
        }
        Set<String> missing = new HashSet<>();
        schema.path("missingValues").forEach(m -> missing.add(m.asText()));
        if (missing.isEmpty()) {
            missing.add("");
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() != names.size()) {
                errors.add("ligne " + line + " : " + row.size() + " cellules au lieu de " + names.size());
                continue;
            }
            for (int c = 0; c < names.size(); c++) {
                String error = cell(fields.get(c), row.get(c), missing);
                if (error != null) {
                    errors.add("ligne " + line + ", colonne " + names.get(c) + " : " + error + " (« " + row.get(c) + " »)");
                }
            }
            for (JsonNode check : schema.path("custom_checks")) {
                if ("one-of-required".equals(check.path("name").asText())) {
                    String a = check.path("params").path("column1").asText();
                    String b = check.path("params").path("column2").asText();
                    if (missing.contains(row.get(names.indexOf(a))) && missing.contains(row.get(names.indexOf(b)))) {
                        errors.add("ligne " + line + " : " + a + " ou " + b + " est requis");
                    }
                }
            }
        }
        return errors;
    }

    private static String cell(JsonNode field, String value, Set<String> missing) {
        JsonNode k = field.path("constraints");
        if (missing.contains(value)) {
            return k.path("required").asBoolean(false) ? "valeur requise" : null;
        }
        String type = field.path("type").asText("string");
        BigDecimal number = null;
        switch (type) {
            case "date" -> {
                if (!ISO_DATE.matcher(value).matches()) {
                    return "date attendue au format AAAA-MM-JJ";
                }
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    return "date impossible";
                }
            }
            case "number" -> {
                String decimal = field.path("decimalChar").asText(".");
                if (!Pattern.matches("^-?\\d+(" + Pattern.quote(decimal) + "\\d+)?$", value)) {
                    return "nombre attendu avec « " + decimal + " » comme séparateur décimal";
                }
                number = new BigDecimal(value.replace(decimal, "."));
            }
            case "boolean" -> {
                Set<String> allowed = new HashSet<>();
                field.path("trueValues").forEach(v -> allowed.add(v.asText()));
                field.path("falseValues").forEach(v -> allowed.add(v.asText()));
                if (!allowed.contains(value)) {
                    return "booléen attendu parmi " + allowed;
                }
            }
            default -> {
            }
        }
        if (k.has("pattern") && !Pattern.compile(k.get("pattern").asText()).matcher(value).matches()) {
            return "ne suit pas le motif " + k.get("pattern").asText();
        }
        if (k.has("maxLength") && value.codePointCount(0, value.length()) > k.get("maxLength").asInt()) {
            return "plus de " + k.get("maxLength").asInt() + " caractères";
        }
        if (k.has("enum")) {
            boolean found = false;
            for (JsonNode e : k.get("enum")) {
                found |= e.asText().equals(value);
            }
            if (!found) {
                return "valeur hors de la liste " + k.get("enum");
            }
        }
        if (number != null && k.has("minimum") && number.compareTo(k.get("minimum").decimalValue()) < 0) {
            return "inférieur au minimum " + k.get("minimum").asText();
        }
        if (number != null && k.has("maximum") && number.compareTo(k.get("maximum").decimalValue()) > 0) {
            return "supérieur au maximum " + k.get("maximum").asText();
        }
        return null;
    }

    /** RFC 4180, strictly: a quote inside an unquoted cell, or an unclosed quoted cell, is an error. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = csv.length();
        if (n == 0) {
            return rows;
        }
        while (i < n) {
            char ch = csv.charAt(i);
            if (ch == '"' && cell.isEmpty()) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("guillemet non fermé à la ligne " + (rows.size() + 1));
                    }
                    char q = csv.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && csv.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    cell.append(q);
                    i++;
                }
                if (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\r' && csv.charAt(i) != '\n') {
                    throw new IllegalArgumentException("caractère après un guillemet fermant à la ligne " + (rows.size() + 1));
                }
                continue;
            }
            if (ch == '"') {
                throw new IllegalArgumentException("guillemet dans une cellule non citée à la ligne " + (rows.size() + 1));
            }
            if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (ch == '\r' || ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += ch == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                cell.append(ch);
                i++;
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
