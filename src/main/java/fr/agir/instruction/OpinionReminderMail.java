package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reminds a directorate, a few days before the deadline, that its opinion is still awaited. */
@Component
public class OpinionReminderMail {
    private final DirectorateAddresses addresses;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public OpinionReminderMail(DirectorateAddresses addresses, MailOutbox outbox, MailTemplates mails) {
        this.addresses = addresses;
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(Opinion opinion, Application application, Structure structure) {
        outbox.enqueue(mails.mail("opinion-reminder", List.of(addresses.of(opinion.getDirectorate())),
                Map.of("opinion", opinion, "application", application, "structure", structure)));
    }
}
