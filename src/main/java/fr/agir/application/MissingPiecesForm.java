package fr.agir.application;

import jakarta.validation.constraints.Size;

/** The applicant's answer to a request for missing pieces: an optional word to the instructor. */
public class MissingPiecesForm {
    @Size(max = 900, message = "Au plus 900 caractères")
    private String comment;

    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
