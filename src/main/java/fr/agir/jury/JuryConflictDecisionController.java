package fr.agir.jury;

import fr.agir.shared.DomainException;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator's decision on a conflict of interest, from the session's page: confirm, pin or dismiss. */
@Controller
public class JuryConflictDecisionController {
    private final ConflictService conflicts;

    public JuryConflictDecisionController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @PostMapping(SecretariatPages.BASE + "/conflits/{id}")
    public String decide(@PathVariable Long id, @RequestParam(required = false) Long sessionId,
                         @RequestParam(defaultValue = "") String decision, @RequestParam(required = false) String motif,
                         HttpServletRequest request, RedirectAttributes redirect) {
        String back = sessionId == null ? SecretariatPages.BASE : SecretariatPages.session(sessionId) + "#conflits";
        ConflictService.Decision chosen;
        try {
            chosen = ConflictService.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        try {
            conflicts.decide(id, chosen, motif);
            Notice.success(switch (chosen) {
                case CONFIRM -> "Le conflit est confirmé : le membre reste à l'écart du dossier.";
                case PIN -> "Le conflit est épinglé : le membre reste à l'écart du dossier et ne peut plus retirer sa "
                        + "déclaration.";
                case DISMISS -> "Le conflit est écarté : le membre peut à nouveau recevoir le dossier.";
            }, chosen == ConflictService.Decision.DISMISS
                    ? "Répartissez à nouveau les dossiers si ce membre doit en noter un de plus."
                    : "Si le membre notait ce dossier, il lui a été retiré ; répartissez à nouveau pour le compléter.")
                    .flash(redirect);
        } catch (DomainException e) {
            String details = String.join(" ", e.fieldErrors().values());
            Notice.error("La décision sur le conflit n'est pas enregistrée.",
                    details.isEmpty() ? e.getMessage() : details + ".").flash(redirect);
        }
        return SecretariatPages.seeOther(request, back);
    }
}
