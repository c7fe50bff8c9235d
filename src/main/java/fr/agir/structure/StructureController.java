package fr.agir.structure;

import fr.agir.shared.DomainException;
import fr.agir.shared.StateConflictException;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pages of the case file: registering a structure, joining one with an invitation code. */
@RestController
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

    @GetMapping(value = "/portail/structures/nouvelle", produces = MediaType.TEXT_HTML_VALUE)
    public String registrationForm(HttpServletRequest request) {
        return registrationPage(request, Map.of(), null, Map.of(), false);
    }

    @PostMapping(value = "/portail/structures/nouvelle", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> register(HttpServletRequest request, @RequestParam Map<String, String> form) {
        LegalForm legalForm = null;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            legalForm = LegalForm.valueOf(form.getOrDefault("legalForm", ""));
        } catch (IllegalArgumentException e) {
            errors.put("legalForm", "Choisissez la forme juridique");
        }
        require(form, "name", "Indiquez le nom de la structure", errors);
        require(form, "legalRepName", "Indiquez le nom du représentant légal", errors);
        require(form, "legalRepEmail", "Indiquez l'e-mail du représentant légal", errors);
        String email = form.getOrDefault("legalRepEmail", "").strip();
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("legalRepEmail", "E-mail invalide : il doit ressembler à nom@exemple.fr");
        }
        if (form.getOrDefault("name", "").length() > 200) {
            errors.put("name", "Au plus 200 caractères");
        }
        if (errors.isEmpty()) {
            try {
                Structure s = structures.register(new StructureService.Registration(form.get("name"), legalForm,
                        form.get("siret"), form.get("rna"), form.get("addressLine"), form.get("postalCode"),
                        form.get("commune"), form.get("legalRepName"), email, form.get("iban"), form.get("bic")));
                return Page.seeOther("/portail?structure=" + s.getId());
            } catch (StateConflictException e) {
                return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML)
                        .body(registrationPage(request, form, e.getMessage(), Map.of(), true));
            } catch (DomainException e) {
                errors.putAll(e.fieldErrors());
                return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                        .body(registrationPage(request, form, e.getMessage(), errors, false));
            }
        }
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                .body(registrationPage(request, form, "Certaines informations manquent ou ne sont pas valides.", errors,
                        false));
    }

    @PostMapping(value = "/portail/structures/rejoindre", produces = MediaType.TEXT_HTML_VALUE)
    public String requestToJoin(HttpServletRequest request, @RequestParam(required = false) String siret,
                                @RequestParam(required = false) String rna,
                                @RequestParam(required = false) String message) {
        joinRequests.request(siret, rna, message);
        return Page.portal(request, "Demande envoyée", "<h1>Demande envoyée</h1><p class=\"succes\" role=\"status\">"
                + Page.escape(JoinRequestService.NEUTRAL_ANSWER) + "</p><p><a href=\"/portail\">Retour à mon espace</a></p>");
    }

    @GetMapping(value = "/portail/invitations", produces = MediaType.TEXT_HTML_VALUE)
    public String invitationForm(HttpServletRequest request, @RequestParam(required = false) String code) {
        return invitationPage(request, code, null);
    }

    @PostMapping(value = "/portail/invitations", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> accept(HttpServletRequest request, @RequestParam(defaultValue = "") String code) {
        try {
            StructureMember member = memberships.accept(code.strip());
            return Page.seeOther("/portail?structure=" + member.getStructureId());
        } catch (DomainException e) {
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(invitationPage(request, code, e.getMessage()));
        }
    }

    private String registrationPage(HttpServletRequest request, Map<String, String> v, String message,
                                    Map<String, String> errors, boolean duplicate) {
        StringBuilder body = new StringBuilder("<h1>Enregistrer une structure</h1>")
                .append("<p>Le dossier unique de votre structure sert à toutes ses candidatures : vous ne le "
                        + "remplissez qu'une fois. Vous en deviendrez le représentant légal dans Agir et pourrez y "
                        + "inviter d'autres membres.</p><p>Les champs marqués d'un astérisque (*) sont obligatoires.</p>");
        if (duplicate) {
            body.append("<div class=\"attention\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\"><p>")
                    .append(Page.escape(message)).append("</p><p>Si vous avez reçu un code d'invitation : "
                            + "<a href=\"/portail/invitations\">rejoindre la structure avec mon code</a>. Sinon, "
                            + "demandez à son représentant légal de vous inviter :</p>")
                    .append("<form method=\"post\" action=\"/portail/structures/rejoindre\">")
                    .append(Page.csrfField(request))
                    .append("<input type=\"hidden\" name=\"siret\" value=\"").append(Page.escape(v.get("siret")))
                    .append("\"><input type=\"hidden\" name=\"rna\" value=\"").append(Page.escape(v.get("rna")))
                    .append("\">")
                    .append(FormHtml.textarea("message", "Votre message au représentant légal (facultatif)", null,
                            null, null, "maxlength=\"1000\""))
                    .append("<button type=\"submit\">Demander à rejoindre la structure</button></form></div>");
        } else {
            body.append(FormHtml.errorSummary(message, errors));
        }
        body.append("<form method=\"post\" action=\"/portail/structures/nouvelle\" novalidate>")
                .append(Page.csrfField(request))
                .append("<fieldset><legend>Identité</legend>")
                .append(FormHtml.input("name", "Nom de la structure *", v.get("name"), errors, null,
                        "required maxlength=\"200\" autocomplete=\"organization\""))
                .append(FormHtml.select("legalForm", "Forme juridique *", v.get("legalForm"), LEGAL_FORMS, errors,
                        null, "required"))
                .append(FormHtml.input("siret", "SIRET", v.get("siret"), errors,
                        "14 chiffres, sur l'avis de situation Sirene. Obligatoire sauf pour une association sans SIRET.",
                        "inputmode=\"numeric\" maxlength=\"17\""))
                .append(FormHtml.input("rna", "Numéro RNA (associations)", v.get("rna"), errors,
                        "La lettre W suivie de 9 chiffres, sur le récépissé de la préfecture.", "maxlength=\"10\""))
                .append("</fieldset><fieldset><legend>Adresse du siège</legend>")
                .append(FormHtml.input("addressLine", "Adresse", v.get("addressLine"), errors, null,
                        "maxlength=\"300\" autocomplete=\"street-address\""))
                .append(FormHtml.input("postalCode", "Code postal *", v.get("postalCode"), errors, null,
                        "required inputmode=\"numeric\" maxlength=\"5\" autocomplete=\"postal-code\""))
                .append(FormHtml.select("commune", "Commune *", v.get("commune"), COMMUNES, errors,
                        "L'Appel à Agir finance les structures de la Seine-Saint-Denis ; l'établissement public "
                                + "territorial (EPT) est déduit de la commune.", "required"))
                .append("</fieldset><fieldset><legend>Représentant légal</legend>")
                .append(FormHtml.input("legalRepName", "Nom et prénom *", v.get("legalRepName"), errors, null,
                        "required maxlength=\"200\" autocomplete=\"name\""))
                .append(FormHtml.input("legalRepEmail", "E-mail *", v.get("legalRepEmail"), errors, null,
                        "required type=\"email\" autocomplete=\"email\""))
                .append("</fieldset><fieldset><legend>Coordonnées bancaires</legend>")
                .append(FormHtml.input("iban", "IBAN", v.get("iban"), errors,
                        "27 caractères pour un compte français, tel qu'il figure sur le RIB.", "maxlength=\"42\""))
                .append(FormHtml.input("bic", "BIC", v.get("bic"), errors, "8 ou 11 caractères.", "maxlength=\"11\""))
                .append("</fieldset><button type=\"submit\">Enregistrer la structure</button></form>");
        return Page.portal(request, "Enregistrer une structure", body.toString());
    }

    private String invitationPage(HttpServletRequest request, String code, String error) {
        Map<String, String> errors = error == null ? Map.of() : Map.of("code", error);
        String body = "<h1>Rejoindre une structure</h1><p>Le représentant légal de la structure vous a envoyé un code "
                + "d'invitation. Saisissez-le pour accéder à son dossier unique et à ses candidatures.</p>"
                + FormHtml.errorSummary(error == null ? null : "Le code n'a pas été accepté.", errors)
                + "<form method=\"post\" action=\"/portail/invitations\">" + Page.csrfField(request)
                + FormHtml.input("code", "Code d'invitation", code, errors, null, "required autocomplete=\"off\"")
                + "<button type=\"submit\">Rejoindre la structure</button></form>";
        return Page.portal(request, "Rejoindre une structure", body);
    }

    private static void require(Map<String, String> form, String field, String message, Map<String, String> errors) {
        if (form.getOrDefault(field, "").isBlank()) {
            errors.put(field, message);
        }
    }

}
