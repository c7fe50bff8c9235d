package fr.agir.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The letter notifying one decision of the Commission permanente, as sent: its PDF (kept byte for byte,
 * with its SHA-256) and the outbox message that carried it. One per decision, never rewritten.
 */
@Entity
@Table(name = "decision_letter")
public class DecisionLetter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "decision_id")
    private Long decisionId;
    @Enumerated(EnumType.STRING)
    private LetterKind kind;
    @Column(name = "file_name")
    private String fileName;
    private byte[] content;
    private String sha256;
    @Column(name = "mail_message_id")
    private Long mailMessageId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DecisionLetter() {
    }

    DecisionLetter(Long applicationId, Long decisionId, LetterKind kind, String fileName, byte[] content,
                   String sha256, Long mailMessageId, Instant createdAt) {
        this.applicationId = applicationId;
        this.decisionId = decisionId;
        this.kind = kind;
        this.fileName = fileName;
        this.content = content;
        this.sha256 = sha256;
        this.mailMessageId = mailMessageId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public Long getDecisionId() { return decisionId; }
    public LetterKind getKind() { return kind; }
    public String getFileName() { return fileName; }
    public byte[] getContent() { return content; }
    public String getSha256() { return sha256; }
    public Long getMailMessageId() { return mailMessageId; }
    public Instant getCreatedAt() { return createdAt; }
}
