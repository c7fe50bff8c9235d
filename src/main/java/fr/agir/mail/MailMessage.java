package fr.agir.mail;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One e-mail of the outbox, as it will be sent, with its delivery state. */
@Entity
@Table(name = "mail_message")
public class MailMessage {
    /** Recipients are stored in one column, separated by this (never part of an address). */
    private static final String SEPARATOR = ",";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String recipients;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private MailStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "message_id", nullable = false)
    @OrderBy("id")
    private List<MailAttachment> attachments = new ArrayList<>();

    protected MailMessage() {
    }

    MailMessage(OutgoingMail mail, Instant now) {
        this.recipients = String.join(SEPARATOR, mail.to());
        this.subject = mail.subject();
        this.body = mail.body();
        this.status = MailStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
        mail.attachments().forEach(a -> attachments.add(new MailAttachment(a)));
    }

    OutgoingMail toMail() {
        return new OutgoingMail(Arrays.asList(recipients.split(SEPARATOR)), subject, body,
                attachments.stream().map(MailAttachment::toAttachment).toList());
    }

    void sent(Instant now) {
        attempts++;
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant nextAttempt, boolean giveUp) {
        attempts++;
        lastError = error;
        status = giveUp ? MailStatus.FAILED : MailStatus.PENDING;
        nextAttemptAt = nextAttempt;
    }

    public Long getId() { return id; }
    public List<String> getRecipients() { return List.of(recipients.split(SEPARATOR)); }
    public String getSubject() { return subject; }
    public MailStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
}
