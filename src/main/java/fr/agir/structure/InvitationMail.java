package fr.agir.structure;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The invitation e-mail: the one-time code, as a link and as text, to the person invited. */
@Component
public class InvitationMail {
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public InvitationMail(MailOutbox outbox, MailTemplates mails) {
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(Structure structure, StructureInvitation invitation, String code) {
        outbox.enqueue(mails.mail("invitation", List.of(invitation.getEmail()),
                Map.of("structure", structure, "invitation", invitation, "code", code)));
    }
}
