package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.Directorate;
import fr.agir.shared.French;
import fr.agir.structure.StructureService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminder timer of an opinion task: an e-mail to the directorate while its opinion is still awaited. */
@Service
public class OpinionReminders {
    private final OpinionRepository opinions;
    private final ApplicationService applications;
    private final StructureService structures;
    private final OpinionReminderMail mail;
    private final AuditTrail audit;

    public OpinionReminders(OpinionRepository opinions, ApplicationService applications, StructureService structures,
                            OpinionReminderMail mail, AuditTrail audit) {
        this.opinions = opinions;
        this.applications = applications;
        this.structures = structures;
        this.mail = mail;
        this.audit = audit;
    }

    /** Sends the reminder if the opinion is still awaited; returns whether it did. */
    @Transactional
    public boolean remind(Long applicationId, String directorate) {
        Opinion opinion = opinions.findByApplicationIdAndDirectorate(applicationId, Directorate.valueOf(directorate))
                .filter(o -> o.getStatus() == Opinion.Status.REQUESTED).orElse(null);
        if (opinion == null) {
            return false;
        }
        Application application = applications.get(applicationId);
        mail.send(opinion, application, structures.get(application.getStructureId()));
        audit.record(InstructionService.OPINION, opinion.getId(), applicationId, AuditAction.OPINION_REMINDED,
                Opinion.Status.REQUESTED, Opinion.Status.REQUESTED,
                "Relance de " + directorate + " : avis attendu au plus tard le " + French.date(opinion.getDueDate()));
        return true;
    }
}
