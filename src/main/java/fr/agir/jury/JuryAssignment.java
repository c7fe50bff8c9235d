package fr.agir.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member assigned to score an application in a session, by the planner or by hand. */
@Entity
@Table(name = "jury_assignment")
public class JuryAssignment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private Long sessionId;
    @Column(name = "application_id")
    private Long applicationId;
    private String username;
    private boolean manual;
    @Column(name = "assigned_by")
    private String assignedBy;
    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected JuryAssignment() {
    }

    JuryAssignment(Long sessionId, Long applicationId, String username, boolean manual, String assignedBy,
                   Instant assignedAt) {
        this.sessionId = sessionId;
        this.applicationId = applicationId;
        this.username = username;
        this.manual = manual;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getApplicationId() { return applicationId; }
    public String getUsername() { return username; }
    public boolean isManual() { return manual; }
    public String getAssignedBy() { return assignedBy; }
    public Instant getAssignedAt() { return assignedAt; }
}
