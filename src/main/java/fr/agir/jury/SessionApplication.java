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
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** An application taken by a jury session, and the proposal the deliberation makes for it. */
@Entity
@Table(name = "jury_session_application")
public class SessionApplication {
    /** Which part of the campaign's envelope a favourable proposal draws on. */
    public enum Nature {
        OPERATING("Fonctionnement"), INVESTMENT("Investissement");

        private final String label;

        Nature(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private Long sessionId;
    @Column(name = "application_id")
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private JuryResult.Verdict verdict;
    @Column(name = "duration_years")
    private Integer durationYears;
    @Column(name = "amount_year1")
    private BigDecimal amountYear1;
    @Column(name = "amount_year2")
    private BigDecimal amountYear2;
    @Enumerated(EnumType.STRING)
    private Nature nature;
    @Column(name = "jury_comment")
    private String comment;
    @Version
    private long version;

    protected SessionApplication() {
    }

    SessionApplication(Long sessionId, Long applicationId) {
        this.sessionId = sessionId;
        this.applicationId = applicationId;
        this.nature = Nature.OPERATING;
    }

    void propose(JuryResult.Verdict verdict, int durationYears, Map<Integer, BigDecimal> amounts, Nature nature,
                 String comment) {
        this.verdict = verdict;
        this.durationYears = durationYears;
        this.amountYear1 = amounts.get(1);
        this.amountYear2 = amounts.get(2);
        this.nature = nature;
        this.comment = comment;
    }

    /** The proposed amounts per year: empty unless favourable. */
    public Map<Integer, BigDecimal> amounts() {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        if (amountYear1 != null) {
            byYear.put(1, amountYear1);
        }
        if (amountYear2 != null) {
            byYear.put(2, amountYear2);
        }
        return byYear;
    }

    public boolean isFavourable() { return verdict == JuryResult.Verdict.FAVORABLE; }
    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getApplicationId() { return applicationId; }
    public JuryResult.Verdict getVerdict() { return verdict; }
    public Integer getDurationYears() { return durationYears; }
    public BigDecimal getAmountYear1() { return amountYear1; }
    public BigDecimal getAmountYear2() { return amountYear2; }
    public Nature getNature() { return nature; }
    public String getComment() { return comment; }
}
