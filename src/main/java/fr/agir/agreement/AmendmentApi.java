package fr.agir.agreement;

import fr.agir.agreement.signature.SignatureReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Avenants", description = "Avenants à une convention contresignée : préparés par l'instruction dans la "
        + "limite du montant voté, signés par la structure, contresignés par le Département")
public class AmendmentApi {
    private final AmendmentService service;
    private final AgreementService agreements;

    public AmendmentApi(AmendmentService service, AgreementService agreements) {
        this.service = service;
        this.agreements = agreements;
    }

    /** amounts: per grant year (1, 2), in euros; bankDetailsChanged: the avenant carries the case file's RIB. */
    public record AmendmentRequest(@NotNull Map<Integer, BigDecimal> amounts, Integer durationYears, String object,
                                   String reason, boolean bankDetailsChanged) {
    }

    public record AmendmentView(Long id, Long agreementId, int rank, String number, Amendment.Status status,
                                int durationYears, Map<Integer, BigDecimal> amounts, BigDecimal totalAmount,
                                String object, String reason, boolean bankDetailsChanged, Instant draftedAt,
                                String signedBy, Instant signedAt, String countersignedBy, Instant countersignedAt) {
        static AmendmentView of(Amendment a) {
            return new AmendmentView(a.getId(), a.getAgreementId(), a.getRank(), a.getNumber(), a.getStatus(),
                    a.getDurationYears(), a.getAmounts(), a.getTotalAmount(), a.getObject(), a.getReason(),
                    a.isBankDetailsChanged(), a.getDraftedAt(), a.getSignedBy(), a.getSignedAt(),
                    a.getCountersignedBy(), a.getCountersignedAt());
        }
    }

    @PostMapping("/api/agreements/{id}/amendments")
    @Operation(summary = "Préparer un avenant (instruction) : un brouillon, à soumettre ensuite à la signature")
    public ResponseEntity<AmendmentView> draft(@PathVariable Long id, @Valid @RequestBody AmendmentRequest body) {
        Amendment amendment = service.draft(id, new AmendmentService.Draft(body.amounts(), body.durationYears(),
                body.object(), body.reason(), body.bankDetailsChanged()));
        return ResponseEntity.status(HttpStatus.CREATED).body(AmendmentView.of(amendment));
    }

    @GetMapping("/api/agreements/{id}/amendments")
    @Operation(summary = "Les avenants d'une convention, le premier d'abord (les brouillons pour l'instruction seulement)")
    public List<AmendmentView> list(@PathVariable Long id) {
        return service.of(agreements.visible(id)).stream().map(AmendmentView::of).toList();
    }

    @GetMapping("/api/amendments/{id}")
    public AmendmentView get(@PathVariable Long id) {
        return AmendmentView.of(service.visible(id));
    }

    @PostMapping("/api/amendments/{id}/submit")
    @Operation(summary = "Soumettre l'avenant à la signature de la structure (instruction)")
    public AmendmentView submit(@PathVariable Long id) {
        return AmendmentView.of(service.submit(id));
    }

    @PostMapping("/api/amendments/{id}/cancel")
    @Operation(summary = "Abandonner le brouillon d'avenant (instruction)")
    public AmendmentView cancel(@PathVariable Long id) {
        return AmendmentView.of(service.cancel(id));
    }

    /** Where the one-time code went (masked) and until when it is valid. */
    public record CodeSent(String maskedAddress, Instant expiresAt, String message) {
    }

    @PostMapping("/api/amendments/{id}/signature-code")
    @Operation(summary = "Recevoir par e-mail un code à usage unique pour signer l'avenant (représentant légal)")
    public ResponseEntity<CodeSent> signatureCode(@PathVariable Long id) {
        var sent = service.sendSignatureCode(id);
        return ResponseEntity.accepted().body(new CodeSent(sent.maskedAddress(), sent.expiresAt(),
                "Un code a été envoyé à " + sent.maskedAddress() + "."));
    }

    /** The signature: the code received by e-mail and the explicit consent. */
    public record SignRequest(
            @NotBlank(message = "Saisissez le code à 6 chiffres reçu par e-mail") String code,
            @AssertTrue(message = AmendmentService.CONSENT_MISSING) boolean consent) {
    }

    @PostMapping("/api/amendments/{id}/sign")
    @Operation(summary = "Signer l'avenant (représentant légal de la structure), avec le code reçu par e-mail et "
            + "son accord explicite : { \"code\": \"123456\", \"consent\": true }")
    public AmendmentView sign(@PathVariable Long id, @Valid @RequestBody SignRequest request) {
        return AmendmentView.of(service.sign(id, request.code(), request.consent()));
    }

    @PostMapping("/api/amendments/{id}/countersign")
    @Operation(summary = "Contresigner l'avenant (signataire du Département) : il entre en vigueur")
    public AmendmentView countersign(@PathVariable Long id) {
        return AmendmentView.of(service.countersign(id));
    }

    @GetMapping(value = "/api/amendments/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "L'avenant en PDF (signé une fois signé)")
    public ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        Amendment amendment = service.visible(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(amendment.getNumber() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(service.pdf(amendment));
    }

    @GetMapping("/api/amendments/{id}/signatures")
    @Operation(summary = "Le rapport de validation (DSS) des signatures électroniques de l'avenant")
    public SignatureReport signatures(@PathVariable Long id) {
        return service.signatureReport(service.visible(id));
    }
}
