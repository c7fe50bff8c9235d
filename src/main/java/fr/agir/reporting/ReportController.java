package fr.agir.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import fr.agir.web.Page;
import fr.agir.workflow.FormSchema;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The financial report in the portal: {@code forms/financial-report.form} rendered with form-js,
 * checked again on the server against the same schema before the report is submitted.
 */
@RestController
public class ReportController {
    static final String FORM_ID = "financial-report";
    private static final FormSchema SCHEMA = FormSchema.load(FORM_ID);
    private static final Set<Report.Status> AWAITED = EnumSet.of(Report.Status.EXPECTED, Report.Status.RETURNED);

    private final ReportingService reports;
    private final ApplicationService applications;
    private final StructureService structures;

    public ReportController(ReportingService reports, ApplicationService applications, StructureService structures) {
        this.reports = reports;
        this.applications = applications;
        this.structures = structures;
    }

    public record FormInput(@NotNull(message = "Données du formulaire manquantes") JsonNode data) {
    }

    @GetMapping(value = "/portail/candidatures/{id}/compte-rendu", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, @PathVariable Long id) {
        Application application = applications.visible(id);
        structures.checkMember(application.getStructureId());
        Report report = reports.ofApplication(id).stream().filter(r -> AWAITED.contains(r.getStatus())).findFirst()
                .orElseThrow(() -> new NotFoundException("Aucun compte-rendu n'est attendu pour cette candidature."));
        String body = "<h1>Compte-rendu financier, année " + report.getGrantYear() + "</h1>"
                + "<p>Candidature " + Page.escape(application.getReference()) + " « " + Page.escape(application.getTitle())
                + " ». À remettre au plus tard le " + French.date(report.getDueDate()) + ".</p>"
                + (report.getStatus() == Report.Status.RETURNED
                ? "<p class=\"attention\">Le service instructeur vous a renvoyé ce compte-rendu pour le compléter.</p>" : "")
                + "<div id=\"resume-erreurs\" class=\"resume-erreurs\" tabindex=\"-1\" role=\"alert\" hidden></div>"
                + "<div id=\"formulaire-tache\" data-schema-url=\"/api/forms/" + FORM_ID + "\" data-submit-url=\"/api/reports/"
                + report.getId() + "/form\" data-done-url=\"/portail/candidatures/" + id + "?ok=compte-rendu\"></div>"
                + "<noscript><p class=\"erreur\">Le formulaire du compte-rendu a besoin de JavaScript.</p></noscript>"
                + "<button type=\"button\" id=\"envoyer-tache\">Remettre le compte-rendu</button>"
                + "<p><a href=\"/portail/candidatures/" + id + "\">Retour à la candidature</a></p>";
        return Page.portal(request, "Compte-rendu financier", body, "form-js.css", "portal.css", "portal.js");
    }

    @PostMapping("/api/reports/{reportId}/form")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remettre le compte-rendu depuis le formulaire du portail (forms/financial-report.form)")
    public void submit(@PathVariable Long reportId, @Valid @RequestBody FormInput in) {
        Map<String, String> errors = SCHEMA.validate(in.data(), FormSchema.Mode.SUBMISSION);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le compte-rendu est incomplet : corrigez les champs signalés.", errors);
        }
        JsonNode d = in.data();
        reports.submit(reportId, new ReportingService.Submission(FormSchema.number(d.path("actualCharges")),
                FormSchema.number(d.path("actualProducts")), FormSchema.number(d.path("spentGrant")),
                d.path("qualitativeReport").asText()));
    }
}
