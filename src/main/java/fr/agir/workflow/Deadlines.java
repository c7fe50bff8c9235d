package fr.agir.workflow;

import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the lifecycle, as ISO-8601 periods from configuration ({@code agir.deadlines.*}).
 * The BPMN timers read them by name ({@code ${deadlines.opinion}}), so operators and tests change
 * them without touching the models.
 */
@Component("deadlines")
@ConfigurationProperties(prefix = "agir.deadlines")
public class Deadlines {
    /** Time the applicant has to send missing pieces. */
    private String missingPieces = "P15D";
    /** Time a directorate has to give its opinion. */
    private String opinion = "P15D";
    /** A year's financial report is due this long after the end of the grant year. */
    private String reportAfterYearEnd = "P6M";

    @PostConstruct
    void check() {
        Period.parse(missingPieces);
        Period.parse(opinion);
        Period.parse(reportAfterYearEnd);
    }

    public String getMissingPieces() { return missingPieces; }
    public void setMissingPieces(String missingPieces) { this.missingPieces = missingPieces; }
    public String getOpinion() { return opinion; }
    public void setOpinion(String opinion) { this.opinion = opinion; }
    public String getReportAfterYearEnd() { return reportAfterYearEnd; }
    public void setReportAfterYearEnd(String reportAfterYearEnd) { this.reportAfterYearEnd = reportAfterYearEnd; }

    public LocalDate opinionDueFrom(LocalDate day) {
        return day.plus(Period.parse(opinion));
    }

    public LocalDate missingPiecesDueFrom(LocalDate day) {
        return day.plus(Period.parse(missingPieces));
    }

    /** The due date shown on the applicant's task, the same moment the boundary timer fires. */
    public java.util.Date missingPiecesDueDate() {
        return java.util.Date.from(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"))
                .plus(Period.parse(missingPieces)).toInstant());
    }

    public LocalDate reportDueAfterYearEnd(LocalDate yearEnd) {
        return yearEnd.plus(Period.parse(reportAfterYearEnd));
    }
}
