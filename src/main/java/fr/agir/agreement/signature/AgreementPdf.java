package fr.agir.agreement.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The signed agreement: the PDF as it was when the structure signed (kept unsigned) and the
 * PAdES-signed one, which the countersignature extends.
 */
@Entity
@Table(name = "agreement_pdf")
public class AgreementPdf {
    @Id
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "original_pdf")
    private byte[] originalPdf;
    @Column(name = "signed_pdf")
    private byte[] signedPdf;
    private int signatures;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AgreementPdf() {
    }

    public AgreementPdf(Long agreementId, byte[] originalPdf, byte[] signedPdf, Instant at) {
        this.agreementId = agreementId;
        this.originalPdf = originalPdf;
        this.signedPdf = signedPdf;
        this.signatures = 1;
        this.updatedAt = at;
    }

    /** One more signature over the signed PDF (incremental: the earlier ones stay valid). */
    public void countersigned(byte[] pdf, Instant at) {
        this.signedPdf = pdf;
        this.signatures++;
        this.updatedAt = at;
    }

    public Long getAgreementId() { return agreementId; }
    public byte[] getOriginalPdf() { return originalPdf; }
    public byte[] getSignedPdf() { return signedPdf; }
    public int getSignatures() { return signatures; }
    public Instant getUpdatedAt() { return updatedAt; }
}
