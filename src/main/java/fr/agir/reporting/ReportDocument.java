package fr.agir.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A piece of the structure's vault (activity report, approved accounts) a report relies on: linked, not copied. */
@Entity
@Table(name = "report_document")
public class ReportDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private Long reportId;
    @Column(name = "document_id")
    private Long documentId;
    @Column(name = "linked_at")
    private Instant linkedAt;

    protected ReportDocument() {
    }

    ReportDocument(Long reportId, Long documentId, Instant linkedAt) {
        this.reportId = reportId;
        this.documentId = documentId;
        this.linkedAt = linkedAt;
    }

    public Long getReportId() { return reportId; }
    public Long getDocumentId() { return documentId; }
}
