package fr.agir.jury;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A conflict of interest the member declares with a structure of his session. */
public class ConflictForm {
    @NotNull(message = "Choisissez la structure concernée")
    private Long structureId;
    @NotNull(message = "Choisissez la nature du lien")
    private JuryConflict.Type type;
    @Size(max = 1000, message = "Au plus 1 000 caractères")
    private String comment;

    public Long getStructureId() { return structureId; }
    public void setStructureId(Long structureId) { this.structureId = structureId; }
    public JuryConflict.Type getType() { return type; }
    public void setType(JuryConflict.Type type) { this.type = type; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
