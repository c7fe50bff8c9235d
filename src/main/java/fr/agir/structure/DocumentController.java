package fr.agir.structure;

import fr.agir.shared.French;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case file's documents page of the portal: the current piece of each type with its validity,
 * the versions, and (for the structure's members) the upload form, redisplayed with the error next
 * to the field and the chosen type and date kept when an upload is refused.
 */
@RestController
public class DocumentController {
    private static final String ERROR_ID = "erreur-depot";

    private final DocumentVault vault;
    private final StructureService structures;

    public DocumentController(DocumentVault vault, StructureService structures) {
        this.vault = vault;
        this.structures = structures;
    }

    /** What the form sent, to show it again after a refusal. */
    record FormInput(String type, String validUntil) {
        static final FormInput EMPTY = new FormInput(null, null);
    }

    @GetMapping(value = "/portail/structures/{id}/documents", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable Long id, HttpServletRequest request,
                       @RequestParam(required = false) Long envoye, @RequestParam(required = false) Long deja) {
        DocumentVault.Listing listing = vault.list(id);
        String notice = null;
        if (envoye != null || deja != null) {
            Long shown = envoye != null ? envoye : deja;
            notice = listing.history().stream().filter(e -> e.document().getId().equals(shown)).findFirst()
                    .map(e -> envoye != null
                            ? "Pièce « " + e.document().getType().label() + " » enregistrée (version "
                            + e.document().getVersionNumber() + ")."
                            : "Ce fichier était déjà enregistré comme « " + e.document().getType().label()
                            + " », version " + e.document().getVersionNumber() + " : rien n'a été ajouté.")
                    .orElse(null);
        }
        return render(id, listing, request, notice, null, FormInput.EMPTY);
    }

    @PostMapping(value = "/portail/structures/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> upload(@PathVariable Long id, HttpServletRequest request,
                                         @RequestParam(required = false) String type,
                                         @RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String validUntil) {
        FormInput input = new FormInput(type, validUntil);
        try {
            DocumentVault.Upload upload = vault.upload(id, type, file, validUntil);
            String param = upload.created() ? "envoye" : "deja";
            return Page.seeOther("/portail/structures/" + id + "/documents?" + param + "=" + upload.document().getId());
        } catch (DocumentRejectedException e) {
            return ResponseEntity.status(e.httpStatus()).contentType(MediaType.TEXT_HTML)
                    .body(render(id, vault.list(id), request, null, e, input));
        }
    }

    private String render(Long id, DocumentVault.Listing listing, HttpServletRequest request, String notice,
                          DocumentRejectedException error, FormInput input) {
        Structure structure = structures.get(id);
        StringBuilder body = new StringBuilder("<h1>Pièces du dossier unique — ")
                .append(Page.escape(structure.getName())).append("</h1>");
        if (notice != null) {
            body.append("<p class=\"info\" role=\"status\">").append(Page.escape(notice)).append("</p>");
        }
        if (listing.missingRequiredTypes().isEmpty()) {
            body.append("<p>Les pièces exigées pour candidater sont toutes déposées et en cours de validité.</p>");
        } else {
            body.append("<p class=\"info\">Pièces exigées pour candidater, manquantes ou expirées : ")
                    .append(Page.escape(listing.missingRequiredTypes().stream().map(DocumentType::label)
                            .collect(Collectors.joining(", ")))).append(".</p>");
        }
        body.append("<h2>Pièces en cours</h2>");
        table(body, id, listing.current(), "Dernière version de chaque pièce déposée", "Aucune pièce déposée pour l'instant.");
        if (structures.isMember(id)) {
            form(body, id, request, error, input);
        }
        body.append("<h2>Historique des versions</h2>");
        table(body, id, listing.history(), "Toutes les versions déposées, de la plus récente à la plus ancienne",
                "Aucune version.");
        body.append("<p><a href=\"/portail\">Retour à mon espace</a></p>");
        return Page.portal(request, "Pièces du dossier unique", body.toString());
    }

    private static void table(StringBuilder body, Long id, List<DocumentVault.Entry> entries, String caption,
                              String none) {
        if (entries.isEmpty()) {
            body.append("<p>").append(Page.escape(none)).append("</p>");
            return;
        }
        body.append("<table><caption>").append(Page.escape(caption)).append("</caption><thead><tr>")
                .append("<th scope=\"col\">Pièce</th><th scope=\"col\">Version</th><th scope=\"col\">Déposée le</th>")
                .append("<th scope=\"col\">Fin de validité</th><th scope=\"col\">État</th>")
                .append("<th scope=\"col\">Fichier</th></tr></thead><tbody>");
        for (DocumentVault.Entry e : entries) {
            StructureDocument d = e.document();
            body.append("<tr><th scope=\"row\">").append(Page.escape(d.getType().label())).append("</th><td>")
                    .append(d.getVersionNumber()).append("</td><td>").append(French.date(d.getUploadedAt()))
                    .append("</td><td>").append(d.getValidUntil() == null ? "aucune" : French.date(d.getValidUntil()))
                    .append("</td><td>").append(Page.escape(badge(e))).append("</td><td><a href=\"/api/structures/")
                    .append(id).append("/documents/").append(d.getId()).append("/content\">Télécharger ")
                    .append(Page.escape(d.getOriginalName())).append("</a></td></tr>");
        }
        body.append("</tbody></table>");
    }

    /** The expiry status in words: "Expirée", "Expire bientôt (le 12/01/2027)"… */
    static String badge(DocumentVault.Entry e) {
        LocalDate end = e.document().getValidUntil();
        return switch (e.status()) {
            case EXPIRED -> "Expirée";
            case EXPIRING_SOON -> "Expire bientôt (le " + French.date(end) + ")";
            case VALID -> "Valide";
            case NO_END -> "Sans date de fin";
        };
    }

    private void form(StringBuilder body, Long id, HttpServletRequest request, DocumentRejectedException error,
                      FormInput input) {
        Map<String, String> fields = error == null ? Map.of() : error.fieldErrors();
        body.append("<h2>Déposer une pièce</h2>");
        if (error != null) {
            body.append("<p class=\"erreur\" role=\"alert\" id=\"").append(ERROR_ID).append("\">")
                    .append(Page.escape(error.getMessage()));
            if (!fields.containsKey("type") && !fields.containsKey("validUntil")) {
                body.append(" Le type et la date saisis sont conservés ; choisissez à nouveau le fichier.");
            }
            body.append("</p>");
        }
        String action = "/portail/structures/" + id + "/documents" + Page.csrfQuery(request);
        body.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").append(Page.escape(action))
                .append("\">").append(Page.csrfField(request))
                .append("<label for=\"type\">Type de pièce</label><select id=\"type\" name=\"type\" required")
                .append(invalid(fields, "type", null)).append("><option value=\"\">— Choisissez —</option>");
        for (DocumentType t : DocumentType.values()) {
            body.append("<option value=\"").append(t.name()).append("\"")
                    .append(t.name().equals(input.type()) ? " selected" : "").append(">")
                    .append(Page.escape(t.label() + (t.requiredForApplication() ? " (exigée pour candidater)" : "")))
                    .append("</option>");
        }
        body.append("</select>")
                .append("<label for=\"file\">Fichier</label>")
                .append("<p id=\"aide-fichier\">").append(Page.escape(UploadChecks.ACCEPTED_FORMATS + ", "
                        + vault.maxSizeText() + " au plus.")).append("</p>")
                .append("<input type=\"file\" id=\"file\" name=\"file\" required")
                .append(" accept=\".pdf,.jpg,.jpeg,.png,.odt,.ods,.docx,.xlsx\"")
                .append(invalid(fields, "file", "aide-fichier")).append(">")
                .append("<label for=\"validUntil\">Fin de validité (facultatif)</label>")
                .append("<p id=\"aide-validite\">Laissez vide pour la durée habituelle : 6 mois pour l'attestation "
                        + "URSSAF, 1 an pour l'attestation fiscale, 18 mois pour les comptes et le rapport "
                        + "d'activité, sans fin pour les autres pièces.</p>")
                .append("<input type=\"date\" id=\"validUntil\" name=\"validUntil\" value=\"")
                .append(Page.escape(input.validUntil())).append("\"")
                .append(invalid(fields, "validUntil", "aide-validite")).append(">")
                .append("<button type=\"submit\">Déposer la pièce</button></form>");
    }

    /** aria-describedby (the field's help, and the error when it is about this field) and aria-invalid. */
    private static String invalid(Map<String, String> fields, String field, String helpId) {
        boolean inError = fields.containsKey(field);
        String describedBy = ((helpId == null ? "" : helpId) + (inError ? " " + ERROR_ID : "")).trim();
        return (describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"")
                + (inError ? " aria-invalid=\"true\"" : "");
    }
}
