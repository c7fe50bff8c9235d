package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.shared.French;
import fr.agir.structure.Structure;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reminds a directorate, a few days before the deadline, that its opinion is still awaited. */
@Component
public class OpinionReminderMail {
    private final DirectorateAddresses addresses;
    private final MailOutbox outbox;
    private final PublicLinks links;

    public OpinionReminderMail(DirectorateAddresses addresses, MailOutbox outbox, PublicLinks links) {
        this.addresses = addresses;
        this.outbox = outbox;
        this.links = links;
    }

    void send(Opinion opinion, Application application, Structure structure) {
        String reference = application.getReference();
        String code = opinion.getDirectorate().name();
        String body = "Bonjour,\n\n"
                + "L'avis de la " + opinion.getDirectorate().label() + " (" + code + ") est attendu sur la candidature "
                + reference + " « " + application.getTitle() + " » de " + structure.getName() + " (" + structure.getCommune()
                + ").\n\n"
                + "Il a été demandé le " + French.date(opinion.getRequestedAt()) + " et doit être donné au plus tard le "
                + French.longDate(opinion.getDueDate()) + " :\n"
                + links.to("/avis/" + application.getId() + "/" + code) + "\n\n"
                + "Passé cette date, l'instruction continuera sans l'avis de votre direction.\n"
                + "Toutes les demandes d'avis de votre direction : " + links.to("/avis");
        outbox.enqueue(new OutgoingMail(List.of(addresses.of(opinion.getDirectorate())),
                "Rappel : avis " + code + " attendu avant le " + French.date(opinion.getDueDate()) + " — " + reference,
                body));
    }
}
