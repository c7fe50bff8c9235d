package fr.agir.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Paiements", description = "Échéances, liquidation, mandats")
public class PaymentApi {
    private final PaymentService service;

    public PaymentApi(PaymentService service) {
        this.service = service;
    }

    public enum ValidationDecision { APPROVE, RETURN }

    public record PrepareInput(String comment) {
    }

    public record ValidateInput(@NotNull(message = "Choisissez une décision") ValidationDecision decision,
                                String comment) {
    }

    public record InstallmentView(Long id, Long applicationId, Long agreementId, int year, Installment.Kind kind,
                                  BigDecimal amount, Installment.Status status, String preparedBy,
                                  String validatedBy, String returnReason, String paymentOrderNumber,
                                  Instant paidAt) {
        static InstallmentView of(Installment i) {
            return new InstallmentView(i.getId(), i.getApplicationId(), i.getAgreementId(), i.getGrantYear(),
                    i.getKind(), i.getAmount(), i.getStatus(), i.getPreparedBy(), i.getValidatedBy(),
                    i.getReturnReason(), i.getPaymentOrderNumber(), i.getPaidAt());
        }
    }

    @GetMapping("/api/applications/{id}/installments")
    @Operation(summary = "Échéancier et état des paiements d'une candidature")
    public List<InstallmentView> ofApplication(@PathVariable Long id) {
        return service.ofApplication(id).stream().map(InstallmentView::of).toList();
    }

    @GetMapping("/api/installments/awaiting-validation")
    @Operation(summary = "Échéances liquidées en attente de validation (finances)")
    public List<InstallmentView> awaitingValidation() {
        return service.awaitingFinance().stream().map(InstallmentView::of).toList();
    }

    @PostMapping("/api/installments/{id}/prepare")
    @Operation(summary = "Liquider l'échéance (premier agent des finances)")
    public InstallmentView prepare(@PathVariable Long id, @RequestBody(required = false) PrepareInput in) {
        return InstallmentView.of(service.prepare(id, in == null ? null : in.comment()));
    }

    @PostMapping("/api/installments/{id}/validate")
    @Operation(summary = "Valider le mandat ou renvoyer en liquidation (second agent, jamais le même)")
    public InstallmentView validate(@PathVariable Long id, @Valid @RequestBody ValidateInput in) {
        return InstallmentView.of(service.validate(id, in.decision() == ValidationDecision.APPROVE, in.comment()));
    }
}
