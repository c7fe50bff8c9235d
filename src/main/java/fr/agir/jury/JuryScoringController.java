package fr.agir.jury;

import fr.agir.instruction.BudgetView;
import fr.agir.shared.DomainException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Texts;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureDocument;
import fr.agir.web.Downloads;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One application as a member reads and scores it ({@code /jury/seances/{sessionId}/candidatures/{applicationId}}):
 * the case with its budget and pieces, the grid as one fieldset of radios per criterion, a draft saved
 * at once, a definitive submission only after a confirmation step. The others' scores are asked of the
 * service only once his own is submitted, so they cannot reach the page before. A 404 from the service
 * (not assigned, in conflict) is left to the error pages: the same "introuvable" as an unknown id.
 */
@Controller
public class JuryScoringController {
    private final ScoringService scoring;

    public JuryScoringController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/jury/seances/{sessionId}/candidatures/{applicationId}")
    public String application(@PathVariable Long sessionId, @PathVariable Long applicationId,
                              @ModelAttribute("form") ScoreForm form, Model model) {
        ScoringService.JuryCase c = scoring.juryCase(sessionId, applicationId);
        if (c.myScore() != null && !c.myScore().isSubmitted()) {
            form.fill(c.myScore());
        }
        return page(c, form, Map.of(), null, false, model);
    }

    // The path variables are not named "id": Spring exposes them to the template, where the form
    // fragments would take "id" for their field's id.

    /** Saves a draft ({@code action=brouillon}); a submission ({@code action=soumettre}) is first confirmed. */
    @PostMapping("/jury/seances/{sessionId}/candidatures/{applicationId}")
    public String score(@PathVariable Long sessionId, @PathVariable Long applicationId, @ModelAttribute("form") ScoreForm form,
                        @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        ScoringService.JuryCase c = scoring.juryCase(sessionId, applicationId);
        Map<String, String> errors = new LinkedHashMap<>(form.readCriteria(params));
        if (form.isEdit()) {
            return page(c, form, Map.of(), null, false, model);
        }
        String message = errors.isEmpty() ? null : "La note contient des erreurs.";
        if (errors.isEmpty() && form.isSubmit() && !form.isConfirmed()) {
            try {
                ScoringService.checkedValues(criteria(c), form.getValues(), true);
                Texts.optional(form.getComment(), "comment", 4000);
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
                message = e.getMessage();
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(c, form, errors, message, false, model);
        }
        if (form.isSubmit() && !form.isConfirmed()) {
            return page(c, form, Map.of(), null, true, model);
        }
        try {
            JuryScore saved = scoring.score(sessionId, applicationId, form.getValues(), form.getComment(), form.isSubmit());
            (form.isSubmit()
                    ? Notice.success("Votre note est soumise : " + JuryStatistics.format(saved.getWeighted()) + "/20.",
                    "Elle est définitive. Les notes des autres membres s'affichent ci-dessous.",
                    Notice.link("/jury/seances/" + sessionId, "Revenir à mes dossiers de la séance"))
                    : Notice.success("Votre brouillon est enregistré.",
                    "Vous pouvez y revenir jusqu'à la fin de la notation ; il ne compte qu'une fois soumis.",
                    Notice.link("/jury/seances/" + sessionId, "Revenir à mes dossiers de la séance"))).flash(redirect);
            return "redirect:/jury/seances/" + sessionId + "/candidatures/" + applicationId;
        } catch (DomainException e) {
            if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            return page(scoring.juryCase(sessionId, applicationId), form, e.fieldErrors(), e.getMessage(), false, model);
        }
    }

    /** A piece of the case file the application relies on, for a member who may read the case. */
    @GetMapping("/jury/seances/{id}/candidatures/{applicationId}/pieces/{documentId}")
    public ResponseEntity<InputStreamResource> piece(@PathVariable Long id, @PathVariable Long applicationId,
                                                     @PathVariable Long documentId) {
        DocumentVault.Content content = scoring.piece(id, applicationId, documentId);
        StructureDocument d = content.document();
        return Downloads.attachment(d.getOriginalName(), d.getContentType(), d.getSizeBytes(), content.stream());
    }

    private String page(ScoringService.JuryCase c, ScoreForm form, Map<String, String> errors, String errorMessage,
                        boolean confirming, Model model) {
        List<GridCriterion> criteria = criteria(c);
        JuryScore mine = c.myScore();
        boolean submitted = mine != null && mine.isSubmitted();
        model.addAttribute("c", c);
        model.addAttribute("seance", c.session());
        model.addAttribute("criteria", criteria);
        model.addAttribute("budgets", BudgetView.of(c.budgets()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorMessage", errorMessage);
        model.addAttribute("confirming", confirming);
        model.addAttribute("submitted", submitted);
        model.addAttribute("scoring", !submitted && c.session().getPhase() == JurySession.Phase.SCORING
                && c.grid() != null);
        if (confirming) {
            BigDecimal weighted = JuryStatistics.weighted(criteria, form.getValues());
            model.addAttribute("weighted", JuryStatistics.format(weighted));
        }
        if (submitted) {
            model.addAttribute("scores", scoring.othersScores(c.session().getId(), c.application().getId()));
        }
        return "jury/member/application";
    }

    private static List<GridCriterion> criteria(ScoringService.JuryCase c) {
        return c.grid() == null ? List.of() : c.grid().getCriteria();
    }
}
