package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.workflow.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder timer on the structure's signature ({@code Event_SignatureReminderDue}): while the
 * agreement waits for it, each firing e-mails the legal representative, at most
 * {@code agir.deadlines.agreement-signature-reminders} times; the firing after the last reminder marks
 * the agreement overdue, which the instructors' queue shows.
 */
@Service
public class SignatureReminders {
    public enum Outcome { REMINDED, OVERDUE, NOTHING }

    private final AgreementRepository agreements;
    private final SignatureReminderRepository reminders;
    private final ApplicationService applications;
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final Clock clock;

    public SignatureReminders(AgreementRepository agreements, SignatureReminderRepository reminders,
                              ApplicationService applications, StructureService structures, MailOutbox outbox,
                              MailTemplates mails, AuditTrail audit, Deadlines deadlines, Clock clock) {
        this.agreements = agreements;
        this.reminders = reminders;
        this.applications = applications;
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** One firing of the timer: a reminder, the overdue mark, or nothing if the agreement no longer waits. */
    @Transactional
    public Outcome remind(Long agreementId) {
        Agreement agreement = agreements.findById(agreementId).orElse(null);
        if (agreement == null || agreement.isArrete() || agreement.getStatus() != Agreement.Status.TO_SIGN) {
            return Outcome.NOTHING;
        }
        SignatureReminder reminder = reminders.findById(agreementId).orElseGet(() -> new SignatureReminder(agreementId));
        Instant now = Instant.now(clock);
        int max = deadlines.getAgreementSignatureReminders();
        if (reminder.getRemindersSent() >= max) {
            if (reminder.getOverdueSince() != null) {
                return Outcome.NOTHING;
            }
            reminder.overdue(now);
            reminders.save(reminder);
            audit.record(AgreementService.ENTITY, agreementId, agreement.getApplicationId(),
                    AuditAction.AGREEMENT_SIGNATURE_OVERDUE, agreement.getStatus(), agreement.getStatus(),
                    agreement.getNumber() + " : toujours pas signée après " + max + " relance" + (max > 1 ? "s" : ""));
            return Outcome.OVERDUE;
        }
        reminder.reminded(now);
        reminders.save(reminder);
        Application application = applications.get(agreement.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        outbox.enqueue(mails.mail("agreement-signature-reminder", List.of(structure.getLegalRepEmail()),
                Map.of("agreement", agreement, "application", application, "structure", structure,
                        "number", reminder.getRemindersSent(), "max", max, "last", reminder.getRemindersSent() == max)));
        audit.record(AgreementService.ENTITY, agreementId, agreement.getApplicationId(),
                AuditAction.AGREEMENT_SIGNATURE_REMINDED, agreement.getStatus(), agreement.getStatus(),
                agreement.getNumber() + " : relance " + reminder.getRemindersSent() + " sur " + max
                        + " envoyée au représentant légal");
        return Outcome.REMINDED;
    }
}
