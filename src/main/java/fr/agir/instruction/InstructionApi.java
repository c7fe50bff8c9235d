package fr.agir.instruction;

import fr.agir.application.ApplicationService;
import fr.agir.security.Directorate;
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
@Tag(name = "Instruction", description = "Recevabilité, avis des directions, synthèse")
public class InstructionApi {
    private final InstructionService service;
    private final ApplicationService applications;

    public InstructionApi(InstructionService service, ApplicationService applications) {
        this.service = service;
        this.applications = applications;
    }

    public record CompletenessInput(@NotNull(message = "Choisissez une décision") InstructionService.Completeness outcome,
                                    String reason, String missingPieces, java.util.Set<Directorate> addDirectorates,
                                    java.util.Set<Directorate> removeDirectorates, String routingReason) {
    }

    public record MissingPiecesAnswer(String comment) {
    }

    public record OpinionInput(@NotNull(message = "Choisissez un avis") Opinion.Verdict verdict, String comment,
                               BigDecimal suggestedAmount) {
    }

    public record SynthesisInput(String summary, Map<Integer, BigDecimal> proposedAmounts) {
    }

    public record OpinionView(Directorate directorate, String directorateLabel, Opinion.Status status,
                              String statusLabel, Opinion.Verdict verdict, String comment, BigDecimal suggestedAmount,
                              LocalDate dueDate, String givenBy, Instant givenAt) {
        static OpinionView of(Opinion o) {
            return new OpinionView(o.getDirectorate(), o.getDirectorate().label(), o.getStatus(), o.statusLabel(),
                    o.getVerdict(), o.getComment(), o.getSuggestedAmount(), o.getDueDate(), o.getGivenBy(),
                    o.getGivenAt());
        }
    }

    @PostMapping("/completeness")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Décider de la recevabilité (instructeur) : complet, pièces manquantes ou inéligible")
    public void completeness(@PathVariable Long id, @Valid @RequestBody CompletenessInput in) {
        service.decideCompleteness(id, in.outcome(), in.reason(), in.missingPieces(),
                new InstructionService.RoutingChange(in.addDirectorates(), in.removeDirectorates(), in.routingReason()));
    }

    public record ReopenInput(String reason) {
    }

    @PostMapping("/reopen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rouvrir une irrecevabilité : retour au contrôle de recevabilité, motivé et tracé")
    public void reopen(@PathVariable Long id, @RequestBody(required = false) ReopenInput in) {
        service.reopenCompleteness(id, in == null ? null : in.reason());
    }

    @GetMapping("/routing-proposal")
    @Operation(summary = "Les directions que la table de routage propose de consulter (avant la décision de recevabilité)")
    public List<Directorate> routingProposal(@PathVariable Long id) {
        return service.routingProposal(id);
    }

    @PostMapping("/missing-pieces")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Répondre à la demande de pièces (porteur de projet)")
    public void missingPieces(@PathVariable Long id, @RequestBody(required = false) MissingPiecesAnswer in) {
        service.answerMissingPieces(id, in == null ? null : in.comment());
    }

    @GetMapping("/opinions")
    @Operation(summary = "Avis demandés et rendus (agents du Département)")
    public List<OpinionView> opinions(@PathVariable Long id) {
        applications.visible(id);
        return service.opinionsOf(id).stream().map(OpinionView::of).toList();
    }

    @PostMapping("/opinions/{directorate}")
    @Operation(summary = "Donner l'avis de sa direction")
    public OpinionView giveOpinion(@PathVariable Long id, @PathVariable Directorate directorate,
                                   @Valid @RequestBody OpinionInput in) {
        return OpinionView.of(service.giveOpinion(id, directorate, in.verdict(), in.comment(), in.suggestedAmount()));
    }

    @PostMapping("/synthesis")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rédiger la synthèse et proposer un montant par année (instructeur)")
    public void synthesis(@PathVariable Long id, @RequestBody SynthesisInput in) {
        service.writeSynthesis(id, in.summary(), in.proposedAmounts());
    }
}
