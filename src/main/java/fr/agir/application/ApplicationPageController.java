package fr.agir.application;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
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

/** An application's page in the portal (stage, what to do, pieces, messages, history) and its form page. */
@Controller
public class ApplicationPageController {
    static final String MESSAGE_FORM = "messageForm";
    static final String PIECES_FORM = "piecesForm";

    private final PortalViews views;
    private final MessageService messages;
    private final org.springframework.beans.factory.ObjectProvider<ApplicationPayments> payments;

    public ApplicationPageController(PortalViews views, MessageService messages,
                                     org.springframework.beans.factory.ObjectProvider<ApplicationPayments> payments) {
        this.views = views;
        this.messages = messages;
        this.payments = payments;
    }

    @GetMapping("/portail/candidatures/{id}")
    public String page(@PathVariable Long id, @RequestParam(required = false) String ok, Model model) {
        model.addAttribute("page", views.applicationPage(id));
        ApplicationPayments paid = payments.getIfAvailable();
        model.addAttribute("payments", paid == null ? java.util.List.of() : paid.of(id));
        // The report form (form-js, a script) comes back here with ?ok=compte-rendu: it cannot flash a notice.
        if ("compte-rendu".equals(ok) && !model.containsAttribute(Notice.ATTRIBUTE)) {
            model.addAttribute(Notice.ATTRIBUTE, Notice.success("Compte-rendu financier remis.",
                    "La DIEESS va l’examiner ; vous serez prévenu ici et par e-mail de la suite."));
        }
        // After a refused message or answer, the redirect brought the form and its errors back (flash).
        if (!model.containsAttribute(MESSAGE_FORM)) {
            model.addAttribute(MESSAGE_FORM, new MessageForm());
        }
        if (!model.containsAttribute(PIECES_FORM)) {
            model.addAttribute(PIECES_FORM, new MissingPiecesForm());
        }
        return "portal/application";
    }

    @GetMapping("/portail/candidatures/{id}/formulaire")
    public String form(@PathVariable Long id, Model model) {
        model.addAttribute("page", views.formPage(id));
        model.addAttribute("pageStyles", List.of("form-js.css", "portal.css"));
        model.addAttribute("pageScripts", List.of("portal.js"));
        return "portal/form";
    }

    /**
     * A message to the DIEESS. Refused (empty, a file of the wrong type…): back to the page with what
     * was typed and the error, through flash attributes, so that no POST address stays in the
     * address bar; the file has to be chosen again (a browser never keeps it).
     */
    @PostMapping("/portail/candidatures/{id}/messages")
    public String post(@PathVariable Long id, @Valid @ModelAttribute(MESSAGE_FORM) MessageForm form,
                       BindingResult result, RedirectAttributes redirect) throws IOException {
        MultipartFile file = form.getFile();
        form.setFile(null); // the request's temporary file: not for the session
        if (!result.hasErrors()) {
            try {
                messages.post(id, form.getBody(), MessageApi.attachment(file));
                Notice.success("Votre message est envoyé à la DIEESS.",
                        "Vous recevrez un e-mail quand elle vous répondra ; sa réponse s’affichera ici.")
                        .flash(redirect);
                return "redirect:/portail/candidatures/" + id + "#messages";
            } catch (DomainException e) {
                if (e.httpStatus() == HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, MESSAGE_FORM, form, result);
        return "redirect:/portail/candidatures/" + id + "#messages";
    }

}
