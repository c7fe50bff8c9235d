package fr.agir.jury;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a campaign's scoring grid. It is frozen when a jury session opens scoring with it:
 * from then on its criteria never change, and a change makes the next version.
 */
@Entity
@Table(name = "scoring_grid")
public class ScoringGrid {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "grid_version")
    private int gridVersion;
    @Column(name = "frozen_at")
    private Instant frozenAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "grid_id", nullable = false)
    @OrderBy("position")
    private List<GridCriterion> criteria = new ArrayList<>();

    protected ScoringGrid() {
    }

    ScoringGrid(Long campaignId, int gridVersion, String createdBy, Instant createdAt) {
        this.campaignId = campaignId;
        this.gridVersion = gridVersion;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void replaceCriteria(List<GridCriterion> next) {
        criteria.clear();
        criteria.addAll(next);
    }

    void freeze(Instant at) {
        if (frozenAt == null) {
            frozenAt = at;
        }
    }

    public boolean isFrozen() { return frozenAt != null; }
    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public int getGridVersion() { return gridVersion; }
    public Instant getFrozenAt() { return frozenAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<GridCriterion> getCriteria() { return List.copyOf(criteria); }
}
