package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reminds a directorate, a few days before the deadline, that its opinion is still awaited: at each of its
 * mailboxes as the administrator keeps them ({@link DirectorateRegistry}).
 */
@Component
public class OpinionReminderMail {
    private final DirectorateRegistry directorates;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public OpinionReminderMail(DirectorateRegistry directorates, MailOutbox outbox, MailTemplates mails) {
        this.directorates = directorates;
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(Opinion opinion, Application application, Structure structure) {
        outbox.enqueue(mails.mail("opinion-reminder", directorates.mailboxes(opinion.getDirectorate()),
                Map.of("opinion", opinion, "application", application, "structure", structure)));
    }
}
