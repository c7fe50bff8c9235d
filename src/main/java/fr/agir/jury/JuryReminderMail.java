package fr.agir.jury;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reminds a jury member, before scoring closes, of the scores he has not submitted yet. */
@Component
class JuryReminderMail {
    private final MailOutbox outbox;
    private final MailTemplates mails;

    JuryReminderMail(MailOutbox outbox, MailTemplates mails) {
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(JurySession session, SessionMember member, List<String> references) {
        outbox.enqueue(mails.mail("jury-reminder", List.of(member.getEmail()),
                Map.of("session", session, "member", member, "references", references)));
    }
}
