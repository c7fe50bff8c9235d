package fr.agir.payment.credit;

import fr.agir.jury.SessionApplication;
import fr.agir.jury.SessionApplicationRepository;
import fr.agir.vote.ReportLine;
import fr.agir.vote.ReportLineRepository;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of a grant (fonctionnement / investissement): the nature of its line in the Commission
 * permanente's report (the vote), else the jury's proposal, else fonctionnement (a decision recorded
 * directly, without report nor jury session, as the API allows).
 */
@Component
public class GrantPart {
    private final ReportLineRepository reportLines;
    private final SessionApplicationRepository sessionApplications;

    public GrantPart(ReportLineRepository reportLines, SessionApplicationRepository sessionApplications) {
        this.reportLines = reportLines;
        this.sessionApplications = sessionApplications;
    }

    @Transactional(readOnly = true)
    public SessionApplication.Nature of(Long applicationId) {
        return reportLines.findByApplicationId(applicationId).stream()
                .filter(l -> l.getNature() != null)
                .max(Comparator.comparing(ReportLine::getId)).map(ReportLine::getNature)
                .or(() -> sessionApplications.findByApplicationId(applicationId).stream()
                        .filter(a -> a.getNature() != null)
                        .max(Comparator.comparing(SessionApplication::getId)).map(SessionApplication::getNature))
                .orElse(SessionApplication.Nature.OPERATING);
    }
}
