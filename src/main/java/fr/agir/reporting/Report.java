package fr.agir.reporting;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The financial report (compte-rendu financier, Cerfa 15059) of one grant year. */
@Entity
@Table(name = "report")
public class Report {
    public enum Status {
        /** Expected from the structure. */
        EXPECTED,
        /** Sent, waiting for the instructor. */
        SUBMITTED,
        /** Returned to the structure to complete. */
        RETURNED,
        /** Validated: the balance can be paid. */
        VALIDATED,
        /** Closed with a recovery order for unspent or undue sums. */
        RECOVERY
    }

    public enum Outcome { VALIDATED, INCOMPLETE, RECOVERY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "grant_year")
    private int grantYear;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private boolean overdue;
    @Column(name = "actual_charges")
    private BigDecimal actualCharges;
    @Column(name = "actual_products")
    private BigDecimal actualProducts;
    @Column(name = "spent_grant")
    private BigDecimal spentGrant;
    @Column(name = "qualitative_report")
    private String qualitativeReport;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_reason")
    private String reviewReason;
    @Column(name = "recovery_amount")
    private BigDecimal recoveryAmount;
    @Column(name = "recovery_order_number")
    private String recoveryOrderNumber;
    // The content of the Cerfa 15059 (V26): qualitative part, annex, draft, PDF. See ReportContentService.
    @Column(name = "actions_done")
    private String actionsDone;
    @Column(name = "public_reached")
    private Integer publicReached;
    @Column(name = "dates_places")
    private String datesPlaces;
    private String indicators;
    @Column(name = "grant_use")
    private String grantUse;
    @Column(name = "unspent_amount")
    private BigDecimal unspentAmount;
    @Column(name = "draft_data")
    private String draftData;
    @Column(name = "draft_updated_at")
    private Instant draftUpdatedAt;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "report_pdf")
    private byte[] reportPdf;
    @Column(name = "reminders_sent")
    private int remindersSent;
    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;
    @Column(name = "formal_notice_at")
    private Instant formalNoticeAt;
    @jakarta.persistence.Lob
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @Column(name = "formal_notice_pdf")
    private byte[] formalNoticePdf;
    @Version
    private long version;

    protected Report() {
    }

    Report(Long agreementId, Long applicationId, int grantYear, LocalDate dueDate) {
        this.agreementId = agreementId;
        this.applicationId = applicationId;
        this.grantYear = grantYear;
        this.dueDate = dueDate;
        this.status = Status.EXPECTED;
    }

    void submit(BigDecimal actualCharges, BigDecimal actualProducts, BigDecimal spentGrant, String qualitativeReport,
                String by, Instant at) {
        this.actualCharges = actualCharges;
        this.actualProducts = actualProducts;
        this.spentGrant = spentGrant;
        this.qualitativeReport = qualitativeReport;
        this.submittedBy = by;
        this.submittedAt = at;
        if (this.firstSubmittedAt == null) {
            this.firstSubmittedAt = at;
        }
        this.status = Status.SUBMITTED;
    }

    void review(Status status, String reason, BigDecimal recoveryAmount, String by, Instant at) {
        this.status = status;
        this.reviewReason = reason;
        this.recoveryAmount = recoveryAmount;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    void saveDraft(String data, Instant at) {
        this.draftData = data;
        this.draftUpdatedAt = at;
    }

    /** The Cerfa's qualitative part and annex, as submitted (the lines are {@link ReportAccountLine}s). */
    void content(String actionsDone, Integer publicReached, String datesPlaces, String indicators, String grantUse,
                 BigDecimal unspentAmount) {
        this.actionsDone = actionsDone;
        this.publicReached = publicReached;
        this.datesPlaces = datesPlaces;
        this.indicators = indicators;
        this.grantUse = grantUse;
        this.unspentAmount = unspentAmount;
    }

    void pdf(byte[] pdf) {
        this.reportPdf = pdf;
    }

    /** Whether the structure may still write it: expected, or returned to complete. */
    public boolean isEditable() {
        return status == Status.EXPECTED || status == Status.RETURNED;
    }

    void flagOverdue() {
        this.overdue = true;
    }

    void reminded(int remindersSent) {
        this.remindersSent = remindersSent;
    }

    void formalNotice(byte[] pdf, Instant at) {
        this.formalNoticePdf = pdf;
        this.formalNoticeAt = at;
    }

    /** Still awaited from the structure: never sent, or returned to complete. */
    public boolean isAwaited() {
        return status == Status.EXPECTED || status == Status.RETURNED;
    }

    /** Validated, or closed with a recovery whose order is issued: nothing more is expected of this year's report. */
    public boolean isSettled() {
        return status == Status.VALIDATED || status == Status.RECOVERY && recoveryOrderNumber != null;
    }

    void recoveryOrder(String number) {
        this.recoveryOrderNumber = number;
    }

    public Long getId() { return id; }
    public Long getAgreementId() { return agreementId; }
    public Long getApplicationId() { return applicationId; }
    public int getGrantYear() { return grantYear; }
    public Status getStatus() { return status; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isOverdue() { return overdue; }
    public BigDecimal getActualCharges() { return actualCharges; }
    public BigDecimal getActualProducts() { return actualProducts; }
    public BigDecimal getSpentGrant() { return spentGrant; }
    public String getQualitativeReport() { return qualitativeReport; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getReviewedBy() { return reviewedBy; }
    public String getReviewReason() { return reviewReason; }
    public BigDecimal getRecoveryAmount() { return recoveryAmount; }
    public String getRecoveryOrderNumber() { return recoveryOrderNumber; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getActionsDone() { return actionsDone; }
    public Integer getPublicReached() { return publicReached; }
    public String getDatesPlaces() { return datesPlaces; }
    public String getIndicators() { return indicators; }
    public String getGrantUse() { return grantUse; }
    public BigDecimal getUnspentAmount() { return unspentAmount; }
    public String getDraftData() { return draftData; }
    public Instant getDraftUpdatedAt() { return draftUpdatedAt; }
    public byte[] getReportPdf() { return reportPdf; }
    public int getRemindersSent() { return remindersSent; }
    public Instant getFirstSubmittedAt() { return firstSubmittedAt; }
    public Instant getFormalNoticeAt() { return formalNoticeAt; }
    byte[] getFormalNoticePdf() { return formalNoticePdf; }
}
