package fr.agir.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.shared.InvalidInputException;
import fr.agir.workflow.FormSchema;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the report page's form-js script posts: {@code forms/financial-report.form}'s data, checked
 * again on the server against the same schema before the report is submitted.
 */
@RestController
public class ReportFormApi {
    static final String FORM_ID = "financial-report";
    private static final FormSchema SCHEMA = FormSchema.load(FORM_ID);

    private final ReportingService reports;

    public ReportFormApi(ReportingService reports) {
        this.reports = reports;
    }

    public record FormInput(@NotNull(message = "Données du formulaire manquantes") JsonNode data) {
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
