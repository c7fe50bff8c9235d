package fr.agir.jury;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One session as a member sees it ({@code /jury/seances/{sessionId}}): the applications assigned to him and
 * where his scores stand, the session's applications to declare a conflict of interest with, and his
 * conflicts there (withdrawn by him while only declared).
 */
@Controller
public class JuryConflictController {
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        for (JuryConflict.Type t : JuryConflict.Type.values()) {
            TYPES.put(t.name(), t.label());
        }
    }

    private final JuryMemberPages pages;
    private final ConflictService conflicts;

    public JuryConflictController(JuryMemberPages pages, ConflictService conflicts) {
        this.pages = pages;
        this.conflicts = conflicts;
    }

    @GetMapping("/jury/seances/{sessionId}")
    public String session(@PathVariable Long sessionId, @ModelAttribute("form") ConflictForm form, Model model) {
        return page(pages.session(sessionId), model);
    }

    @PostMapping("/jury/seances/{sessionId}/conflits")
    public String declare(@PathVariable Long sessionId, @Valid @ModelAttribute("form") ConflictForm form,
                          BindingResult result, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        JuryMemberPages.SessionPage page = pages.session(sessionId);
        if (form.getStructureId() != null && !page.structureOptions().containsKey(form.getStructureId())) {
            FormErrors.reject(result, "structureId", "Choisissez la structure concernée");
        }
        if (!result.hasErrors()) {
            try {
                conflicts.declare(form.getStructureId(), form.getType(), form.getComment());
                Notice.success("Votre conflit d'intérêts est enregistré.",
                        "Les dossiers de cette structure vous sont retirés : vous ne les noterez pas et ne "
                                + "délibérerez pas à leur sujet.").flash(redirect);
                return "redirect:/jury/seances/" + sessionId + "#mes-conflits";
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
                return page(page, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(page, model);
    }

    /** Withdraws the member's own declaration; back to the session it was withdrawn from. */
    @PostMapping("/jury/conflits/{conflictId}/retrait")
    public String withdraw(@PathVariable Long conflictId, @RequestParam(required = false) Long seance,
                           RedirectAttributes redirect) {
        conflicts.withdraw(conflictId);
        Notice.success("Votre déclaration de conflit d'intérêts est retirée.",
                "Les dossiers de cette structure peuvent à nouveau vous être confiés par la DIEESS.").flash(redirect);
        return seance == null ? "redirect:/jury" : "redirect:/jury/seances/" + seance + "#mes-conflits";
    }

    private String page(JuryMemberPages.SessionPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("seance", page.mine().session());
        model.addAttribute("types", TYPES);
        return "jury/member/session";
    }
}
