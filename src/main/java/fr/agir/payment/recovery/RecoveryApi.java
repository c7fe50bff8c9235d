package fr.agir.payment.recovery;

import fr.agir.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Titres de recettes", description = "Titres de recettes : émission, export, recouvrement, annulation")
public class RecoveryApi {
    static final String CSV = "text/csv;charset=UTF-8";
    private final RecoveryOrderService service;

    public RecoveryApi(RecoveryOrderService service) {
        this.service = service;
    }

    /** A recovery order, its export's columns named as in the CSV where they exist. */
    public record RecoveryOrderView(Long id, String numTitre, int exercice, Long applicationId, String nom,
                                    String siret, String rna, String adresse, BigDecimal montant, String motif,
                                    String origine, String statut, Long exportId, LocalDate dateRecouvrement,
                                    BigDecimal montantRecouvre, BigDecimal resteDu, String motifAnnulation,
                                    String creePar, Instant creeLe) {
        static RecoveryOrderView of(RecoveryOrder o) {
            return new RecoveryOrderView(o.getId(), o.getNumber(), o.getBudgetYear(), o.getApplicationId(),
                    o.getDebtorName(), o.getDebtorSiret(), o.getDebtorRna(), o.getDebtorAddress(), o.getAmount(),
                    o.getReason(), o.getOrigin().name(), o.getStatus().name(), o.getBatchId(), o.getRecoveredOn(),
                    o.getRecoveredAmount(), o.getRemaining(), o.getCancelReason(), o.getCreatedBy(), o.getCreatedAt());
        }
    }

    /** What the structure reads: never who raised it. */
    public record PortalView(Long id, String numTitre, BigDecimal montant, String motif, String statut,
                             BigDecimal resteDu, Instant creeLe, String courrier) {
    }

    public record BatchView(Long id, int exercice, int number, LocalDate issuedOn, int orderCount,
                            BigDecimal totalAmount, String createdBy, Instant createdAt, String fileName) {
        static BatchView of(RecoveryBatch b) {
            return new BatchView(b.getId(), b.getBudgetYear(), b.getNumber(), b.getIssuedOn(), b.getOrderCount(),
                    b.getTotalAmount(), b.getCreatedBy(), b.getCreatedAt(), b.getFileName());
        }
    }

    public record RaiseBody(@Size(max = 40) String reference, BigDecimal amount, @Size(max = 1000) String reason) {
    }

    public record RecoveredBody(LocalDate date, BigDecimal amount) {
    }

    public record CancelBody(@NotNull @Size(max = 1000) String reason) {
    }

    @GetMapping("/api/recovery-orders")
    @Operation(summary = "Titres de recettes, le plus récent d'abord, filtrés par statut (finances)")
    public List<RecoveryOrderView> list(@RequestParam(value = "status", required = false) RecoveryOrder.Status status) {
        return service.list(status).stream().map(RecoveryOrderView::of).toList();
    }

    @GetMapping("/api/recovery-orders/{id}")
    @Operation(summary = "Un titre de recettes (finances)")
    public RecoveryOrderView get(@PathVariable Long id) {
        return RecoveryOrderView.of(service.get(id));
    }

    @PostMapping("/api/recovery-orders")
    @Operation(summary = "Émettre un titre de recettes pour une subvention versée (référence, montant, motif)")
    public RecoveryOrderView raise(@Valid @RequestBody RaiseBody body) {
        return RecoveryOrderView.of(service.raiseByFinance(body.reference(), body.amount(), body.reason()));
    }

    @PostMapping("/api/recovery-orders/exports")
    @Operation(summary = "Générer l'export des titres : chaque titre à exporter, une fois (rien à exporter : null)")
    public BatchView export() {
        return service.export().map(BatchView::of).orElse(null);
    }

    @GetMapping("/api/recovery-orders/exports")
    @Operation(summary = "Les exports de titres, le plus récent d'abord")
    public List<BatchView> batches() {
        return service.batches().stream().map(BatchView::of).toList();
    }

    @GetMapping("/api/recovery-orders/exports/{id}/csv")
    @Operation(summary = "Le fichier CSV d'un export de titres, identique à chaque téléchargement")
    public ResponseEntity<InputStreamResource> csv(@PathVariable Long id) {
        RecoveryBatch b = service.batch(id);
        return Downloads.attachment(b.getFileName(), CSV, b.getCsv().length, new ByteArrayInputStream(b.getCsv()));
    }

    @PostMapping("/api/recovery-orders/{id}/recovered")
    @Operation(summary = "Marquer recouvré (date, montant ; un recouvrement partiel laisse le reste dû)")
    public RecoveryOrderView recovered(@PathVariable Long id, @Valid @RequestBody RecoveredBody body) {
        return RecoveryOrderView.of(service.markRecovered(id, body.date(), body.amount()));
    }

    @PostMapping("/api/recovery-orders/{id}/cancel")
    @Operation(summary = "Annuler un titre de recettes non recouvré (motif)")
    public RecoveryOrderView cancel(@PathVariable Long id, @Valid @RequestBody CancelBody body) {
        return RecoveryOrderView.of(service.cancel(id, body.reason()));
    }

    @GetMapping("/api/recovery-orders/{id}/letter")
    @Operation(summary = "Le courrier (PDF/A) d'un titre de recettes (finances)")
    public ResponseEntity<byte[]> letter(@PathVariable Long id) {
        return pdf(service.get(id), service.letterForFinance(id));
    }

    @GetMapping("/api/applications/{id}/recovery-orders")
    @Operation(summary = "Les titres de recettes d'une candidature (sa structure, la DIEESS)")
    public List<PortalView> ofApplication(@PathVariable Long id) {
        return service.ofApplication(id).stream().map(o -> new PortalView(o.getId(), o.getNumber(), o.getAmount(),
                o.getReason(), o.getStatus().name(), o.getRemaining(), o.getCreatedAt(),
                "/portail/candidatures/" + id + "/titres/" + o.getId() + "/courrier")).toList();
    }

    static ResponseEntity<byte[]> pdf(RecoveryOrder o, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(RecoveryLetter.fileName(o)).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_PDF)
                .body(content);
    }
}
