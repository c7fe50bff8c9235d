package fr.agir.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The reminders of an agreement the structure has not signed yet: how many e-mails its legal
 * representative received, the last one's date, and since when the instructors see it overdue.
 */
@Entity
@Table(name = "agreement_signature_reminder")
public class SignatureReminder {
    @Id
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "reminders_sent")
    private int remindersSent;
    @Column(name = "last_reminded_at")
    private Instant lastRemindedAt;
    @Column(name = "overdue_since")
    private Instant overdueSince;
    @Version
    private long version;

    protected SignatureReminder() {
    }

    SignatureReminder(Long agreementId) {
        this.agreementId = agreementId;
    }

    void reminded(Instant at) {
        remindersSent++;
        lastRemindedAt = at;
    }

    void overdue(Instant at) {
        if (overdueSince == null) {
            overdueSince = at;
        }
    }

    public Long getAgreementId() { return agreementId; }
    public int getRemindersSent() { return remindersSent; }
    public Instant getLastRemindedAt() { return lastRemindedAt; }
    public Instant getOverdueSince() { return overdueSince; }
}
