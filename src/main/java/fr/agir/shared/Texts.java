package fr.agir.shared;

import java.util.Map;

/** Free text typed by users: trimmed, blank means absent, and never longer than its column. */
public final class Texts {
    private Texts() {
    }

    public static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidInputException("Texte trop long : " + max + " caractères au plus.",
                    Map.of(field, "Au plus " + max + " caractères (actuellement " + text.length() + ")"));
        }
        return text;
    }

    public static String required(String value, String field, int max, String message) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new InvalidInputException(message + ".", Map.of(field, message));
        }
        return text;
    }

    /** Shortens a text for a column of {@code max} characters (for texts the system composes). */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
