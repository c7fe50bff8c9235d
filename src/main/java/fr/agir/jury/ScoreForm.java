package fr.agir.jury;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scoring form posts: one radio per criterion ({@code criterion-<id>}, read by
 * {@link #readCriteria}), the comment, the button pressed ({@code brouillon} or {@code soumettre}), and
 * the confirmation of a definitive submission. The comment's length is checked by the service.
 */
public class ScoreForm {
    static final String CRITERION = "criterion-";

    private String comment;
    private String action;
    /** Set by the confirmation step: a submission without it records nothing. */
    private boolean confirmed;
    /** Set by "Modifier ma note" on the confirmation step: back to the grid, what was ticked kept. */
    private boolean edit;
    private final Map<Long, Integer> values = new LinkedHashMap<>();
    /** The radios as posted, to tick them again ({@code criterion-<id>} → value). */
    private final Map<String, String> ticked = new LinkedHashMap<>();

    /** Reads the criteria's radios; returns the fields whose value is not one of the scale's numbers. */
    Map<String, String> readCriteria(Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(CRITERION) && value != null && !value.isBlank()) {
                ticked.put(key, value.strip());
                try {
                    values.put(Long.valueOf(key.substring(CRITERION.length())), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    errors.put(key, "Choisissez une des notes proposées");
                }
            }
        });
        return errors;
    }

    /** Fills the form from a saved draft. */
    void fill(JuryScore draft) {
        comment = draft.getComment();
        draft.getValues().forEach((criterion, value) -> {
            values.put(criterion, value);
            ticked.put(CRITERION + criterion, String.valueOf(value));
        });
    }

    public boolean isSubmit() {
        return "soumettre".equals(action);
    }

    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    public boolean isEdit() { return edit; }
    public void setEdit(boolean edit) { this.edit = edit; }
    public Map<Long, Integer> getValues() { return values; }
    public Map<String, String> getTicked() { return ticked; }
}
