package fr.agir.payment.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One payment order (a PES V2 Piece with one LigneDePiece): the installment, the payee as at export time. */
@Entity
@Table(name = "payment_order")
public class PaymentOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "bordereau_id")
    private Long bordereauId;
    @Column(name = "piece_number")
    private int pieceNumber;
    @Column(name = "installment_id")
    private Long installmentId;
    @Column(name = "application_id")
    private Long applicationId;
    private BigDecimal amount;
    @Column(name = "payee_name")
    private String payeeName;
    @Column(name = "payee_siret")
    private String payeeSiret;
    @Column(name = "payee_rna")
    private String payeeRna;
    @Column(name = "payee_address")
    private String payeeAddress;
    private String iban;
    private String bic;
    private String object;
    @Column(name = "agreement_number")
    private String agreementNumber;
    @Column(name = "deliberation_reference")
    private String deliberationReference;
    @Column(name = "installment_kind")
    private String installmentKind;
    @Column(name = "imputation_chapter")
    private String chapter;
    @Column(name = "imputation_article")
    private String article;
    @Column(name = "imputation_function")
    private String function;
    @Column(name = "mandate_number")
    private String mandateNumber;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Column(name = "returned_at")
    private Instant returnedAt;

    protected PaymentOrder() {
    }

    PaymentOrder(Long bordereauId, int pieceNumber, Long installmentId, Long applicationId, BigDecimal amount,
                 String payeeName, String payeeSiret, String payeeRna, String payeeAddress, String iban, String bic,
                 String object, String agreementNumber, String deliberationReference, String installmentKind,
                 fr.agir.payment.credit.CreditProperties.Imputation imputation) {
        this.bordereauId = bordereauId;
        this.pieceNumber = pieceNumber;
        this.installmentId = installmentId;
        this.applicationId = applicationId;
        this.amount = amount;
        this.payeeName = payeeName;
        this.payeeSiret = payeeSiret;
        this.payeeRna = payeeRna;
        this.payeeAddress = payeeAddress;
        this.iban = iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        this.bic = bic == null ? null : bic.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        this.object = object.length() > 160 ? object.substring(0, 159) + "…" : object;
        this.agreementNumber = agreementNumber;
        this.deliberationReference = deliberationReference;
        this.installmentKind = installmentKind;
        this.chapter = imputation.chapter();
        this.article = imputation.article();
        this.function = imputation.function();
    }

    void returned(String mandateNumber, LocalDate paymentDate, Instant at) {
        this.mandateNumber = mandateNumber;
        this.paymentDate = paymentDate;
        this.returnedAt = at;
    }

    public Long getId() { return id; }
    public Long getBordereauId() { return bordereauId; }
    public int getPieceNumber() { return pieceNumber; }
    public Long getInstallmentId() { return installmentId; }
    public Long getApplicationId() { return applicationId; }
    public BigDecimal getAmount() { return amount; }
    public String getPayeeName() { return payeeName; }
    public String getPayeeSiret() { return payeeSiret; }
    public String getPayeeRna() { return payeeRna; }
    public String getPayeeAddress() { return payeeAddress; }
    public String getIban() { return iban; }
    public String getBic() { return bic; }
    public String getObject() { return object; }
    public String getAgreementNumber() { return agreementNumber; }
    public String getDeliberationReference() { return deliberationReference; }
    public String getInstallmentKind() { return installmentKind; }
    public String getChapter() { return chapter; }
    public String getArticle() { return article; }
    public String getFunction() { return function; }
    public String getMandateNumber() { return mandateNumber; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public Instant getReturnedAt() { return returnedAt; }
}
