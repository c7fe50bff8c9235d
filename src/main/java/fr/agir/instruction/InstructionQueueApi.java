package fr.agir.instruction;

import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.Thematic;
import fr.agir.structure.Ept;
import fr.agir.workflow.Workflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Instruction", description = "File de travail de la DIEESS, dossier d'instruction, notes internes")
public class InstructionQueueApi {
    private final InstructionQueue queue;
    private final CaseView cases;
    private final InadmissibilityLetter letter;
    private final MassMessage massMessage;
    private final ProcessingTimes processingTimes;

    public InstructionQueueApi(InstructionQueue queue, CaseView cases, InadmissibilityLetter letter,
                               MassMessage massMessage, ProcessingTimes processingTimes) {
        this.queue = queue;
        this.cases = cases;
        this.letter = letter;
        this.massMessage = massMessage;
        this.processingTimes = processingTimes;
    }

    @PostMapping("/api/instruction/messages")
    @Operation(summary = "Un même message à plusieurs candidatures ; le compte rendu dit ce qui a été envoyé")
    public List<MassMessage.Outcome> messageMany(@RequestBody MassMessageInput in) {
        return massMessage.send(in == null ? null : in.applicationIds(), in == null ? null : in.body());
    }

    public record AssignInput(String assignee) {
    }

    public record MassMessageInput(List<Long> applicationIds, String body) {
    }

    public record AnnotationInput(String body) {
    }

    public record AnnotationView(Long id, String author, String body, Instant createdAt) {
        static AnnotationView of(Annotation a) {
            return new AnnotationView(a.getId(), a.getAuthor(), a.getBody(), a.getCreatedAt());
        }
    }

    @GetMapping("/api/instruction/queue")
    @Operation(summary = "La file de travail des instructeurs : filtres, tri, pages, nombre par étape")
    public InstructionQueue.Result queue(@RequestParam(required = false) Long campaignId,
                                         @RequestParam(required = false) Thematic thematic,
                                         @RequestParam(required = false) ApplicationStatus stage,
                                         @RequestParam(required = false) Ept ept,
                                         @RequestParam(required = false) BigDecimal minAmount,
                                         @RequestParam(required = false) BigDecimal maxAmount,
                                         @RequestParam(defaultValue = "false") boolean overdue,
                                         @RequestParam(required = false) InstructionQueue.Assignment assignment,
                                         @RequestParam(required = false) InstructionQueue.Sort sort,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        return queue.queue(new InstructionQueue.Filter(campaignId, thematic, stage, ept, minAmount, maxAmount, overdue,
                assignment, sort), Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    @GetMapping("/api/instruction/queue/agreements-to-sign")
    @Operation(summary = "Conventions à signer : en attente de la signature de la structure (avec les relances) "
            + "ou de la contresignature du Département, depuis quand, en retard ou non")
    public List<AgreementsAwaitingSignature.Waiting> agreementsToSign() {
        return queue.agreementsToSign();
    }

    public record SelectionInput(List<Long> applicationIds) {
    }

    @PostMapping("/api/instruction/jury")
    @Operation(summary = "Envoyer au jury les candidatures choisies, avec la synthèse proposée (avis et montants demandés)")
    public List<MassMessage.Outcome> sendToJury(@RequestBody SelectionInput in) {
        return massMessage.sendToJury(in == null ? null : in.applicationIds());
    }

    @GetMapping("/api/instruction/dashboard")
    @Operation(summary = "Délais de traitement par étape (médiane, 90e centile, en jours) et tâches en retard d'une campagne")
    public ProcessingTimes.Dashboard dashboard(@RequestParam Long campaignId) {
        return processingTimes.of(campaignId);
    }

    @PostMapping("/api/instruction/tasks/{taskId}/claim")
    @Operation(summary = "Prendre une tâche de la file")
    public Workflow.TeamTask claim(@PathVariable String taskId) {
        return queue.claim(taskId);
    }

    @PostMapping("/api/instruction/tasks/{taskId}/assign")
    @Operation(summary = "Confier une tâche à un collègue de la DIEESS")
    public Workflow.TeamTask assign(@PathVariable String taskId, @RequestBody AssignInput in) {
        return queue.assignTo(taskId, in == null ? null : in.assignee());
    }

    @PostMapping("/api/instruction/tasks/{taskId}/release")
    @Operation(summary = "Remettre une tâche dans la file de l'équipe")
    public Workflow.TeamTask release(@PathVariable String taskId) {
        return queue.release(taskId);
    }

    @GetMapping("/api/applications/{id}/annotations")
    @Operation(summary = "Notes internes des instructeurs (jamais visibles de la structure ni des directions)")
    public List<AnnotationView> annotations(@PathVariable Long id) {
        return cases.annotations(id).stream().map(AnnotationView::of).toList();
    }

    @PostMapping("/api/applications/{id}/annotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une note interne")
    public AnnotationView annotate(@PathVariable Long id, @RequestBody AnnotationInput in) {
        return AnnotationView.of(cases.annotate(id, in == null ? null : in.body()));
    }

    @GetMapping(value = "/api/applications/{id}/inadmissibility-letter", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le courrier d'irrecevabilité (PDF) d'une candidature déclarée irrecevable")
    public ResponseEntity<byte[]> inadmissibilityLetter(@PathVariable Long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("courrier-irrecevabilite-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(letter.of(id));
    }
}
