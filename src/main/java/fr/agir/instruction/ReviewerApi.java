package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.security.Directorate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The directorate reviewers' inbox and the opinion sent from its form (forms/opinion.form). */
@RestController
@Tag(name = "Avis des directions", description = "Avis à donner, avis donnés, formulaire d'avis")
public class ReviewerApi {
    private final ReviewerService reviewers;

    public ReviewerApi(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    /** The data of a Camunda form, as form-js gives it on submit. */
    public record FormInput(@NotNull(message = "Données du formulaire manquantes") JsonNode data) {
    }

    @GetMapping("/api/opinions/inbox")
    @Operation(summary = "Avis à donner par mes directions (échéance la plus proche d'abord) et avis donnés "
            + "(les plus récents d'abord)")
    public ReviewerService.Inbox inbox() {
        return reviewers.inbox();
    }

    @PostMapping("/api/applications/{id}/opinions/{directorate}/form")
    @Operation(summary = "Donner l'avis de sa direction avec le formulaire « opinion » (vérifié avec le même schéma)")
    public InstructionApi.OpinionView giveFromForm(@PathVariable Long id, @PathVariable Directorate directorate,
                                                   @Valid @RequestBody FormInput in) {
        return InstructionApi.OpinionView.of(reviewers.giveFromForm(id, directorate, in.data()));
    }
}
