package fr.agir.application;

import fr.agir.audit.AuditEvent;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
@Tag(name = "Candidatures", description = "Brouillons, dépôt, suivi")
public class ApplicationApi {
    private final ApplicationService service;
    private final SubmissionReceipt receipt;
    private final CurrentUser currentUser;
    private final ApplicationHistory history;

    public ApplicationApi(ApplicationService service, SubmissionReceipt receipt, CurrentUser currentUser,
                          ApplicationHistory history) {
        this.service = service;
        this.receipt = receipt;
        this.currentUser = currentUser;
        this.history = history;
    }

    public record BudgetInput(@NotNull(message = "Année obligatoire") Integer year, BigDecimal requestedAmount,
                              Map<String, BigDecimal> lines) {
    }

    public record DraftInput(@NotNull(message = "Campagne obligatoire") Long campaignId,
                             @NotNull(message = "Structure obligatoire") Long structureId,
                             String title, String description, Thematic thematic, TargetPublic targetPublic,
                             String territory, Integer durationYears, List<@Valid BudgetInput> budgets,
                             String subTheme) {
    }

    public record DraftUpdate(String title, String description, Thematic thematic, TargetPublic targetPublic,
                              String territory, Integer durationYears, List<@Valid BudgetInput> budgets,
                              String subTheme) {
    }

    public record BudgetView(int year, BigDecimal requestedAmount, Map<String, BigDecimal> lines,
                             BigDecimal totalCharges, BigDecimal totalProducts) {
    }

    public record ApplicationView(Long id, String reference, Long campaignId, Long structureId, String title,
                                  String description, Thematic thematic, TargetPublic targetPublic, String territory,
                                  int durationYears, ApplicationStatus status, String stage, String statusReason,
                                  String missingPieces, Instant submittedAt, List<BudgetView> budgets,
                                  Map<AmountKind, Map<Integer, BigDecimal>> amounts, String synthesis,
                                  String subTheme) {
    }

    /**
     * One event of the history as its reader may read it ({@link ApplicationHistory}): its code and its
     * words; who did it (his sign-in name for DIEESS staff, his name otherwise, the Département's people
     * as "DIEESS" for the structure); its reason only when it is the reader's.
     */
    public record HistoryEntry(Instant at, String actor, String action, String what, String from, String to,
                               String reason) {
        static HistoryEntry of(ApplicationHistory.Entry entry, boolean staff) {
            AuditEvent e = entry.event();
            return new HistoryEntry(e.getOccurredAt(), staff ? e.getActor() : entry.who(), e.getAction(),
                    entry.action().words(), e.getFromState(), e.getToState(), entry.reason());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un brouillon de candidature pour une de ses structures")
    public ApplicationView create(@Valid @RequestBody DraftInput in) {
        Application a = service.createDraft(in.campaignId(), in.structureId(), new ApplicationService.Draft(in.title(),
                in.description(), in.thematic(), in.subTheme(), in.targetPublic(), in.territory(), in.durationYears(),
                budgets(in.budgets())));
        return view(a);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Enregistrer le brouillon (même incomplet)")
    public ApplicationView update(@PathVariable Long id, @Valid @RequestBody DraftUpdate in) {
        Application a = service.updateDraft(id, new ApplicationService.Draft(in.title(), in.description(),
                in.thematic(), in.subTheme(), in.targetPublic(), in.territory(), in.durationYears(), budgets(in.budgets())));
        return view(a);
    }

    public record FormInput(@NotNull(message = "Données du formulaire manquantes")
                            com.fasterxml.jackson.databind.JsonNode data) {
    }

    /** The form's data, and the campaign's sub-themes by thematic that its {@code subTheme} select offers. */
    public record FormView(com.fasterxml.jackson.databind.JsonNode data, ApplicationStatus status, String stage,
                           boolean editable, Instant updatedAt, Map<String, List<Map<String, String>>> subThemeOptions) {
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "La candidature telle que le formulaire du portail la présente (forms/application.form)")
    public FormView form(@PathVariable Long id) {
        Application a = service.visible(id);
        return new FormView(service.formData(id), a.getStatus(), a.getStatus().label(),
                a.getStatus() == ApplicationStatus.DRAFT && currentUser.hasRole(Role.APPLICANT), a.getUpdatedAt(),
                service.subThemeOptions(id));
    }

    @PutMapping("/{id}/form")
    @Operation(summary = "Enregistrement automatique du brouillon depuis le formulaire (même incomplet, jamais mal formé)")
    public FormView saveForm(@PathVariable Long id, @Valid @RequestBody FormInput in) {
        Application a = service.saveForm(id, in.data());
        return new FormView(null, a.getStatus(), a.getStatus().label(), true, a.getUpdatedAt(), null);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Déposer la candidature (idempotent : un second dépôt renvoie la même candidature)")
    public ApplicationView submit(@PathVariable Long id) {
        return view(service.submit(id));
    }

    @GetMapping
    @Operation(summary = "Les candidatures visibles par l'utilisateur, les plus récentes d'abord, par pages "
            + "(en-tête X-Total-Count : le nombre total)")
    public ResponseEntity<List<ApplicationView>> list(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        Page<Application> result = service.visibleList(PageRequest.of(Math.max(page, 0),
                Math.min(Math.max(size, 1), 200)));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(result.getTotalElements()))
                .body(result.stream().map(this::summary).toList());
    }

    @GetMapping("/{id}")
    public ApplicationView get(@PathVariable Long id) {
        return view(service.visible(id));
    }

    @GetMapping(value = "/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "L'accusé de réception daté (PDF) d'une candidature déposée")
    public ResponseEntity<byte[]> receipt(@PathVariable Long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("accuse-de-reception-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(receipt.render(id));
    }

    public record LinkedDocumentView(Long id, fr.agir.structure.DocumentType type, String typeLabel, int version,
                                     String name, Instant uploadedAt, java.time.LocalDate validUntil,
                                     String contentUrl) {
    }

    @GetMapping("/{id}/documents")
    @Operation(summary = "Les pièces du dossier unique sur lesquelles repose la candidature (liées, jamais copiées)")
    public List<LinkedDocumentView> documents(@PathVariable Long id) {
        return service.documents(id).stream().map(d -> new LinkedDocumentView(d.getId(), d.getType(),
                d.getType().label(), d.getVersionNumber(), d.getOriginalName(), d.getUploadedAt(), d.getValidUntil(),
                "/api/applications/" + id + "/documents/" + d.getId() + "/content")).toList();
    }

    @GetMapping("/{id}/documents/{documentId}/content")
    @Operation(summary = "Télécharger une pièce sur laquelle repose la candidature (structure, DIEESS, directions consultées)")
    public ResponseEntity<org.springframework.core.io.InputStreamResource> document(@PathVariable Long id,
                                                                                   @PathVariable Long documentId) {
        fr.agir.structure.DocumentVault.Content content = service.linkedDocument(id, documentId);
        fr.agir.structure.StructureDocument d = content.document();
        return fr.agir.web.Downloads.attachment(d.getOriginalName(), d.getContentType(), d.getSizeBytes(),
                content.stream());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Historique des changements d'état (qui, quand, de quel état à quel état, pourquoi)")
    public List<HistoryEntry> history(@PathVariable Long id) {
        boolean staff = currentUser.isStaff();
        return history.entries(id).stream().map(e -> HistoryEntry.of(e, staff)).toList();
    }

    private ApplicationView summary(Application a) {
        return new ApplicationView(a.getId(), a.getReference(), a.getCampaignId(), a.getStructureId(), a.getTitle(),
                null, a.getThematic(), a.getTargetPublic(), a.getTerritory(), a.getDurationYears(), a.getStatus(),
                a.getStatus().label(), a.getStatusReason(), null, a.getSubmittedAt(), List.of(), Map.of(), null,
                a.getSubTheme());
    }

    private ApplicationView view(Application a) {
        List<BudgetView> budgets = new ArrayList<>();
        for (YearBudget b : service.budgets(a.getId())) {
            Map<String, BigDecimal> lines = new LinkedHashMap<>();
            b.lines().forEach((code, amount) -> lines.put(code.code(), amount));
            budgets.add(new BudgetView(b.year(), b.requestedAmount(), lines, b.total(BudgetLineCode.Side.CHARGE),
                    b.total(BudgetLineCode.Side.PRODUCT)));
        }
        boolean staff = currentUser.isStaff();
        Map<AmountKind, Map<Integer, BigDecimal>> amounts = service.allAmounts(a.getId());
        if (!staff) {
            // Proposals of the instructor and the jury stay internal.
            amounts.keySet().retainAll(Set.of(AmountKind.REQUESTED, AmountKind.GRANTED));
        }
        return new ApplicationView(a.getId(), a.getReference(), a.getCampaignId(), a.getStructureId(), a.getTitle(),
                a.getDescription(), a.getThematic(), a.getTargetPublic(), a.getTerritory(), a.getDurationYears(),
                a.getStatus(), a.getStatus().label(), a.getStatusReason(), a.getMissingPieces(), a.getSubmittedAt(),
                budgets, amounts, staff ? a.getSynthesis() : null, a.getSubTheme());
    }

    private static List<YearBudget> budgets(List<BudgetInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<YearBudget> result = new ArrayList<>();
        Set<Integer> years = new java.util.HashSet<>();
        for (BudgetInput in : inputs) {
            if (!years.add(in.year())) {
                errors.put("budgets[" + in.year() + "]", "Un seul budget par année");
                continue;
            }
            Map<BudgetLineCode, BigDecimal> lines = YearBudget.emptyLines();
            if (in.lines() != null) {
                in.lines().forEach((code, amount) -> {
                    BudgetLineCode line = BudgetLineCode.fromCode(code);
                    String field = "budgets[" + in.year() + "].lines." + code;
                    if (line == null) {
                        errors.put(field, "Ligne budgétaire inconnue");
                    } else if (amount != null) {
                        lines.put(line, Money.euros(amount, field));
                    }
                });
            }
            result.add(new YearBudget(in.year(), Money.euros(in.requestedAmount(),
                    "budgets[" + in.year() + "].requestedAmount"), lines));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le budget prévisionnel contient des erreurs.", errors);
        }
        return result;
    }
}
