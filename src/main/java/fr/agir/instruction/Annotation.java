package fr.agir.instruction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A private note of an instructor on an application (DIEESS staff only). */
@Entity
@Table(name = "application_annotation")
public class Annotation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    private String author;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Annotation() {
    }

    Annotation(Long applicationId, String author, String body, Instant createdAt) {
        this.applicationId = applicationId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public String getAuthor() { return author; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
