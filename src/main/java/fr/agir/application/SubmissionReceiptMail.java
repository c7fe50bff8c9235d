package fr.agir.application;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.MailTemplates;
import fr.agir.security.CurrentUser;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The receipt e-mail of a submission, with the PDF receipt attached: to the structure's legal
 * representative and to the person who submitted, when Agir knows his address.
 */
@Component
public class SubmissionReceiptMail {
    private final ApplicationService applications;
    private final SubmissionReceipt receipt;
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final CurrentUser currentUser;

    public SubmissionReceiptMail(ApplicationService applications, SubmissionReceipt receipt,
                                 StructureService structures, MailOutbox outbox, MailTemplates mails,
                                 CurrentUser currentUser) {
        this.applications = applications;
        this.receipt = receipt;
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
        this.currentUser = currentUser;
    }

    /** Synchronous, in the submit transaction: the e-mail is queued if and only if the submission commits. */
    @EventListener
    void on(ApplicationSubmitted submitted) {
        Application application = applications.get(submitted.applicationId());
        Structure structure = structures.get(application.getStructureId());
        List<String> to = new ArrayList<>();
        to.add(structure.getLegalRepEmail());
        currentUser.email().ifPresent(to::add);
        String reference = application.getReference();
        outbox.enqueue(mails.mail("submission-receipt", to, Map.of("application", application, "structure", structure),
                List.of(new OutgoingMail.Attachment("accuse-de-reception-" + reference + ".pdf", "application/pdf",
                        receipt.render(application.getId())))));
    }
}
