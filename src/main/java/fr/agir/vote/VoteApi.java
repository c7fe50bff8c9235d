package fr.agir.vote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications/{id}/decision")
@Tag(name = "Vote", description = "Délibération de la Commission permanente")
public class VoteApi {
    private final VoteService service;

    public VoteApi(VoteService service) {
        this.service = service;
    }

    public record DecisionInput(@NotNull(message = "Choisissez la décision") Decision.Outcome outcome,
                                String deliberationNumber, LocalDate deliberationDate, Integer durationYears,
                                Map<Integer, BigDecimal> amounts, String motivation) {
    }

    public record DecisionView(Long id, Decision.Outcome outcome, String deliberationNumber,
                               LocalDate deliberationDate, int durationYears, String motivation) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.getId(), d.getOutcome(), d.getDeliberationNumber(), d.getDeliberationDate(),
                    d.getDurationYears(), d.getMotivation());
        }
    }

    @PostMapping
    @Operation(summary = "Enregistrer la décision votée sur un seul dossier : adoptée, amendée (montants, au plus "
            + "la demande) ou rejetée (motivée) ; délibération au format CP-AAAA-MM-NNN")
    public DecisionView record(@PathVariable Long id, @Valid @RequestBody DecisionInput in) {
        return DecisionView.of(service.record(id, in.outcome(), in.deliberationNumber(), in.deliberationDate(),
                in.durationYears(), in.amounts(), in.motivation()));
    }
}
