package fr.agir.application;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the structure's legal representative that the DIEESS wrote about his application. The
 * message itself stays in Agir (it may carry personal data and attachments): the e-mail links to it.
 */
@Component
public class MessageMail {
    private final ApplicationService applications;
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public MessageMail(ApplicationService applications, StructureService structures, MailOutbox outbox,
                       MailTemplates mails) {
        this.applications = applications;
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** In the transaction that wrote the message: queued if and only if the message is. */
    @EventListener
    void on(MessagePosted posted) {
        if (posted.fromApplicant()) {
            return;
        }
        Application application = applications.get(posted.applicationId());
        Structure structure = structures.get(application.getStructureId());
        outbox.enqueue(mails.mail("message", List.of(structure.getLegalRepEmail()),
                Map.of("application", application, "structure", structure)));
    }
}
