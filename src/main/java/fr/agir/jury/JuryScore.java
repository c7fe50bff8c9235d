package fr.agir.jury;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One member's score of one application: a draft he can change until he submits it, then final. */
@Entity
@Table(name = "jury_score")
public class JuryScore {
    public enum Status { DRAFT, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private Long sessionId;
    @Column(name = "application_id")
    private Long applicationId;
    private String username;
    @Enumerated(EnumType.STRING)
    private Status status;
    private BigDecimal weighted;
    @Column(name = "score_comment")
    private String comment;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jury_score_line", joinColumns = @JoinColumn(name = "score_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "score_value")
    private Map<Long, Integer> values = new HashMap<>();

    protected JuryScore() {
    }

    JuryScore(Long sessionId, Long applicationId, String username) {
        this.sessionId = sessionId;
        this.applicationId = applicationId;
        this.username = username;
        this.status = Status.DRAFT;
    }

    void update(Map<Long, Integer> next, String comment, BigDecimal weighted, Instant at) {
        values.clear();
        values.putAll(next);
        this.comment = comment;
        this.weighted = weighted;
        this.updatedAt = at;
    }

    void submit(Instant at) {
        this.status = Status.SUBMITTED;
        this.submittedAt = at;
    }

    public boolean isSubmitted() { return status == Status.SUBMITTED; }
    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getApplicationId() { return applicationId; }
    public String getUsername() { return username; }
    public Status getStatus() { return status; }
    public BigDecimal getWeighted() { return weighted; }
    public String getComment() { return comment; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Map<Long, Integer> getValues() { return Map.copyOf(values); }
}
