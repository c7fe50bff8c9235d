package fr.agir.jury;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The jury member's home ({@code /jury}): the sessions he sits in, and his mandates with their form. */
@Controller
public class JuryHomeController {
    private final JuryMemberPages pages;
    private final ConflictService conflicts;

    public JuryHomeController(JuryMemberPages pages, ConflictService conflicts) {
        this.pages = pages;
        this.conflicts = conflicts;
    }

    @GetMapping("/jury")
    public String home(@ModelAttribute("form") MandateForm form, Model model) {
        model.addAttribute("home", pages.home());
        return "jury/member/home";
    }

    /** Records the mandate and says how many likely conflicts Agir drew from it. */
    @PostMapping("/jury/mandats")
    public String declareMandate(@Valid @ModelAttribute("form") MandateForm form, BindingResult result, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            long before = pages.suggestedCount();
            try {
                conflicts.declareMandate(form.getOrganisation(), form.getSiren(), form.getRna(), form.getRole());
                long suggested = pages.suggestedCount() - before;
                Notice.success("Votre mandat est enregistré.", suggested == 0
                        ? "Agir n'en déduit aucun conflit d'intérêts avec les structures de vos séances."
                        : suggested == 1
                        ? "Agir en déduit un conflit d'intérêts probable : il apparaît dans la séance concernée, "
                        + "dont le dossier vous est retiré."
                        : "Agir en déduit " + suggested + " conflits d'intérêts probables : ils apparaissent dans les "
                        + "séances concernées, dont les dossiers vous sont retirés.").flash(redirect);
                return "redirect:/jury#mandats";
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("home", pages.home());
        return "jury/member/home";
    }
}
