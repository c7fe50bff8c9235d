package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The overdue report's e-mail to the structure's legal representative: which year, due when, where
 * to submit it, and what waits on it. Queued in the outbox in the transaction that flags the report.
 */
@Component
class OverdueReportMail {
    private final ApplicationService applications;
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    OverdueReportMail(ApplicationService applications, StructureService structures, MailOutbox outbox,
                      MailTemplates mails) {
        this.applications = applications;
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(Report report) {
        Application application = applications.get(report.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        outbox.enqueue(mails.mail("report-overdue", List.of(structure.getLegalRepEmail()),
                Map.of("application", application, "structure", structure, "report", report)));
    }
}
