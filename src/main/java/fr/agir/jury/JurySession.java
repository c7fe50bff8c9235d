package fr.agir.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A jury session: its members score a batch of a campaign's applications, then deliberate. */
@Entity
@Table(name = "jury_session")
public class JurySession {
    /** The phases, in order; a session only moves forward. */
    public enum Phase {
        CONFLICTS("Déclaration des conflits et répartition"),
        SCORING("Notation"),
        DELIBERATION("Délibération"),
        CLOSED("Close");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "grid_id")
    private Long gridId;
    private String name;
    @Column(name = "scoring_opens")
    private LocalDate scoringOpens;
    @Column(name = "scoring_closes")
    private LocalDate scoringCloses;
    @Column(name = "deliberation_date")
    private LocalDate deliberationDate;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    @Column(name = "jurors_per_application")
    private int jurorsPerApplication;
    @Column(name = "prefer_thematics")
    private boolean preferThematics;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected JurySession() {
    }

    JurySession(Long campaignId, String name, LocalDate scoringOpens, LocalDate scoringCloses,
                LocalDate deliberationDate, int jurorsPerApplication, boolean preferThematics, String createdBy,
                Instant createdAt) {
        this.campaignId = campaignId;
        this.name = name;
        this.scoringOpens = scoringOpens;
        this.scoringCloses = scoringCloses;
        this.deliberationDate = deliberationDate;
        this.jurorsPerApplication = jurorsPerApplication;
        this.preferThematics = preferThematics;
        this.phase = Phase.CONFLICTS;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void openScoring(Long frozenGridId) {
        this.gridId = frozenGridId;
        this.phase = Phase.SCORING;
    }

    void openDeliberation() {
        this.phase = Phase.DELIBERATION;
    }

    void close(String by, Instant at) {
        this.phase = Phase.CLOSED;
        this.closedBy = by;
        this.closedAt = at;
    }

    void changeJurorsPerApplication(int jurors) {
        this.jurorsPerApplication = jurors;
    }

    public String businessKey() {
        return businessKeyOf(id);
    }

    public static String businessKeyOf(Long sessionId) {
        return "JURY-" + sessionId;
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public Long getGridId() { return gridId; }
    public String getName() { return name; }
    public LocalDate getScoringOpens() { return scoringOpens; }
    public LocalDate getScoringCloses() { return scoringCloses; }
    public LocalDate getDeliberationDate() { return deliberationDate; }
    public Phase getPhase() { return phase; }
    public int getJurorsPerApplication() { return jurorsPerApplication; }
    public boolean isPreferThematics() { return preferThematics; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
}
