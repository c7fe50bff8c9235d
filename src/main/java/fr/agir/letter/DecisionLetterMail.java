package fr.agir.letter;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.mail.OutgoingMail;
import fr.agir.security.People;
import fr.agir.shared.French;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The e-mail that carries a letter: to the legal representative and to whoever submitted the application. */
@Component
class DecisionLetterMail {
    private final ApplicationService applications;
    private final StructureService structures;
    private final People people;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    DecisionLetterMail(ApplicationService applications, StructureService structures, People people, MailOutbox outbox,
                       MailTemplates mails) {
        this.applications = applications;
        this.structures = structures;
        this.people = people;
        this.outbox = outbox;
        this.mails = mails;
    }

    Long enqueue(Long applicationId, Decision decision, DecisionLetterDocument.Facts facts,
                 List<OutgoingMail.Attachment> attachments) {
        Application application = applications.get(applicationId);
        Structure structure = structures.get(application.getStructureId());
        List<String> to = new ArrayList<>();
        to.add(structure.getLegalRepEmail());
        if (application.getSubmittedBy() != null) {
            people.find(application.getSubmittedBy()).map(People.Person::email).ifPresent(to::add);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("application", application);
        values.put("structure", structure);
        values.put("decision", decision);
        values.put("kind", facts.kind());
        values.put("act", facts.act());
        values.put("totalInWords", French.eurosInFiguresAndWords(facts.total()));
        return outbox.enqueue(mails.mail("decision-letter", to, values, attachments));
    }
}

