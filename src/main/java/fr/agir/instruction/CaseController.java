package fr.agir.instruction;

import fr.agir.application.MessageApi;
import fr.agir.application.MessageForm;
import fr.agir.application.MessageService;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instructor's case page, with the instructors' private notes and the messages to the structure. */
@Controller
public class CaseController {
    private final CasePage page;
    private final CaseView cases;
    private final MessageService messages;

    public CaseController(CasePage page, CaseView cases, MessageService messages) {
        this.page = page;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/instruction/candidatures/{applicationId}")
    public String casePage(@PathVariable("applicationId") Long id, Model model) {
        return page.fill(model, id);
    }

    @PostMapping("/instruction/candidatures/{applicationId}/notes")
    public String annotate(@PathVariable("applicationId") Long id, @Valid @ModelAttribute("noteForm") NoteForm form,
                           BindingResult result, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.fill(model, id);
        }
        try {
            cases.annotate(id, form.getNote());
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            FormErrors.add(result, e);
            return page.fill(model, id);
        }
        Notice.success("Note interne enregistrée.", "Seuls les instructeurs de la DIEESS la voient, dans ce dossier.")
                .flash(redirect);
        return "redirect:/instruction/candidatures/" + id + "#notes";
    }

    /** The structure is (or is not) a natural person: the open data then leaves it out (or publishes it). */
    @PostMapping("/instruction/candidatures/{applicationId}/personne-physique")
    public String naturalPerson(@PathVariable("applicationId") Long id,
                                @RequestParam(name = "personnePhysique", defaultValue = "false") boolean naturalPerson,
                                RedirectAttributes redirect) {
        cases.markNaturalPerson(id, naturalPerson);
        (naturalPerson
                ? Notice.success("Structure déclarée personne physique.",
                        "Elle ne figurera dans aucun fichier des données ouvertes.")
                : Notice.success("Structure déclarée personne morale.",
                        "Ses subventions en vigueur figurent dans les fichiers des données ouvertes."))
                .flash(redirect);
        return "redirect:/instruction/candidatures/" + id + "#structure";
    }

    /** A refused message comes back to the page with what was typed (flash attributes), as on the portal. */
    @PostMapping("/instruction/candidatures/{applicationId}/messages")
    public String message(@PathVariable("applicationId") Long id, @Valid @ModelAttribute("messageForm") MessageForm form,
                          BindingResult result, @RequestParam(required = false) MultipartFile file,
                          RedirectAttributes redirect) throws IOException {
        if (!result.hasErrors()) {
            try {
                messages.post(id, form.getBody(), MessageApi.attachment(file));
                Notice.success("Message envoyé à la structure.",
                        "Son représentant légal est prévenu par e-mail ; sa réponse s'affichera dans ce dossier.")
                        .flash(redirect);
                return "redirect:/instruction/candidatures/" + id + "#messages";
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, "messageForm", form, result);
        return "redirect:/instruction/candidatures/" + id + "#messages";
    }
}
