package fr.agir.web;

import java.util.Map;

/**
 * Accessible form fields for server-rendered pages: every input has its label, its help and its
 * error are tied to it with aria-describedby, and the value the user typed is written back.
 */
public final class FormHtml {
    private FormHtml() {
    }

    /** A list of the errors at the top of the form, each linking to its field (RGAA 11.10). */
    public static String errorSummary(String message, Map<String, String> errors) {
        if (message == null && (errors == null || errors.isEmpty())) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"erreur\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\"><p>")
                .append(Page.escape(message == null ? "Le formulaire contient des erreurs." : message)).append("</p>");
        if (errors != null && !errors.isEmpty()) {
            html.append("<ul>");
            errors.forEach((field, error) -> html.append("<li><a href=\"#").append(Page.escape(field)).append("\">")
                    .append(Page.escape(error)).append("</a></li>"));
            html.append("</ul>");
        }
        return html.append("</div>").toString();
    }

    public static String input(String id, String label, String value, Map<String, String> errors, String help,
                               String attributes) {
        return label(id, label, help) + "<input id=\"" + id + "\" name=\"" + id + "\" value=\"" + Page.escape(value)
                + "\"" + described(id, help, errors) + (attributes == null ? "" : " " + attributes) + ">"
                + error(id, errors);
    }

    public static String textarea(String id, String label, String value, Map<String, String> errors, String help,
                                  String attributes) {
        return label(id, label, help) + "<textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"5\""
                + described(id, help, errors) + (attributes == null ? "" : " " + attributes) + ">"
                + Page.escape(value) + "</textarea>" + error(id, errors);
    }

    /** A select; {@code options} maps values to labels, in display order. */
    public static String select(String id, String label, String value, Map<String, String> options,
                                Map<String, String> errors, String help, String attributes) {
        StringBuilder html = new StringBuilder(label(id, label, help)).append("<select id=\"").append(id)
                .append("\" name=\"").append(id).append("\"").append(described(id, help, errors))
                .append(attributes == null ? "" : " " + attributes).append("><option value=\"\">— Choisir —</option>");
        options.forEach((v, l) -> html.append("<option value=\"").append(Page.escape(v)).append("\"")
                .append(v.equals(value) ? " selected" : "").append(">").append(Page.escape(l)).append("</option>"));
        return html.append("</select>").append(error(id, errors)).toString();
    }

    /**
     * A number as people type it in a French form: spaces (also non-breaking) between thousands, a
     * comma or a point before the decimals. Null when blank; {@link NumberFormatException} otherwise.
     */
    public static java.math.BigDecimal decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return new java.math.BigDecimal(typed.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
    }

    private static String label(String id, String label, String help) {
        return "<label for=\"" + id + "\">" + Page.escape(label) + "</label>"
                + (help == null ? "" : "<span class=\"aide\" id=\"" + id + "-aide\">" + Page.escape(help) + "</span>");
    }

    private static String described(String id, String help, Map<String, String> errors) {
        boolean invalid = errors != null && errors.containsKey(id);
        String ids = ((help == null ? "" : id + "-aide ") + (invalid ? id + "-erreur" : "")).strip();
        return (ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"") + (invalid ? " aria-invalid=\"true\"" : "");
    }

    private static String error(String id, Map<String, String> errors) {
        return errors != null && errors.containsKey(id)
                ? "<p class=\"champ-erreur\" id=\"" + id + "-erreur\">" + Page.escape(errors.get(id)) + "</p>" : "";
    }
}
