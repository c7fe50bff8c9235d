package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.shared.French;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The request for missing pieces, with its deadline, to the structure's legal representative. */
@Component
public class MissingPiecesMail {
    private final StructureService structures;
    private final MailOutbox outbox;
    private final PublicLinks links;

    public MissingPiecesMail(StructureService structures, MailOutbox outbox, PublicLinks links) {
        this.structures = structures;
        this.outbox = outbox;
        this.links = links;
    }

    void send(Application application, String pieces, LocalDate due) {
        Structure structure = structures.get(application.getStructureId());
        String reference = application.getReference();
        String body = "Bonjour,\n\n"
                + "Le service instructeur a examiné la candidature « " + application.getTitle() + " » ("
                + reference + ") de " + structure.getName() + ". Pour qu'elle soit complète, il manque :\n\n"
                + pieces + "\n\n"
                + "Déposez ces pièces dans le dossier de la structure puis signalez-le depuis la candidature, "
                + "au plus tard le " + French.longDate(due) + " :\n"
                + links.to("/portail/candidatures/" + application.getId()) + "\n\n"
                + "L'instruction est suspendue jusqu'à votre réponse. Sans réponse à cette date, la candidature "
                + "sera déclarée irrecevable.";
        outbox.enqueue(new OutgoingMail(List.of(structure.getLegalRepEmail()),
                "Pièces manquantes pour votre candidature " + reference, body));
    }
}
