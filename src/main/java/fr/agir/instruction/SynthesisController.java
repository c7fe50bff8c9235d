package fr.agir.instruction;

import fr.agir.web.Notice;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instructor's synthesis page: the directorates' opinions, and {@code forms/synthesis.form}
 * rendered by form-js, prefilled with them and with the amounts requested. The form posts to the
 * API from the browser, which then comes back here with {@code ok=synthese}: no redirect of ours
 * to flash a notice on, so that parameter says what happened.
 */
@Controller
public class SynthesisController {
    private final SynthesisService synthesis;

    public SynthesisController(SynthesisService synthesis) {
        this.synthesis = synthesis;
    }

    @GetMapping("/instruction/candidatures/{applicationId}/synthese")
    public String page(@PathVariable("applicationId") Long id, @RequestParam(required = false) String ok, Model model) {
        SynthesisService.SynthesisCase c = synthesis.synthesisCase(id);
        model.addAttribute("c", c);
        model.addAttribute("app", c.application());
        model.addAttribute("formId", SynthesisForm.FORM_ID);
        if ("synthese".equals(ok)) {
            model.addAttribute("notice", Notice.success("La synthèse est enregistrée : la candidature attend le jury.",
                    "Elle pourra être inscrite à une séance de jury.",
                    Notice.link("/instruction/candidatures/" + id, "Revenir au dossier"),
                    Notice.link("/instruction", "Revenir à la file de travail")));
        }
        if (c.expected()) {
            model.addAttribute("pageStyles", List.of("form-js.css", "portal.css"));
            model.addAttribute("pageScripts", List.of("portal.js"));
        }
        return "instruction/synthesis";
    }
}
