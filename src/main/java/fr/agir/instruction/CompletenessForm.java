package fr.agir.instruction;

import fr.agir.security.Directorate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The completeness decision: the decision, then only the fields of that decision are read — the
 * directorates consulted (and why they differ from the routing table's proposal) for a complete
 * case, the missing pieces for a request, the motivation for an inadmissibility.
 */
public class CompletenessForm {
    @NotNull(message = "Choisissez une décision")
    private InstructionService.Completeness outcome;
    @Size(max = 900, message = "Au plus 900 caractères")
    private String missingPieces;
    @Size(max = 900, message = "Au plus 900 caractères")
    private String reason;
    private List<Directorate> directorates = new ArrayList<>();
    @Size(max = 900, message = "Au plus 900 caractères")
    private String routingReason;
    /** Posted by the confirmation step: the decision cannot be undone (only an inadmissibility can be reopened). */
    private boolean confirmed;

    Set<Directorate> chosenDirectorates() {
        Set<Directorate> chosen = EnumSet.noneOf(Directorate.class);
        if (directorates != null) {
            chosen.addAll(directorates);
        }
        return chosen;
    }

    public InstructionService.Completeness getOutcome() { return outcome; }
    public void setOutcome(InstructionService.Completeness outcome) { this.outcome = outcome; }
    public String getMissingPieces() { return missingPieces; }
    public void setMissingPieces(String missingPieces) { this.missingPieces = missingPieces; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<Directorate> getDirectorates() { return directorates; }
    public void setDirectorates(List<Directorate> directorates) { this.directorates = directorates; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    public String getRoutingReason() { return routingReason; }
    public void setRoutingReason(String routingReason) { this.routingReason = routingReason; }
}
