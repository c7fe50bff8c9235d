package fr.agir.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Conventions", description = "Acte juridique d'une subvention : convention pluriannuelle d'objectifs ou arrêté attributif")
public class AgreementApi {
    private final AgreementService service;
    private final ArreteDocument arreteDocument;

    public AgreementApi(AgreementService service, ArreteDocument arreteDocument) {
        this.service = service;
        this.arreteDocument = arreteDocument;
    }

    /** instrument: AGREEMENT (signed, then countersigned) or ARRETE (in force when issued, never signed by the structure). */
    public record AgreementView(Long id, Long applicationId, String number, LegalInstrument instrument,
                                Agreement.Status status, int durationYears, int firstYear, BigDecimal totalAmount,
                                String signedBy, Instant signedAt, String countersignedBy, Instant countersignedAt) {
        static AgreementView of(Agreement a) {
            return new AgreementView(a.getId(), a.getApplicationId(), a.getNumber(), a.getInstrument(), a.getStatus(),
                    a.getDurationYears(),
                    a.getFirstYear(), a.getTotalAmount(), a.getSignedBy(), a.getSignedAt(), a.getCountersignedBy(),
                    a.getCountersignedAt());
        }
    }

    @GetMapping("/api/applications/{id}/agreement")
    @Operation(summary = "L'acte juridique d'une candidature : sa convention ou son arrêté attributif")
    public AgreementView ofApplication(@PathVariable Long id) {
        Agreement agreement = service.ofApplication(id);
        return AgreementView.of(service.visible(agreement.getId()));
    }

    @GetMapping("/api/agreements/{id}")
    public AgreementView get(@PathVariable Long id) {
        return AgreementView.of(service.visible(id));
    }

    @GetMapping(value = "/api/agreements/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La convention ou l'arrêté attributif en PDF")
    public ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        Agreement agreement = service.visible(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(agreement.getNumber() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(agreement.isArrete() ? arreteDocument.render(agreement) : service.pdf(agreement));
    }

    @GetMapping("/api/agreements/{id}/signatures")
    @Operation(summary = "Le rapport de validation (DSS) des signatures électroniques de la convention : "
            + "signataire, date, certificat, document intact")
    public fr.agir.agreement.signature.SignatureReport signatures(@PathVariable Long id) {
        return service.signatureReport(service.visible(id));
    }

    /** Where the one-time code went (masked, "p•••@exemple.fr") and until when it is valid. */
    public record CodeSent(String maskedAddress, Instant expiresAt, String message) {
    }

    @PostMapping("/api/agreements/{id}/signature-code")
    @Operation(summary = "Recevoir par e-mail un code à usage unique pour signer la convention (représentant légal)")
    public ResponseEntity<CodeSent> signatureCode(@PathVariable Long id) {
        var sent = service.sendSignatureCode(id);
        return ResponseEntity.accepted().body(new CodeSent(sent.maskedAddress(), sent.expiresAt(),
                "Un code a été envoyé à " + sent.maskedAddress() + "."));
    }

    /** The signature: the code received by e-mail and the explicit consent. */
    public record SignRequest(
            @NotBlank(message = "Saisissez le code à 6 chiffres reçu par e-mail") String code,
            @AssertTrue(message = AgreementService.CONSENT_MISSING) boolean consent) {
    }

    @PostMapping("/api/agreements/{id}/sign")
    @Operation(summary = "Signer la convention (représentant légal de la structure), avec le code reçu par e-mail "
            + "et son accord explicite : { \"code\": \"123456\", \"consent\": true }")
    public AgreementView sign(@PathVariable Long id, @Valid @RequestBody SignRequest request) {
        return AgreementView.of(service.sign(id, request.code(), request.consent()));
    }

    @PostMapping("/api/agreements/{id}/countersign")
    @Operation(summary = "Contresigner la convention (signataire du Département, rôle signatory)")
    public AgreementView countersign(@PathVariable Long id) {
        return AgreementView.of(service.countersign(id));
    }
}
