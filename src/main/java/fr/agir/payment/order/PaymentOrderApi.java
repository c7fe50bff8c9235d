package fr.agir.payment.order;

import fr.agir.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Mandats", description = "Bordereaux de mandats pour le logiciel financier, fichier de retour")
public class PaymentOrderApi {
    static final String CSV = "text/csv;charset=UTF-8";
    private final PaymentOrderService service;

    public PaymentOrderApi(PaymentOrderService service) {
        this.service = service;
    }

    public record BordereauView(Long id, int budgetYear, int number, LocalDate issuedOn, String budgetPart,
                                int orderCount, BigDecimal totalAmount, String createdBy, Instant createdAt,
                                String fileName) {
        static BordereauView of(Bordereau b) {
            return new BordereauView(b.getId(), b.getBudgetYear(), b.getNumber(), b.getIssuedOn(), b.getBudgetPart(),
                    b.getOrderCount(), b.getTotalAmount(), b.getCreatedBy(), b.getCreatedAt(), b.getFileName());
        }
    }

    /** The CSV's columns, same names (docs/PAYMENT-ORDERS.md). */
    public record PaymentOrderView(Long bordereauId, int exercice, int idBord, LocalDate dteBordEm, String section, int idPce,
                                   Long installmentId, Long applicationId, String chapitre, String nature,
                                   String fonction, String objet, BigDecimal mtHt, String siret, String rna,
                                   String nom, String adresse, String iban, String bic, String idConv,
                                   String referenceDeliberation, String typeEcheance, String mandat,
                                   LocalDate datePaiement) {
        static PaymentOrderView of(Bordereau b, PaymentOrder o) {
            return new PaymentOrderView(b.getId(), b.getBudgetYear(), b.getNumber(), b.getIssuedOn(),
                    "INVESTMENT".equals(b.getBudgetPart()) ? "I" : "F", o.getPieceNumber(), o.getInstallmentId(),
                    o.getApplicationId(), o.getChapter(), o.getArticle(), o.getFunction(), o.getObject(), o.getAmount(),
                    o.getPayeeSiret(), o.getPayeeRna(), o.getPayeeName(), o.getPayeeAddress(), o.getIban(), o.getBic(),
                    o.getAgreementNumber(), o.getDeliberationReference(), o.getInstallmentKind(),
                    o.getMandateNumber(), o.getPaymentDate());
        }
    }

    @GetMapping("/api/bordereaux")
    @Operation(summary = "Bordereaux de mandats exportés, le plus récent d'abord (finances)")
    public List<BordereauView> bordereaux() {
        return service.list().stream().map(BordereauView::of).toList();
    }

    @PostMapping("/api/bordereaux")
    @Operation(summary = "Générer les bordereaux du jour : chaque échéance validée non encore exportée, une fois")
    public List<BordereauView> export() {
        return service.exportToday().stream().map(BordereauView::of).toList();
    }

    @GetMapping(value = "/api/bordereaux/{id}/csv")
    @Operation(summary = "Le fichier CSV du bordereau, identique à chaque téléchargement")
    public ResponseEntity<InputStreamResource> csv(@PathVariable Long id) {
        Bordereau b = service.bordereau(id);
        return Downloads.attachment(b.getFileName(), CSV, b.getCsv().length, new ByteArrayInputStream(b.getCsv()));
    }

    @GetMapping("/api/payment-orders")
    @Operation(summary = "Les mandats d'un bordereau en JSON (mêmes champs que le CSV), ou le mandat d'une échéance")
    public List<PaymentOrderView> orders(@RequestParam(value = "bordereau", required = false) Long bordereauId,
                                         @RequestParam(value = "installment", required = false) Long installmentId) {
        if (bordereauId == null && installmentId == null) {
            throw new fr.agir.shared.InvalidInputException("Précisez le bordereau (bordereau=…) ou l'échéance (installment=…).",
                    java.util.Map.of("bordereau", "Obligatoire"));
        }
        if (bordereauId == null) {
            return service.orderOfInstallment(installmentId)
                    .map(o -> List.of(PaymentOrderView.of(service.bordereau(o.getBordereauId()), o))).orElse(List.of());
        }
        Bordereau b = service.bordereau(bordereauId);
        return service.ordersOf(bordereauId).stream().filter(o -> installmentId == null
                || installmentId.equals(o.getInstallmentId())).map(o -> PaymentOrderView.of(b, o)).toList();
    }

    @PostMapping(value = "/api/payment-orders/returns", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importer le fichier de retour du logiciel financier (pièce;mandat;date;montant)")
    public PaymentOrderService.ReturnReport importReturn(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "mode", defaultValue = "APPLY_VALID") PaymentOrderService.ReturnMode mode)
            throws IOException {
        return service.importReturn(file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), mode);
    }
}
