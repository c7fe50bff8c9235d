package fr.agir.structure;

import fr.agir.shared.DomainException;
import fr.agir.shared.StateConflictException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the case file: registering a structure, joining one with an invitation code or on request. */
@Controller
public class StructureController {
    private static final Map<String, String> LEGAL_FORMS = new LinkedHashMap<>();
    private static final Map<String, String> COMMUNES = new LinkedHashMap<>();

    static {
        for (LegalForm f : LegalForm.values()) {
            LEGAL_FORMS.put(f.name(), f.label());
        }
        for (Commune c : Commune.byName()) {
            COMMUNES.put(c.insee(), c.label() + " (" + c.ept().label() + ")");
        }
    }

    private final StructureService structures;
    private final MembershipService memberships;
    private final JoinRequestService joinRequests;

    public StructureController(StructureService structures, MembershipService memberships,
                               JoinRequestService joinRequests) {
        this.structures = structures;
        this.memberships = memberships;
        this.joinRequests = joinRequests;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("legalForms", LEGAL_FORMS);
        model.addAttribute("communes", COMMUNES);
    }

    @GetMapping("/portail/structures/nouvelle")
    public String registrationForm(@ModelAttribute("form") StructureRegistrationForm form) {
        return "structure/register";
    }

    @PostMapping("/portail/structures/nouvelle")
    public String register(@Valid @ModelAttribute("form") StructureRegistrationForm form, BindingResult result,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "structure/register";
        }
        try {
            Structure s = structures.register(form.toRegistration());
            Notice.success("La structure « " + s.getName() + " » est enregistrée.",
                    "Ajoutez maintenant les pièces de son dossier unique (statuts, liste des dirigeants, RIB) : "
                            + "elles sont demandées pour candidater.",
                    Notice.link("/portail/structures/" + s.getId() + "/documents", "Ajouter les pièces du dossier"))
                    .flash(redirect);
            return "redirect:/portail?structure=" + s.getId();
        } catch (StateConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("duplicate", e.getMessage());
            return "structure/register";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            FormErrors.add(result, e);
            return "structure/register";
        }
    }

    @PostMapping("/portail/structures/rejoindre")
    public String requestToJoin(@RequestParam(required = false) String siret, @RequestParam(required = false) String rna,
                                @RequestParam(required = false) String message, RedirectAttributes redirect) {
        joinRequests.request(siret, rna, message);
        Notice.success("Demande envoyée", JoinRequestService.NEUTRAL_ANSWER,
                Notice.link("/portail/invitations", "J'ai reçu un code d'invitation")).flash(redirect);
        return "redirect:/portail";
    }

    @GetMapping("/portail/invitations")
    public String invitationForm(@ModelAttribute("form") InvitationForm form) {
        return "structure/invitation";
    }

    @PostMapping("/portail/invitations")
    public String accept(@Valid @ModelAttribute("form") InvitationForm form, BindingResult result,
                         HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                StructureMember member = memberships.accept(form.getCode().strip());
                Notice.success("Vous avez rejoint la structure.",
                        "Son dossier unique et ses candidatures sont maintenant dans votre espace.").flash(redirect);
                return "redirect:/portail?structure=" + member.getStructureId();
            } catch (DomainException e) {
                response.setStatus(e.httpStatus());
                FormErrors.reject(result, "code", e.getMessage());
                return "structure/invitation";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "structure/invitation";
    }

    /** The invitation code typed by the person invited. */
    public static class InvitationForm {
        @jakarta.validation.constraints.NotBlank(message = "Saisissez le code reçu par e-mail")
        private String code;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
    }
}
