package fr.agir.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: each message right after the transaction that wrote it commits (on a small
 * pool of its own, so the HTTP request does not wait on SMTP), and every
 * {@code agir.mail.retry-delay} the messages whose next attempt is due. A failure is recorded
 * on the message (attempts, last error, next attempt after a growing pause); past
 * {@code agir.mail.max-attempts} it is FAILED and stays in the table. An attempt first claims the
 * message (see {@link MailMessageRepository#claim}), so two senders never send it twice.
 */
@Component
public class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 500;

    private final MailMessageRepository messages;
    private final JavaMailSender smtp;
    private final OutboxProperties properties;
    private final RetryPolicy retry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ThreadPoolExecutor pool;

    public OutboxSender(MailMessageRepository messages, JavaMailSender smtp, OutboxProperties properties,
                        PlatformTransactionManager transactions, Clock clock) {
        this.messages = messages;
        this.smtp = smtp;
        this.properties = properties;
        this.retry = properties.retryPolicy();
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // Not a Spring bean: an Executor bean would replace Boot's default application executor.
        // A full queue drops the immediate try only: the message waits in the table for the retry.
        this.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "agir-mail-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (r, p) -> log.warn("Mail pool full: the message will go with the next retry pass"));
        this.pool.allowCoreThreadTimeOut(true);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(MailOutbox.Enqueued enqueued) {
        pool.execute(() -> attempt(enqueued.messageId(), clock.instant()));
    }

    @Scheduled(fixedDelayString = "${agir.mail.retry-delay:PT1M}", initialDelayString = "${agir.mail.retry-delay:PT1M}")
    void retryDue() {
        sendDue(clock.instant());
    }

    /**
     * Tries every pending message whose next attempt is due at {@code asOf} (the scheduled pass
     * uses now; a later instant sends the waiting ones early) and returns how many were sent.
     */
    public int sendDue(Instant asOf) {
        // One query per pass: a message that fails again now waits for a later pass.
        List<Long> due = tx.execute(s -> messages.findDue(asOf, PageRequest.of(0, BATCH)));
        int sent = 0;
        for (Long id : due) {
            if (attempt(id, asOf)) {
                sent++;
            }
        }
        return sent;
    }

    /** One attempt on one message, if it is still pending and due and no other sender has it. */
    private boolean attempt(Long id, Instant asOf) {
        try {
            Instant now = clock.instant();
            OutgoingMail mail = tx.execute(s -> messages.claim(id, asOf, now.plus(properties.lease())) == 1
                    ? messages.findById(id).map(MailMessage::toMail).orElse(null) : null);
            if (mail == null) {
                return false;
            }
            try {
                smtp.send(mime(mail));
            } catch (MailException | MessagingException e) {
                recordFailure(id, e);
                return false;
            }
            tx.executeWithoutResult(s -> messages.findById(id).ifPresent(m -> m.sent(clock.instant())));
            return true;
        } catch (RuntimeException e) {
            // The database itself failed: the message keeps its state and the retry takes it again.
            log.error("Mail {}: attempt not recorded", id, e);
            return false;
        }
    }

    private void recordFailure(Long id, Exception e) {
        String error = NestedExceptionUtils.getMostSpecificCause(e).toString();
        String shortError = error.length() <= 1000 ? error : error.substring(0, 999) + "…";
        tx.executeWithoutResult(s -> messages.findById(id).ifPresent(m -> {
            int attempts = m.getAttempts() + 1;
            boolean giveUp = retry.givesUpAfter(attempts);
            m.failed(shortError, clock.instant().plus(retry.backoffAfter(attempts)), giveUp);
            if (giveUp) {
                log.error("Mail {} « {} » given up after {} attempts: {}", id, m.getSubject(), attempts, shortError);
            } else {
                log.warn("Mail {} not sent (attempt {}), next try at {}: {}", id, attempts, m.getNextAttemptAt(),
                        shortError);
            }
        }));
    }

    private MimeMessage mime(OutgoingMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
        InternetAddress from = new InternetAddress(properties.from(), true);
        if (from.getPersonal() != null) {
            try {
                from.setPersonal(from.getPersonal(), "UTF-8"); // "Agir – Seine-Saint-Denis": encoded, not raw
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        helper.setFrom(from);
        helper.setTo(mail.to().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        for (OutgoingMail.Attachment a : mail.attachments()) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        return message;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
