package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.CampaignService;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.MailTemplates;
import fr.agir.shared.French;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter telling a structure that its application is inadmissible, and why: a PDF, e-mailed to
 * the legal representative when the application is declared so, and downloadable afterwards.
 */
@Component
public class InadmissibilityLetter {
    private final ApplicationService applications;
    private final StructureService structures;
    private final CampaignService campaigns;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public InadmissibilityLetter(ApplicationService applications, StructureService structures,
                                 CampaignService campaigns, MailOutbox outbox, MailTemplates mails) {
        this.applications = applications;
        this.structures = structures;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** The letter of an application already declared inadmissible, for whoever may see it. */
    @Transactional(readOnly = true)
    public byte[] of(Long applicationId) {
        Application application = applications.visible(applicationId);
        if (application.getStatus() != ApplicationStatus.INADMISSIBLE) {
            throw new StateConflictException("Cette candidature n'a pas été déclarée irrecevable : pas de courrier.");
        }
        return render(application);
    }

    /** Queues the letter for the legal representative, in the transaction that declares the inadmissibility. */
    void send(Application application) {
        Structure structure = structures.get(application.getStructureId());
        String reference = application.getReference();
        outbox.enqueue(mails.mail("inadmissibility", List.of(structure.getLegalRepEmail()),
                Map.of("application", application, "structure", structure),
                List.of(new OutgoingMail.Attachment("courrier-irrecevabilite-" + reference + ".pdf", "application/pdf",
                        render(application)))));
    }

    private byte[] render(Application application) {
        Structure structure = structures.get(application.getStructureId());
        return new PdfDocumentBuilder("Irrecevabilité " + application.getReference())
                .heading("Département de la Seine-Saint-Denis — Direction de l'économie sociale et solidaire")
                .paragraph(structure.getName() + ", à l'attention de " + structure.getLegalRepName())
                .section("Objet : candidature déclarée irrecevable")
                .field("Appel à projets", campaigns.get(application.getCampaignId()).getName())
                .field("Référence", application.getReference())
                .field("Projet", application.getTitle())
                .field("Date", French.date(application.getUpdatedAt()))
                .field("Motif", application.getStatusReason())
                .paragraph("Après examen, votre candidature ne peut pas être instruite pour le motif ci-dessus. "
                        + "Cette décision ne préjuge pas de candidatures futures de votre structure. Vous pouvez "
                        + "former un recours gracieux auprès du Président du Conseil départemental dans un délai "
                        + "de deux mois à compter de la réception de ce courrier.")
                .build();
    }
}
