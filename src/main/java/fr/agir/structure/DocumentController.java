package fr.agir.structure;

import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The case file's pieces in the portal: the current piece of each type with its validity, the
 * versions, and for the structure's members the upload form. Every answer to an upload is a 303 to
 * the page's clean address (the form's address carries the CSRF token, see {@link #uploadAction}):
 * a notice when stored, the error with the chosen type and date kept when refused.
 */
@Controller
public class DocumentController {
    static final String PAGE = "/portail/structures/{structureId}/documents";
    /** Flash attribute set by {@link DocumentUploadLimitAdvice} when the servlet cut the upload short. */
    static final String TOO_LARGE = "uploadTooLarge";

    private final DocumentVault vault;
    private final StructureService structures;

    public DocumentController(DocumentVault vault, StructureService structures) {
        this.vault = vault;
        this.structures = structures;
    }

    @InitBinder("form")
    void fileIsNotAFormValue(WebDataBinder binder) {
        binder.setDisallowedFields("file");
    }

    @GetMapping(PAGE)
    public String page(@PathVariable("structureId") Long id, Model model, HttpServletRequest request) {
        DocumentVault.Listing listing = vault.list(id);
        boolean member = structures.isMember(id);
        model.addAttribute("structure", structures.get(id));
        model.addAttribute("listing", listing);
        model.addAttribute("member", member);
        model.addAttribute("legalRepresentative", member && structures.isLegalRepresentative(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DocumentUploadForm());
        }
        model.addAttribute("types", typeOptions());
        model.addAttribute("fileHelp", vault.fileHelp());
        model.addAttribute("uploadAction", uploadAction(id, request));
        return "structure/documents";
    }

    @PostMapping(PAGE)
    public String upload(@PathVariable("structureId") Long id, @ModelAttribute("form") DocumentUploadForm form, BindingResult result,
                         @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        String page = "redirect:/portail/structures/" + id + "/documents";
        try {
            DocumentVault.Upload upload = vault.upload(id, form.getType(), file, form.getValidUntil());
            StructureDocument d = upload.document();
            boolean complete = vault.missingRequiredTypes(id).isEmpty();
            String next = complete ? "Les pièces exigées pour candidater sont maintenant toutes déposées."
                    : "Déposez les autres pièces exigées pour candidater, listées en haut de la page.";
            (upload.created()
                    ? Notice.success("Pièce « " + d.getType().label() + " » enregistrée (version "
                    + d.getVersionNumber() + ").", next)
                    : Notice.info("Ce fichier était déjà enregistré comme « " + d.getType().label() + " », version "
                    + d.getVersionNumber() + " : rien n'a été ajouté.", null)).flash(redirect);
            return page;
        } catch (DocumentRejectedException e) {
            // Refused: back to the clean address (no token in the address bar), what was chosen kept.
            FormErrors.add(result, e);
            FormErrors.keepAcrossRedirect(redirect, "form", form, result);
            return page + "#erreurs";
        }
    }

    /**
     * The form's address carries the CSRF token: when a file exceeds the servlet's multipart limit,
     * the body cannot be read, and the person must be told "trop volumineux", not "accès refusé".
     * Its answers are always redirections, so the token never stays in the address bar.
     */
    private static String uploadAction(Long id, HttpServletRequest request) {
        String path = "/portail/structures/" + id + "/documents";
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? path : path + "?" + UriUtils.encodeQueryParam(token.getParameterName(),
                java.nio.charset.StandardCharsets.UTF_8) + "=" + UriUtils.encodeQueryParam(token.getToken(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, String> typeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (DocumentType t : DocumentType.values()) {
            options.put(t.name(), t.label() + (t.requiredForApplication() ? " (exigée pour candidater)" : ""));
        }
        return options;
    }
}
