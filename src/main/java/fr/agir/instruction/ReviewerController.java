package fr.agir.instruction;

import fr.agir.security.Directorate;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directorate reviewer's pages: his inbox ({@code /avis}) and, for one application, the case as
 * he may read it with the opinion form. The opinion cannot be changed once sent, so the form first
 * shows what will be sent and asks for a confirmation ({@code confirmed=true}).
 */
@Controller
public class ReviewerController {
    private static final Map<String, String> VERDICTS = new LinkedHashMap<>();

    static {
        for (Opinion.Verdict v : Opinion.Verdict.values()) {
            VERDICTS.put(v.name(), Character.toUpperCase(v.label().charAt(0)) + v.label().substring(1));
        }
    }

    private final ReviewerService reviewers;

    public ReviewerController(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @GetMapping("/avis")
    public String inbox(Model model) {
        model.addAttribute("inbox", reviewers.inbox());
        return "reviewer/inbox";
    }

    @GetMapping("/avis/{applicationId}/{directorate}")
    public String opinion(@PathVariable Long applicationId, @PathVariable Directorate directorate,
                          @ModelAttribute("form") OpinionPageForm form, Model model) {
        return page(applicationId, directorate, false, model);
    }

    /** Checks the opinion, shows it for confirmation, and sends it once confirmed. */
    @PostMapping("/avis/{applicationId}/{directorate}")
    public String give(@PathVariable Long applicationId, @PathVariable Directorate directorate,
                       @Valid @ModelAttribute("form") OpinionPageForm form, BindingResult result, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        if (form.isEdit()) {
            return page(applicationId, directorate, false, model);
        }
        if (!result.hasErrors()) {
            try {
                OpinionForm.read(form.toData()); // the task form's own schema, as the API checks it
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(applicationId, directorate, false, model);
        }
        if (!form.isConfirmed()) {
            return page(applicationId, directorate, true, model);
        }
        try {
            Opinion given = reviewers.giveFromForm(applicationId, directorate, form.toData());
            Notice.success("Votre avis " + given.getVerdict().label() + " est envoyé.",
                    "L'instruction se poursuit : l'instructeur·rice en tiendra compte dans sa synthèse.",
                    Notice.link("/avis/" + applicationId + "/" + directorate.name(), "Revoir l'avis envoyé")).flash(redirect);
            return "redirect:/avis";
        } catch (DomainException e) {
            if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            FormErrors.add(result, e);
            return page(applicationId, directorate, false, model);
        }
    }

    private String page(Long id, Directorate directorate, boolean confirming, Model model) {
        ReviewerService.OpinionCase c = reviewers.opinionCase(id, directorate);
        model.addAttribute("opinionCase", c);
        model.addAttribute("directorate", directorate);
        model.addAttribute("budgets", BudgetView.of(c.budgets()));
        model.addAttribute("verdicts", VERDICTS);
        model.addAttribute("confirming", confirming);
        return "reviewer/opinion";
    }
}
