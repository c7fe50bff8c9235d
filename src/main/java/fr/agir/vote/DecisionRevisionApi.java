package fr.agir.vote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications/{id}")
@Tag(name = "Vote", description = "Délibération de la Commission permanente")
public class DecisionRevisionApi {
    private final DecisionRevisionService service;

    public DecisionRevisionApi(DecisionRevisionService service) {
        this.service = service;
    }

    public record RevisionInput(@NotNull(message = "Choisissez : retrait ou nouveaux montants")
                                DecisionRevisionService.Kind kind, String deliberationNumber,
                                LocalDate deliberationDate, Integer durationYears, Map<Integer, BigDecimal> amounts,
                                String motivation) {
    }

    public record DecisionRecord(Long id, Decision.Outcome outcome, String deliberationNumber,
                                 LocalDate deliberationDate, int durationYears, Map<Integer, BigDecimal> amounts,
                                 BigDecimal total, String motivation, Long revisesId, boolean current,
                                 Instant supersededAt, String note, String amendmentPage) {
        static DecisionRecord of(Decision d) {
            return of(d, null);
        }

        /** With, after an amendment of a signed agreement, what to do next: an avenant, and where. */
        static DecisionRecord of(Decision d, SignedAgreements.SignedAgreement signed) {
            boolean unchanged = signed != null && d.getOutcome() == Decision.Outcome.AMENDED;
            return new DecisionRecord(d.getId(), d.getOutcome(), d.getDeliberationNumber(), d.getDeliberationDate(),
                    d.getDurationYears(), d.getAmounts(), d.getTotal(), d.getMotivation(), d.getRevisesId(),
                    d.isCurrent(), d.getSupersededAt(),
                    unchanged ? DecisionRevisionService.SIGNED_AGREEMENT_UNCHANGED : null,
                    unchanged ? signed.amendmentPage() : null);
        }
    }

    @PostMapping("/decision/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une délibération modificative : retrait de la subvention (motivé) ou nouveaux "
            + "montants (au plus la demande), tant que le versement d'un arrêté n'est pas liquidé ; une convention "
            + "est régénérée tant qu'elle n'est pas signée, et une fois signée elle ne change pas : `note` et "
            + "`amendmentPage` disent alors de préparer un avenant (plafonné par cette nouvelle décision) ; la "
            + "décision antérieure reste dans l'historique")
    public DecisionRecord revise(@PathVariable Long id, @Valid @RequestBody RevisionInput in) {
        Decision decision = service.revise(id, new DecisionRevisionService.Revision(in.kind(),
                in.deliberationNumber(), in.deliberationDate(), in.durationYears(), in.amounts(), in.motivation()));
        return DecisionRecord.of(decision, service.signedAgreement(id).orElse(null));
    }

    @GetMapping("/decisions")
    @Operation(summary = "Les délibérations sur un dossier, de la première à celle en vigueur (agents du Département)")
    public List<DecisionRecord> decisions(@PathVariable Long id) {
        return service.history(id).stream().map(DecisionRecord::of).toList();
    }
}
