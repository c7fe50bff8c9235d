package fr.agir.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's financial report form ({@code forms/financial-report.form}, Cerfa 15059*02): its schema with the
 * configured threshold, the draft the page autosaves (as the application form does), and the submission,
 * checked again on the server ({@link ReportContentService}).
 */
@RestController
@Tag(name = "Comptes-rendus", description = "Compte-rendu financier annuel")
public class ReportFormApi {
    static final String FORM_ID = ReportContentService.FORM_ID;

    private final ReportContentService contents;
    private final ReportHistory history;

    public ReportFormApi(ReportContentService contents, ReportHistory history) {
        this.contents = contents;
        this.history = history;
    }

    public record FormInput(@NotNull(message = "Données du formulaire manquantes") JsonNode data) {
    }

    public record Saved(Instant updatedAt) {
    }

    /** {@code who}: the person's name and role (« Awa Traoré (structure) »), never a sign-in name. */
    public record Event(String kind, String label, Instant at, String comment,
                        java.math.BigDecimal amount, String who) {
    }

    @GetMapping("/api/reports/form-schema")
    @Operation(summary = "Le formulaire du compte-rendu (form-js), avec le seuil d'écart configuré")
    public JsonNode schema() {
        return contents.schema();
    }

    @GetMapping("/api/reports/{reportId}/draft")
    @Operation(summary = "Données du compte-rendu (brouillon ou remis), prévu de la candidature compris")
    public ReportContentService.FormView draft(@PathVariable Long reportId) {
        return contents.form(reportId);
    }

    @PutMapping("/api/reports/{reportId}/draft")
    @Operation(summary = "Enregistrer le brouillon du compte-rendu (enregistrement automatique du portail)")
    public Saved saveDraft(@PathVariable Long reportId, @Valid @RequestBody FormInput in) {
        return new Saved(contents.saveDraft(reportId, in.data()));
    }

    @PostMapping("/api/reports/{reportId}/form")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remettre le compte-rendu depuis le formulaire du portail (forms/financial-report.form)")
    public void submit(@PathVariable Long reportId, @Valid @RequestBody FormInput in) {
        contents.submit(reportId, in.data());
    }

    @GetMapping("/api/reports/{reportId}/history")
    @Operation(summary = "Historique du compte-rendu : remises, renvois avec commentaires, décisions")
    public List<Event> history(@PathVariable Long reportId) {
        contents.form(reportId); // 404 for anyone who may not see it
        return history.of(reportId).stream().map(e -> new Event(e.kind().name(), e.kind().label(),
                e.occurredAt(), e.comment(), e.amount(), e.who())).toList();
    }
}
