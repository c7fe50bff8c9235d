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
import java.time.LocalTime;
import java.time.ZonedDateTime;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.DocumentType;
import fr.agir.structure.LegalForm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** One edition of the Appel à Agir: dates, thematics, envelope, maximum duration of a grant. */
@Entity
@Table(name = "campaign")
public class Campaign {
    /** The default closing time: the whole closing day (the campaign closes at midnight after it). */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
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
    @Column(name = "opening_time")
    private LocalTime openingTime = LocalTime.MIDNIGHT;
    @Column(name = "closing_time")
    private LocalTime closingTime = END_OF_DAY;
    @Column(name = "sub_themes")
    private String subThemes;
    @Column(name = "legal_forms")
    private String legalForms;
    @Column(name = "required_documents")
    private String requiredDocuments;
    @Column(name = "min_amount")
    private BigDecimal minAmount;
    @Column(name = "max_amount")
    private BigDecimal maxAmount;
    @Column(name = "deadline_missing_pieces")
    private String deadlineMissingPieces;
    @Column(name = "deadline_opinion")
    private String deadlineOpinion;
    @Column(name = "deadline_report")
    private String deadlineReport;
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

    /** Applies the administrator's settings (checked by the caller). */
    void apply(CampaignSettings s) {
        this.code = s.code();
        this.name = s.name();
        this.openingDate = s.openingDate();
        this.openingTime = s.openingTime();
        this.closingDate = s.closingDate();
        this.closingTime = s.closingTime();
        this.envelopeOperating = s.envelopeOperating();
        this.envelopeInvestment = s.envelopeInvestment();
        this.maxDurationYears = s.maxDurationYears();
        this.thematics = s.thematics().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        StringBuilder lines = new StringBuilder();
        s.subThemes().forEach((thematic, labels) -> labels.forEach(label ->
                lines.append(thematic.name()).append('|').append(label).append('\n')));
        this.subThemes = lines.isEmpty() ? null : lines.toString();
        this.legalForms = s.legalForms().isEmpty() ? null
                : s.legalForms().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.requiredDocuments = s.requiredDocuments().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.minAmount = s.minAmount();
        this.maxAmount = s.maxAmount();
        this.deadlineMissingPieces = s.deadlineMissingPieces();
        this.deadlineOpinion = s.deadlineOpinion();
        this.deadlineReport = s.deadlineReport();
    }

    /** Everything the administrator sets, as the form and the audit's diff read it. */
    public CampaignSettings settings() {
        return new CampaignSettings(code, name, openingDate, getOpeningTime(), closingDate, getClosingTime(),
                envelopeOperating, envelopeInvestment, maxDurationYears, getThematics(), getSubThemes(),
                getLegalForms(), getRequiredDocuments(), minAmount, maxAmount, deadlineMissingPieces, deadlineOpinion,
                deadlineReport);
    }

    /** The moment the campaign opens, Paris time. */
    public ZonedDateTime openingAt() {
        return openingDate.atTime(getOpeningTime()).atZone(TimeConfig.PARIS);
    }

    /** The moment it closes: the end of the closing day by default (midnight after it), else the time set. */
    public ZonedDateTime closingAt() {
        if (END_OF_DAY.equals(getClosingTime())) {
            return closingDate.plusDays(1).atStartOfDay(TimeConfig.PARIS);
        }
        return closingDate.atTime(getClosingTime()).atZone(TimeConfig.PARIS);
    }

    /** Whether a submission at {@code now} is accepted: the campaign is open and {@code now} between its moments. */
    public boolean acceptsSubmissionsAt(ZonedDateTime now) {
        return status == CampaignStatus.OPEN && !now.isBefore(openingAt()) && now.isBefore(closingAt());
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

    public LocalTime getOpeningTime() { return openingTime == null ? LocalTime.MIDNIGHT : openingTime; }
    public LocalTime getClosingTime() { return closingTime == null ? END_OF_DAY : closingTime; }
    public BigDecimal getMinAmount() { return minAmount; }
    public BigDecimal getMaxAmount() { return maxAmount; }
    public String getDeadlineMissingPieces() { return deadlineMissingPieces; }
    public String getDeadlineOpinion() { return deadlineOpinion; }
    public String getDeadlineReport() { return deadlineReport; }

    /** The eligible legal forms; empty: every form. */
    public Set<LegalForm> getLegalForms() {
        Set<LegalForm> set = EnumSet.noneOf(LegalForm.class);
        if (legalForms != null) {
            Arrays.stream(legalForms.split(",")).filter(v -> !v.isBlank()).map(LegalForm::valueOf).forEach(set::add);
        }
        return set;
    }

    /** The pieces of the case file an application needs; the default list when the campaign sets none. */
    public Set<DocumentType> getRequiredDocuments() {
        if (requiredDocuments == null) {
            return EnumSet.copyOf(DocumentType.required());
        }
        Set<DocumentType> set = EnumSet.noneOf(DocumentType.class);
        Arrays.stream(requiredDocuments.split(",")).filter(v -> !v.isBlank()).map(DocumentType::valueOf).forEach(set::add);
        return set;
    }

    /** The sub-themes (fiches) of each thematic, in the order typed. */
    public Map<Thematic, List<String>> getSubThemes() {
        Map<Thematic, List<String>> map = new EnumMap<>(Thematic.class);
        if (subThemes != null) {
            for (String line : subThemes.split("\n")) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    map.computeIfAbsent(Thematic.valueOf(line.substring(0, bar)), t -> new ArrayList<>())
                            .add(line.substring(bar + 1));
                }
            }
        }
        return map;
    }

    public Set<Thematic> getThematics() {
        Set<Thematic> set = EnumSet.noneOf(Thematic.class);
        Arrays.stream(thematics.split(",")).filter(s -> !s.isBlank()).map(Thematic::valueOf).forEach(set::add);
        return set;
    }
}
