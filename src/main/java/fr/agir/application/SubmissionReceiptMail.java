package fr.agir.application;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.ArrayList;
import java.util.List;
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
    private final PublicLinks links;
    private final CurrentUser currentUser;

    public SubmissionReceiptMail(ApplicationService applications, SubmissionReceipt receipt,
                                 StructureService structures, MailOutbox outbox, PublicLinks links,
                                 CurrentUser currentUser) {
        this.applications = applications;
        this.receipt = receipt;
        this.structures = structures;
        this.outbox = outbox;
        this.links = links;
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
        String body = "Bonjour,\n\n"
                + "La candidature « " + application.getTitle() + " » de " + structure.getName()
                + " a bien été déposée le " + French.dateTime(application.getSubmittedAt())
                + " par " + application.getSubmittedBy() + ".\n"
                + "Sa référence est " + reference + " : rappelez-la dans vos échanges avec le Département.\n\n"
                + "Vous trouverez ci-joint l'accusé de réception daté. Le service instructeur vérifie maintenant "
                + "que votre dossier est complet ; s'il manque une pièce, vous recevrez un e-mail indiquant les "
                + "pièces à fournir et la date limite.\n\n"
                + "Suivre votre candidature : " + links.to("/portail/candidatures/" + application.getId()) + "\n\n"
                + "Cet accusé de réception ne vaut pas décision d'attribution.";
        outbox.enqueue(new OutgoingMail(to, "Accusé de réception de votre candidature " + reference, body,
                List.of(new OutgoingMail.Attachment("accuse-de-reception-" + reference + ".pdf", "application/pdf",
                        receipt.render(application.getId())))));
    }
}
