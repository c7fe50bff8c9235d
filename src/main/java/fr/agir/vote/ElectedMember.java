package fr.agir.vote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An elected member of the Commission permanente; an inactive one (end of mandate) flags nothing. */
@Entity
@Table(name = "elected_member")
public class ElectedMember {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "full_name")
    private String fullName;
    private boolean active;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ElectedMember() {
    }

    ElectedMember(String fullName, String createdBy, Instant createdAt) {
        this.fullName = fullName;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Long getId() { return id; }
    public String getFullName() { return fullName; }
    public boolean isActive() { return active; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
