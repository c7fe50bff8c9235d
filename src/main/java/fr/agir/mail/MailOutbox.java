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
    private final MailMessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MailTemplates templates;

    public MailOutbox(MailMessageRepository messages, ApplicationEventPublisher events, Clock clock,
                      MailTemplates templates) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.templates = templates;
    }

    /** Sent right after the caller's transaction commits. */
    record Enqueued(Long messageId) {
    }

    /**
     * Queues {@code mail} (the closing of {@code templates/mail/signature.txt} is added to its body)
     * and returns its id in the outbox.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long enqueue(OutgoingMail mail) {
        OutgoingMail signed = new OutgoingMail(mail.to(), mail.subject(),
                mail.body().stripTrailing() + "\n\n" + templates.signature(), mail.attachments());
        // Truncated to the column's precision, so the message is due for the sender right after commit.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        MailMessage message = messages.save(new MailMessage(signed, now));
        events.publishEvent(new Enqueued(message.getId()));
        return message.getId();
    }
}
