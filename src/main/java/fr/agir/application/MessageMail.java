package fr.agir.application;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.List;
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
    private final PublicLinks links;

    public MessageMail(ApplicationService applications, StructureService structures, MailOutbox outbox,
                       PublicLinks links) {
        this.applications = applications;
        this.structures = structures;
        this.outbox = outbox;
        this.links = links;
    }

    /** In the transaction that wrote the message: queued if and only if the message is. */
    @EventListener
    void on(MessagePosted posted) {
        if (posted.fromApplicant()) {
            return;
        }
        Application application = applications.get(posted.applicationId());
        Structure structure = structures.get(application.getStructureId());
        outbox.enqueue(new OutgoingMail(List.of(structure.getLegalRepEmail()),
                "Nouveau message de la DIEESS sur votre candidature " + application.getReference(),
                "Bonjour,\n\nLe service instructeur vous a écrit au sujet de la candidature « "
                        + application.getTitle() + " » (" + application.getReference() + ").\n\n"
                        + "Lire le message et y répondre : "
                        + links.to("/portail/candidatures/" + application.getId() + "#messages"),
                List.of()));
    }
}
