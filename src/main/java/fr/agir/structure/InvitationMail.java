package fr.agir.structure;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import fr.agir.mail.PublicLinks;
import fr.agir.shared.French;
import fr.agir.shared.TimeConfig;
import java.util.List;
import org.springframework.stereotype.Component;

/** The invitation e-mail: the one-time code, as a link and as text, to the person invited. */
@Component
public class InvitationMail {
    private final MailOutbox outbox;
    private final PublicLinks links;

    public InvitationMail(MailOutbox outbox, PublicLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    void send(Structure structure, StructureInvitation invitation, String code) {
        String body = "Bonjour,\n\n"
                + invitation.getInvitedBy() + ", représentant légal de la structure « " + structure.getName()
                + " », vous invite à rejoindre son dossier dans Agir, la plateforme des subventions de l'Appel à "
                + "Agir du Département de la Seine-Saint-Denis. Vous pourrez ensuite agir pour elle : préparer et "
                + "déposer ses candidatures, suivre ses dossiers.\n\n"
                + "Pour accepter, connectez-vous à Agir (ou créez votre compte) puis ouvrez ce lien :\n"
                + links.to("/portail/invitations?code=" + code) + "\n\n"
                + "Si le lien ne s'ouvre pas, saisissez dans Agir ce code d'invitation :\n" + code + "\n\n"
                + "Cette invitation est valable jusqu'au "
                + French.longDate(invitation.getExpiresAt().atZone(TimeConfig.PARIS).toLocalDate())
                + " inclus et ne sert qu'une fois. Si vous ne connaissez pas cette structure, ignorez ce message : "
                + "sans ce code, personne ne peut rejoindre son dossier.";
        outbox.enqueue(new OutgoingMail(List.of(invitation.getEmail()),
                "Invitation à rejoindre « " + structure.getName() + " » sur Agir", body));
    }
}
