package fr.agir.payment.desk;

import jakarta.validation.constraints.Size;

/** A liquidation or a validation: an optional comment; {@code confirmed} once the officer confirmed. */
public class CommentForm {
    @Size(max = 1000, message = "Au plus 1000 caractères")
    private String comment;
    private boolean confirmed;

    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
