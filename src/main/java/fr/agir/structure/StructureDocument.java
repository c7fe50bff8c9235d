package fr.agir.structure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of one piece of a structure's case file. Immutable once stored: a new upload of the
 * same type is a new version; the bytes live in {@link DocumentStorage} under {@code storageKey}.
 */
@Entity
@Table(name = "structure_document")
public class StructureDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "structure_id")
    private Long structureId;
    @Enumerated(EnumType.STRING)
    private DocumentType type;
    /** 1, 2, 3… per structure and type (not a JPA optimistic-lock version: rows are never updated). */
    @Column(name = "version")
    private int versionNumber;
    @Column(name = "original_name")
    private String originalName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "storage_key")
    private String storageKey;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected StructureDocument() {
    }

    StructureDocument(Long structureId, DocumentType type, int versionNumber, String originalName, String contentType,
                      long sizeBytes, String sha256, String storageKey, LocalDate validUntil, String uploadedBy,
                      Instant uploadedAt) {
        this.structureId = structureId;
        this.type = type;
        this.versionNumber = versionNumber;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.validUntil = validUntil;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** Where this piece stands on {@code today} (a Paris date), warning {@code warningDays} ahead. */
    public ExpiryStatus expiryStatus(LocalDate today, int warningDays) {
        return ExpiryStatus.of(validUntil, today, warningDays);
    }

    public Long getId() { return id; }
    public Long getStructureId() { return structureId; }
    public DocumentType getType() { return type; }
    public int getVersionNumber() { return versionNumber; }
    public String getOriginalName() { return originalName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    String getStorageKey() { return storageKey; }
    public LocalDate getValidUntil() { return validUntil; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
