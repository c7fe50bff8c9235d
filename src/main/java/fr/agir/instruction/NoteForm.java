package fr.agir.instruction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A private note of the instructors on an application. */
public class NoteForm {
    @NotBlank(message = "Écrivez la note")
    @Size(max = 4000, message = "Au plus 4 000 caractères")
    private String note;

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
