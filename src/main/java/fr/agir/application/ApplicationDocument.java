package fr.agir.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A piece of the structure's case file that an application relies on (a link, not a copy). */
@Entity
@Table(name = "application_document")
class ApplicationDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "document_id")
    private Long documentId;
    @Column(name = "linked_at")
    private Instant linkedAt;

    protected ApplicationDocument() {
    }

    ApplicationDocument(Long applicationId, Long documentId, Instant linkedAt) {
        this.applicationId = applicationId;
        this.documentId = documentId;
        this.linkedAt = linkedAt;
    }

    Long getDocumentId() { return documentId; }
}
