package fr.agir.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import fr.agir.web.Notice;
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

    public ReportController(ReportingService reports, ReportContentService contents, ApplicationService applications,
                            StructureService structures, ObjectMapper json) {
        this.reports = reports;
        this.contents = contents;
        this.applications = applications;
        this.structures = structures;
        this.json = json;
    }

    @GetMapping("/portail/candidatures/{applicationId}/compte-rendu")
    public String page(@PathVariable("applicationId") Long id, Model model) {
        Application application = member(id);
        Report report = current(id);
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
        model.addAttribute("pieces", contents.currentPieces(report.getId()));
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
