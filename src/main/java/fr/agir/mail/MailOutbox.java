package fr.agir.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails Agir sends, written in the transaction of the action that causes them: committed
 * with it (and then sent by {@link OutboxSender}), or rolled back with it and never sent. A
 * user's action therefore never waits on, nor fails because of, the SMTP server.
 */
@Service
public class MailOutbox {
    static final String SIGNATURE = "\n\n-- \nAgir, les subventions de l'Appel à Agir du Département de la Seine-Saint-Denis\n"
            + "Ce message est envoyé automatiquement : merci de ne pas y répondre.";

    private final MailMessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public MailOutbox(MailMessageRepository messages, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Sent right after the caller's transaction commits. */
    record Enqueued(Long messageId) {
    }

    /** Queues {@code mail} (the standard signature is added to its body) and returns its id in the outbox. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long enqueue(OutgoingMail mail) {
        OutgoingMail signed = new OutgoingMail(mail.to(), mail.subject(), mail.body().stripTrailing() + SIGNATURE,
                mail.attachments());
        // Truncated to the column's precision, so the message is due for the sender right after commit.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        MailMessage message = messages.save(new MailMessage(signed, now));
        events.publishEvent(new Enqueued(message.getId()));
        return message.getId();
    }
}
