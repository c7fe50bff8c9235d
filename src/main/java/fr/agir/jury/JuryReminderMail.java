package fr.agir.jury;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.shared.French;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reminds a jury member, before scoring closes, of the scores he has not submitted yet. */
@Component
class JuryReminderMail {
    private final MailOutbox outbox;
    private final PublicLinks links;

    JuryReminderMail(MailOutbox outbox, PublicLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    void send(JurySession session, SessionMember member, List<String> references) {
        String body = "Bonjour " + member.getDisplayName() + ",\n\n"
                + "La notation de la séance de jury « " + session.getName() + " » se termine le "
                + French.longDate(session.getScoringCloses()) + ".\n\n"
                + "Votre note est encore attendue sur " + references.size() + " dossier(s) : "
                + String.join(", ", references) + ".\n\n"
                + "Vos dossiers à noter : " + links.to("/jury/seances/" + session.getId()) + "\n\n"
                + "Si vous découvrez un lien avec l'une de ces structures, déclarez-le depuis la même page : "
                + "le dossier vous sera retiré.";
        outbox.enqueue(new OutgoingMail(List.of(member.getEmail()),
                "Rappel : " + references.size() + " note(s) attendue(s) avant le "
                        + French.date(session.getScoringCloses()) + " — " + session.getName(), body));
    }
}
