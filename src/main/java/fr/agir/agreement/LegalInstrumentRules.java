package fr.agir.agreement;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The thresholds bpmn/legal-instrument.dmn compares the voted grant with (the table holds the rule,
 * the configuration its figures), and how an arrêté is paid. See README, "Acte juridique".
 */
@Component
@ConfigurationProperties(prefix = "agir.legal-instrument")
public class LegalInstrumentRules {
    /** Above this amount in a year (not at it), an agreement is mandatory (loi 2000-321 art. 10, décret 2001-495). */
    private BigDecimal agreementAbove = new BigDecimal("23000");
    /** From this many years, a grant always gets an agreement. */
    private int agreementFromYears = 2;
    /** An arrêté is paid in one installment on notification; false: advance and balance as in agreements. */
    private boolean arreteSingleInstallment = true;
    /** The court named in the arrêté's means and time limit of appeal (voies et délais de recours). */
    private String appealCourt = "tribunal administratif de Montreuil";

    public BigDecimal getAgreementAbove() { return agreementAbove; }

    public void setAgreementAbove(BigDecimal agreementAbove) {
        if (agreementAbove == null || agreementAbove.signum() < 0) {
            throw new IllegalArgumentException("agir.legal-instrument.agreement-above must be a positive amount");
        }
        this.agreementAbove = agreementAbove;
    }

    public int getAgreementFromYears() { return agreementFromYears; }

    public void setAgreementFromYears(int agreementFromYears) {
        if (agreementFromYears < 1) {
            throw new IllegalArgumentException("agir.legal-instrument.agreement-from-years must be at least 1");
        }
        this.agreementFromYears = agreementFromYears;
    }

    public String getAppealCourt() { return appealCourt; }
    public void setAppealCourt(String appealCourt) { this.appealCourt = appealCourt; }

    public boolean isArreteSingleInstallment() { return arreteSingleInstallment; }

    public void setArreteSingleInstallment(boolean arreteSingleInstallment) {
        this.arreteSingleInstallment = arreteSingleInstallment;
    }
}
