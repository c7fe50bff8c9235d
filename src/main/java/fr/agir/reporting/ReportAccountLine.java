package fr.agir.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One budget account of a submitted report: forecast (copied from the application), actual, explanation. */
@Entity
@Table(name = "report_line")
public class ReportAccountLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private Long reportId;
    private String code;
    private BigDecimal forecast;
    private BigDecimal actual;
    private String explanation;

    protected ReportAccountLine() {
    }

    ReportAccountLine(Long reportId, String code, BigDecimal forecast, BigDecimal actual, String explanation) {
        this.reportId = reportId;
        this.code = code;
        this.forecast = forecast;
        this.actual = actual;
        this.explanation = explanation;
    }

    public Long getReportId() { return reportId; }
    public String getCode() { return code; }
    public BigDecimal getForecast() { return forecast; }
    public BigDecimal getActual() { return actual; }
    public String getExplanation() { return explanation; }
}
