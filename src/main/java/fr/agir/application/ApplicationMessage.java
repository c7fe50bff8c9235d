package fr.agir.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message between the structure and the DIEESS about one application, with an optional attachment. */
@Entity
@Table(name = "application_message")
public class ApplicationMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    private String author;
    @Column(name = "from_applicant")
    private boolean fromApplicant;
    private String body;
    @Column(name = "attachment_name")
    private String attachmentName;
    @Column(name = "attachment_type")
    private String attachmentType;
    @Column(name = "attachment_size")
    private Long attachmentSize;
    @Column(name = "attachment_sha256")
    private String attachmentSha256;
    @Column(name = "attachment_key")
    private String attachmentKey;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected ApplicationMessage() {
    }

    ApplicationMessage(Long applicationId, String author, boolean fromApplicant, String body, Instant sentAt) {
        this.applicationId = applicationId;
        this.author = author;
        this.fromApplicant = fromApplicant;
        this.body = body;
        this.sentAt = sentAt;
    }

    void attach(String name, String contentType, long size, String sha256, String storageKey) {
        this.attachmentName = name;
        this.attachmentType = contentType;
        this.attachmentSize = size;
        this.attachmentSha256 = sha256;
        this.attachmentKey = storageKey;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public String getAuthor() { return author; }
    public boolean isFromApplicant() { return fromApplicant; }
    public String getBody() { return body; }
    public String getAttachmentName() { return attachmentName; }
    public String getAttachmentType() { return attachmentType; }
    public Long getAttachmentSize() { return attachmentSize; }
    public String getAttachmentSha256() { return attachmentSha256; }
    String getAttachmentKey() { return attachmentKey; }
    public Instant getSentAt() { return sentAt; }
}
