package fr.agir.instruction;

import fr.agir.application.MissingPiecesForm;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's answer to a request for missing pieces: the process resumes at the completeness
 * check. A refused answer goes back to the application's page with what was typed (flash).
 */
@Controller
public class MissingPiecesController {
    private static final String FORM = "piecesForm";
    private final InstructionService instruction;

    public MissingPiecesController(InstructionService instruction) {
        this.instruction = instruction;
    }

    @PostMapping("/portail/candidatures/{id}/pieces")
    public String answer(@PathVariable Long id, @Valid @ModelAttribute(FORM) MissingPiecesForm form,
                         BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                instruction.answerMissingPieces(id, form.getComment());
                Notice.success("Merci : la DIEESS reprend l’examen de votre dossier.",
                        "Les pièces de votre dossier unique sont jointes à la candidature. Vous serez prévenu "
                                + "ici et par e-mail de la suite.").flash(redirect);
                return "redirect:/portail/candidatures/" + id;
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                // The step is no longer awaited (already answered, deadline passed, withdrawn): no form to show it in.
                Notice.error("Votre réponse n’est pas enregistrée.", e.getMessage()).flash(redirect);
                return "redirect:/portail/candidatures/" + id;
            }
        }
        FormErrors.keepAcrossRedirect(redirect, FORM, form, result);
        return "redirect:/portail/candidatures/" + id + "#attendu";
    }
}
