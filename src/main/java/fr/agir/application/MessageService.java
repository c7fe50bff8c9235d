package fr.agir.application;

import fr.agir.security.CurrentUser;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.Texts;
import fr.agir.structure.StructureService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation between a structure and the DIEESS about one application: its members and
 * DIEESS staff write and read it; directorates, jury and finance do not see it.
 */
@Service
public class MessageService {
    private final ApplicationMessageRepository messages;
    private final ApplicationService applications;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MessageService(ApplicationMessageRepository messages, ApplicationService applications,
                          StructureService structures, CurrentUser currentUser, Clock clock) {
        this.messages = messages;
        this.applications = applications;
        this.structures = structures;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApplicationMessage> of(Long applicationId) {
        checkParticipant(applicationId);
        return messages.findByApplicationIdOrderBySentAtAscIdAsc(applicationId);
    }

    @Transactional
    public ApplicationMessage post(Long applicationId, String body) {
        Application application = checkParticipant(applicationId);
        String text = Texts.required(body, "body", 4000, "Écrivez votre message");
        return messages.save(new ApplicationMessage(application.getId(), currentUser.username(),
                !currentUser.isStaff(), text, Instant.now(clock)));
    }

    /** The application, if the caller is a member of its structure or DIEESS staff; 404 otherwise. */
    private Application checkParticipant(Long applicationId) {
        Application application = applications.visible(applicationId);
        if (!currentUser.isStaff() && !structures.isMember(application.getStructureId())) {
            throw NotFoundException.notYours();
        }
        return application;
    }
}
