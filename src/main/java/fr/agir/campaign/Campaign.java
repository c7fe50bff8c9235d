package fr.agir.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** One edition of the Appel à Agir: dates, thematics, envelope, maximum duration of a grant. */
@Entity
@Table(name = "campaign")
public class Campaign {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "opening_date")
    private LocalDate openingDate;
    @Column(name = "closing_date")
    private LocalDate closingDate;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "envelope_operating")
    private BigDecimal envelopeOperating;
    @Column(name = "envelope_investment")
    private BigDecimal envelopeInvestment;
    @Column(name = "max_duration_years")
    private int maxDurationYears;
    private String thematics;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Campaign() {
    }

    Campaign(String code, String name, LocalDate openingDate, LocalDate closingDate, BigDecimal envelopeOperating,
             BigDecimal envelopeInvestment, int maxDurationYears, Set<Thematic> thematics, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.openingDate = openingDate;
        this.closingDate = closingDate;
        this.status = CampaignStatus.SCHEDULED;
        this.envelopeOperating = envelopeOperating;
        this.envelopeInvestment = envelopeInvestment;
        this.maxDurationYears = maxDurationYears;
        this.thematics = thematics.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = createdAt;
    }

    void changeStatus(CampaignStatus status) {
        this.status = status;
    }

    public boolean acceptsSubmissionsOn(LocalDate day) {
        return status == CampaignStatus.OPEN && !day.isBefore(openingDate) && !day.isAfter(closingDate);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public LocalDate getOpeningDate() { return openingDate; }
    public LocalDate getClosingDate() { return closingDate; }
    public CampaignStatus getStatus() { return status; }
    public BigDecimal getEnvelopeOperating() { return envelopeOperating; }
    public BigDecimal getEnvelopeInvestment() { return envelopeInvestment; }
    public int getMaxDurationYears() { return maxDurationYears; }

    public Set<Thematic> getThematics() {
        Set<Thematic> set = EnumSet.noneOf(Thematic.class);
        Arrays.stream(thematics.split(",")).filter(s -> !s.isBlank()).map(Thematic::valueOf).forEach(set::add);
        return set;
    }
}
