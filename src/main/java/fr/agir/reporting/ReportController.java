package fr.agir.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import fr.agir.shared.DomainException;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureDocument;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The financial report in the portal: {@code forms/financial-report.form} rendered by form-js with autosave and a
 * copy on the device (portal.js, as the application form), then a summary page to reread and send; once sent,
 * the report as sent, its PDF, its history (returns with the instructor's comments).
 */
@Controller
public class ReportController {
    private final ReportingService reports;
    private final ReportContentService contents;
    private final ApplicationService applications;
    private final StructureService structures;
    private final ObjectMapper json;
    private final ReportPieces pieces;
    private final DocumentVault vault;

    public ReportController(ReportingService reports, ReportContentService contents, ApplicationService applications,
                            StructureService structures, ObjectMapper json, ReportPieces pieces, DocumentVault vault) {
        this.pieces = pieces;
        this.vault = vault;
        this.reports = reports;
        this.contents = contents;
        this.applications = applications;
        this.structures = structures;
        this.json = json;
    }

    @GetMapping("/portail/candidatures/{applicationId}/compte-rendu")
    public String page(@PathVariable("applicationId") Long id, Model model, HttpServletRequest request) {
        Application application = member(id);
        Report report = current(id);
        if (report.isEditable()) {
            model.addAttribute("pieces", pieces.of(report.getId()));
            model.addAttribute("fileHelp", vault.fileHelp());
            model.addAttribute("uploadAction", withCsrf(PIECES.replace("{applicationId}", String.valueOf(id)), request));
        }
        // Not "application": in templates that name is the servlet context's attributes.
        model.addAttribute("candidature", application);
        model.addAttribute("report", report);
        // A report sent as totals only (POST /api/reports/{id}/submit) has no table: its totals are shown instead.
        boolean totalsOnly = !report.isEditable() && report.getActionsDone() == null;
        model.addAttribute("sheet", report.getSubmittedAt() == null && report.isEditable() || totalsOnly ? null
                : contents.sheet(report.getId()));
        model.addAttribute("formId", ReportFormApi.FORM_ID);
        model.addAttribute("pageStyles", List.of("form-js.css", "portal.css"));
        model.addAttribute("pageScripts", report.isEditable() ? List.of("portal.js") : List.of());
        return "reporting/report";
    }

    @GetMapping("/portail/candidatures/{applicationId}/compte-rendu/envoi")
    public String summary(@PathVariable("applicationId") Long id, Model model) {
        member(id);
        Report report = current(id);
        if (!report.isEditable()) {
            return "redirect:/portail/candidatures/" + id + "/compte-rendu";
        }
        return summary(report, contents.draftErrors(report.getId()), null, model);
    }

    @PostMapping("/portail/candidatures/{applicationId}/compte-rendu/envoi")
    public String submit(@PathVariable("applicationId") Long id, Model model, RedirectAttributes redirect) {
        member(id);
        Report report = current(id);
        try {
            JsonNode data = contents.form(report.getId()).data();
            contents.submit(report.getId(), data);
        } catch (InvalidInputException e) {
            return summary(report, e.fieldErrors(), e.getMessage(), model);
        }
        Notice.success("Compte-rendu remis.", "Le service instructeur l'examine ; vous le retrouvez, avec son PDF, "
                + "sur la page du compte-rendu.").flash(redirect);
        return "redirect:/portail/candidatures/" + id + "/compte-rendu";
    }

    /** The pieces' upload (multipart): its address carries the CSRF token, as the vault page's (see there why). */
    static final String PIECES = "/portail/candidatures/{applicationId}/compte-rendu/pieces";

    /**
     * A new activity report or approved accounts from the report page: into the vault, then linked. The draft is
     * saved before the page posts (portal.js) and kept on the device: nothing typed is lost. Refused: the vault's
     * French message on the page, nothing stored.
     */
    @PostMapping(PIECES)
    public String upload(@PathVariable("applicationId") Long id, @RequestParam(required = false) String type,
                         @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        member(id);
        Report report = current(id);
        try {
            StructureDocument d = pieces.upload(report.getId(), type, file);
            Notice.success("Pièce « " + d.getType().label() + " » jointe au compte-rendu.", "Elle est aussi "
                    + "enregistrée dans le dossier de la structure (version " + d.getVersionNumber()
                    + ") : les prochaines candidatures et comptes-rendus pourront la reprendre.").flash(redirect);
        } catch (DomainException e) {
            refused(e, redirect);
        }
        return "redirect:/portail/candidatures/" + id + "/compte-rendu#pieces";
    }

    /** A piece already in the vault, picked for the report. */
    @PostMapping("/portail/candidatures/{applicationId}/compte-rendu/pieces/choix")
    public String choose(@PathVariable("applicationId") Long id, @RequestParam(required = false) String documentId,
                         RedirectAttributes redirect) {
        member(id);
        Report report = current(id);
        try {
            Long chosen;
            try {
                chosen = documentId == null || documentId.isBlank() ? null : Long.valueOf(documentId.strip());
            } catch (NumberFormatException e) {
                chosen = null;
            }
            StructureDocument d = pieces.choose(report.getId(), chosen);
            Notice.success("Pièce « " + d.getType().label() + " » jointe au compte-rendu.", d.getOriginalName()
                    + ", version " + d.getVersionNumber() + " du dossier de la structure.").flash(redirect);
        } catch (DomainException e) {
            refused(e, redirect);
        }
        return "redirect:/portail/candidatures/" + id + "/compte-rendu#pieces";
    }

    private static void refused(DomainException e, RedirectAttributes redirect) {
        String detail = e.fieldErrors().isEmpty() ? e.getMessage() : String.join(" ", e.fieldErrors().values());
        Notice.error("La pièce n'est pas jointe.", detail + (detail.endsWith(".") ? "" : ".")
                + " Votre saisie du compte-rendu est conservée.").flash(redirect);
    }

    private static String withCsrf(String path, HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? path : path + "?" + UriUtils.encodeQueryParam(token.getParameterName(),
                StandardCharsets.UTF_8) + "=" + UriUtils.encodeQueryParam(token.getToken(), StandardCharsets.UTF_8);
    }

    @GetMapping("/portail/candidatures/{applicationId}/compte-rendu/{reportId}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable("applicationId") Long id, @PathVariable Long reportId) {
        member(id);
        Report report = reports.get(reportId);
        if (!report.getApplicationId().equals(id)) {
            throw NotFoundException.notYours();
        }
        return pdfResponse(contents.pdf(reportId), "compte-rendu-" + reportId + ".pdf");
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"").body(pdf);
    }

    private String summary(Report report, Map<String, String> errors, String refused, Model model) {
        ReportSheet sheet = contents.sheet(report.getId());
        model.addAttribute("sheet", sheet);
        model.addAttribute("errors", labelled(errors));
        model.addAttribute("refused", refused);
        model.addAttribute("pieces", pieces.of(report.getId()));
        return "reporting/summary";
    }

    /** "l64.actual" → "64 Charges de personnel — réalisé : …", so that the list reads without the form. */
    private static Map<String, String> labelled(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            String text = message;
            for (fr.agir.application.BudgetLineCode code : fr.agir.application.BudgetLineCode.values()) {
                if (key.startsWith(ReportRules.formKey(code) + ".")) {
                    text = "Ligne " + code.account() + " « " + code.label() + " » : " + message;
                }
            }
            out.put(key, text);
        });
        return out;
    }

    private Application member(Long applicationId) {
        Application application = applications.visible(applicationId);
        structures.checkMember(application.getStructureId());
        return application;
    }

    /** The report awaited from the structure, else the latest one. */
    private Report current(Long applicationId) {
        List<Report> all = reports.ofApplication(applicationId);
        return all.stream().filter(Report::isEditable).findFirst()
                .or(() -> all.stream().max(Comparator.comparingInt(Report::getGrantYear)))
                .orElseThrow(() -> new NotFoundException("Aucun compte-rendu n'est attendu pour cette candidature."));
    }
}
