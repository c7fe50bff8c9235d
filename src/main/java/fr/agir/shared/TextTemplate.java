package fr.agir.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's wording in a plain-text file a non-developer edits (the agreement's): lines starting
 * with {@code # } (title), {@code ## } (article), {@code - } (list item), {@code ---} (new page),
 * {@code //} (a note, not printed); paragraphs separated by a blank line; {@code {{nom.du.champ}}} where
 * a datum goes; {@code {{#si champ}} … {{#sinon}} … {{/si}}} (or {@code {{#si non champ}}}) for wording
 * that depends on the case; a table datum alone on its line.
 *
 * <p>Safe by construction: no expression language, no code: a placeholder is a name looked up in the
 * fixed vocabulary given at {@link #parse}; an unknown name, a misplaced table or an unbalanced
 * {@code #si} is refused then, with its line, so a typo in the file is caught when it is loaded. Values
 * are inserted as typed, never read as template syntax again (a project title holding {@code {{x}}} or
 * starting with {@code #} prints as such).
 */
public final class TextTemplate {
    /** What a name of the vocabulary stands for. */
    public enum Kind {
        /** Text printed where the placeholder is; in {@code #si}, true when not blank. */
        TEXT,
        /** Yes or no: only in {@code {{#si …}}}. */
        CONDITION,
        /** A table (a {@link TableValue}): alone on its line. */
        TABLE
    }

    /** A table datum: its columns and rows; the last row printed bold when it is a total. */
    public record TableValue(List<PdfTableBuilder.Column> columns, List<List<String>> rows, boolean lastRowBold) {
    }

    /** A refused template: what is wrong and on which line, in French for whoever edits the file. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }

    /** One block of the rendered document. */
    public sealed interface Part permits Title, Heading, Paragraph, Item, Table, NewPage {
    }

    public record Title(String text) implements Part {
    }

    public record Heading(String text) implements Part {
    }

    public record Paragraph(String text) implements Part {
    }

    public record Item(String text) implements Part {
    }

    public record Table(TableValue value) implements Part {
    }

    public record NewPage() implements Part {
    }

    private sealed interface Node permits Literal, Value, Choice {
    }

    private record Literal(String text) implements Node {
    }

    private record Value(String name) implements Node {
    }

    private record Choice(String name, boolean negated, List<Node> then, List<Node> otherwise) implements Node {
    }

    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}0-9_]+(\\.[\\p{L}0-9_]+)*");
    /** Marks a value's start in the rendered text, so that a value is never taken for a line's markup. */
    private static final char VALUE_START = '\u0002';
    /** A line break inside a value: kept within its paragraph. */
    private static final char VALUE_BREAK = '\u0001';
    private static final char TABLE_MARK = '\u0003';

    private final String source;
    private final List<Node> nodes;
    private final Map<String, Kind> vocabulary;

    private TextTemplate(String source, List<Node> nodes, Map<String, Kind> vocabulary) {
        this.source = source;
        this.nodes = nodes;
        this.vocabulary = vocabulary;
    }

    /** The template {@code text}, checked against {@code vocabulary}; {@code origin} names it in errors. */
    public static TextTemplate parse(String text, Map<String, Kind> vocabulary, String origin) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder();
        for (String line : normalized.split("\n", -1)) {
            // A note keeps its line (blank) so that errors give the line as the editor shows it.
            kept.append(line.stripLeading().startsWith("//") ? "" : line).append('\n');
        }
        Parser parser = new Parser(kept.toString(), Map.copyOf(vocabulary), origin);
        List<Node> nodes = parser.nodes(false);
        return new TextTemplate(normalized, nodes, new LinkedHashMap<>(vocabulary));
    }

    /** The template's text as read. */
    public String source() {
        return source;
    }

    /**
     * The document for {@code facts}: every name of the vocabulary must have a value (a String for
     * TEXT, a Boolean for CONDITION, a {@link TableValue} for TABLE); null text prints as nothing.
     */
    public List<Part> render(Map<String, ?> facts) {
        for (Map.Entry<String, Kind> entry : vocabulary.entrySet()) {
            Object value = facts.get(entry.getKey());
            boolean ok = switch (entry.getValue()) {
                case TEXT -> value == null || value instanceof String;
                case CONDITION -> value instanceof Boolean;
                case TABLE -> value instanceof TableValue;
            };
            if (!ok || (entry.getValue() != Kind.TEXT && !facts.containsKey(entry.getKey()))) {
                throw new IllegalArgumentException("Valeur absente ou du mauvais type pour " + entry.getKey());
            }
        }
        StringBuilder text = new StringBuilder();
        List<TableValue> tables = new ArrayList<>();
        write(nodes, facts, text, tables);
        return parts(text.toString(), tables);
    }

    private static void write(List<Node> nodes, Map<String, ?> facts, StringBuilder out, List<TableValue> tables) {
        for (Node node : nodes) {
            if (node instanceof Literal l) {
                out.append(l.text());
            } else if (node instanceof Value v) {
                Object value = facts.get(v.name());
                if (value instanceof TableValue t) {
                    out.append(TABLE_MARK).append(tables.size()).append(TABLE_MARK);
                    tables.add(t);
                } else {
                    String typed = value == null ? "" : value.toString();
                    out.append(VALUE_START).append(typed.replace("\r\n", "\n")
                            .replace(VALUE_START, ' ').replace(VALUE_BREAK, ' ').replace(TABLE_MARK, ' ')
                            .replace('\n', VALUE_BREAK));
                }
            } else if (node instanceof Choice c) {
                Object value = facts.get(c.name());
                boolean yes = value instanceof Boolean b ? b : value != null && !value.toString().isBlank();
                write(yes != c.negated() ? c.then() : c.otherwise(), facts, out, tables);
            }
        }
    }

    /** The rendered text cut into blocks by its lines' markup (never by what a value holds). */
    private static List<Part> parts(String text, List<TableValue> tables) {
        List<Part> parts = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            Part part = null;
            if (l.length() > 2 && l.charAt(0) == TABLE_MARK && l.charAt(l.length() - 1) == TABLE_MARK) {
                part = new Table(tables.get(Integer.parseInt(l.substring(1, l.length() - 1))));
            } else if (l.startsWith("## ")) {
                part = new Heading(clean(l.substring(3)));
            } else if (l.startsWith("# ")) {
                part = new Title(clean(l.substring(2)));
            } else if (l.startsWith("- ")) {
                part = new Item(clean(l.substring(2)));
            } else if (l.equals("---")) {
                part = new NewPage();
            }
            if (part != null || l.isEmpty()) {
                flush(paragraph, parts);
                if (part != null) {
                    parts.add(part);
                }
            } else if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Item item && paragraph.isEmpty()
                    && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                // An indented line continues the list item above it.
                parts.set(parts.size() - 1, new Item(item.text() + " " + clean(l)));
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(l);
            }
        }
        flush(paragraph, parts);
        return parts;
    }

    private static void flush(StringBuilder paragraph, List<Part> parts) {
        String text = clean(paragraph.toString());
        if (!text.isBlank()) {
            parts.add(new Paragraph(text));
        }
        paragraph.setLength(0);
    }

    private static String clean(String text) {
        return text.replace(String.valueOf(VALUE_START), "").replace(VALUE_BREAK, '\n').strip();
    }

    /** Reads the template's tags into a tree, refusing what it does not know. */
    private static final class Parser {
        private final String text;
        private final Map<String, Kind> vocabulary;
        private final String origin;
        private final Matcher matcher;
        private int position;

        Parser(String text, Map<String, Kind> vocabulary, String origin) {
            this.text = text;
            this.vocabulary = vocabulary;
            this.origin = origin;
            this.matcher = TAG.matcher(text);
        }

        /** Nodes up to the end, or (inside a #si) up to its {{#sinon}} or {{/si}}, which is left for the caller. */
        List<Node> nodes(boolean inChoice) {
            List<Node> nodes = new ArrayList<>();
            while (true) {
                if (!matcher.find(position)) {
                    literal(nodes, text.substring(position));
                    position = text.length();
                    if (inChoice) {
                        throw error(text.length(), "un {{#si …}} n'est pas fermé par {{/si}}");
                    }
                    checkNoStrayBraces(nodes);
                    return nodes;
                }
                int start = matcher.start();
                String tag = matcher.group(1);
                boolean control = tag.startsWith("#") || tag.startsWith("/");
                boolean alone = control && aloneOnLine(start, matcher.end());
                literal(nodes, text.substring(position, alone ? lineStart(start) : start));
                int after = alone ? lineEnd(matcher.end()) : matcher.end();
                if (tag.equals("#sinon") || tag.equals("/si")) {
                    if (!inChoice) {
                        throw error(start, "{{" + tag + "}} sans {{#si …}} avant");
                    }
                    position = start; // the caller reads it again
                    checkNoStrayBraces(nodes);
                    return nodes;
                }
                position = after;
                if (tag.startsWith("#si ")) {
                    String condition = tag.substring(4).strip();
                    boolean negated = condition.startsWith("non ");
                    String name = negated ? condition.substring(4).strip() : condition;
                    Kind kind = known(name, start);
                    if (kind == Kind.TABLE) {
                        throw error(start, "« " + name + " » est un tableau : il ne peut pas servir de condition");
                    }
                    List<Node> then = nodes(true);
                    List<Node> otherwise = List.of();
                    if (closing().equals("#sinon")) {
                        otherwise = nodes(true);
                        if (!closing().equals("/si")) {
                            throw error(position, "deux {{#sinon}} pour le même {{#si …}}");
                        }
                    }
                    nodes.add(new Choice(name, negated, then, otherwise));
                } else if (control) {
                    throw error(start, "« {{" + tag + "}} » n'est pas une instruction connue (seules {{#si champ}}, "
                            + "{{#si non champ}}, {{#sinon}} et {{/si}} existent)");
                } else {
                    Kind kind = known(tag, start);
                    if (kind == Kind.CONDITION) {
                        throw error(start, "« " + tag + " » est une condition (oui/non) : elle s'emploie dans "
                                + "{{#si " + tag + "}}, pas seule");
                    }
                    if (kind == Kind.TABLE && !aloneOnLine(start, matcher.end())) {
                        throw error(start, "le tableau « " + tag + " » doit être seul sur sa ligne");
                    }
                    nodes.add(new Value(tag));
                }
            }
        }

        /** Consumes the {{#sinon}} or {{/si}} a branch stopped at; returns its tag. */
        private String closing() {
            if (!matcher.find(position)) {
                throw error(position, "un {{#si …}} n'est pas fermé par {{/si}}");
            }
            boolean alone = aloneOnLine(matcher.start(), matcher.end());
            position = alone ? lineEnd(matcher.end()) : matcher.end();
            return matcher.group(1);
        }

        private Kind known(String name, int at) {
            if (!NAME.matcher(name).matches() || !vocabulary.containsKey(name)) {
                throw error(at, "« " + name + " » n'est pas une donnée connue. Données connues : "
                        + String.join(", ", vocabulary.keySet().stream().sorted().toList()));
            }
            return vocabulary.get(name);
        }

        private void literal(List<Node> nodes, String literal) {
            if (!literal.isEmpty()) {
                nodes.add(new Literal(literal));
            }
        }

        /** A "{{" the pattern did not match (never closed) is a typo, not text to print. */
        private void checkNoStrayBraces(List<Node> nodes) {
            for (Node node : nodes) {
                if (node instanceof Literal l) {
                    int at = l.text().indexOf("{{");
                    if (at >= 0) {
                        throw error(text.indexOf(l.text()) + at, "« {{ » sans « }} » pour le fermer");
                    }
                    at = l.text().indexOf("}}");
                    if (at >= 0) {
                        throw error(text.indexOf(l.text()) + at, "« }} » sans « {{ » avant");
                    }
                }
            }
        }

        private boolean aloneOnLine(int start, int end) {
            int newline = text.indexOf('\n', end);
            return text.substring(lineStart(start), start).isBlank()
                    && text.substring(end, newline < 0 ? text.length() : newline).isBlank();
        }

        private int lineStart(int at) {
            return text.lastIndexOf('\n', at - 1) + 1;
        }

        /** Just after the end of the line holding {@code at} (after its newline). */
        private int lineEnd(int at) {
            int newline = text.indexOf('\n', at);
            return newline < 0 ? text.length() : newline + 1;
        }

        private TemplateException error(int at, String what) {
            int line = 1;
            for (int i = 0; i < Math.min(at, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new TemplateException(origin + ", ligne " + line + " : " + what + ".");
        }
    }
}
