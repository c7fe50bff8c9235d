package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The financial report in the portal: {@code forms/financial-report.form} rendered by form-js
 * (the portal's script), posted to {@link ReportFormApi}.
 */
@Controller
public class ReportController {
    private static final Set<Report.Status> AWAITED = EnumSet.of(Report.Status.EXPECTED, Report.Status.RETURNED);

    private final ReportingService reports;
    private final ApplicationService applications;
    private final StructureService structures;

    public ReportController(ReportingService reports, ApplicationService applications, StructureService structures) {
        this.reports = reports;
        this.applications = applications;
        this.structures = structures;
    }

    @GetMapping("/portail/candidatures/{applicationId}/compte-rendu")
    public String page(@PathVariable("applicationId") Long id, Model model) {
        Application application = applications.visible(id);
        structures.checkMember(application.getStructureId());
        Report report = reports.ofApplication(id).stream().filter(r -> AWAITED.contains(r.getStatus())).findFirst()
                .orElseThrow(() -> new NotFoundException("Aucun compte-rendu n'est attendu pour cette candidature."));
        // Not "application": in templates that name is the servlet context's attributes.
        model.addAttribute("candidature", application);
        model.addAttribute("report", report);
        model.addAttribute("formId", ReportFormApi.FORM_ID);
        model.addAttribute("pageStyles", List.of("form-js.css", "portal.css"));
        model.addAttribute("pageScripts", List.of("portal.js"));
        return "reporting/report";
    }
}
