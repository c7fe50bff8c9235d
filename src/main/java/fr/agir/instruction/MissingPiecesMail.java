package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The request for missing pieces, with its deadline, to the structure's legal representative. */
@Component
public class MissingPiecesMail {
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    public MissingPiecesMail(StructureService structures, MailOutbox outbox, MailTemplates mails) {
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
    }

    void send(Application application, String pieces, LocalDate due) {
        Structure structure = structures.get(application.getStructureId());
        outbox.enqueue(mails.mail("missing-pieces", List.of(structure.getLegalRepEmail()),
                Map.of("application", application, "structure", structure, "pieces", pieces, "due", due)));
    }
}
