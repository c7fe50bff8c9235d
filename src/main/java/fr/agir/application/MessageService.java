package fr.agir.application;

import fr.agir.security.CurrentUser;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.Texts;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureService;
import java.io.InputStream;
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
    private final DocumentVault vault;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public MessageService(ApplicationMessageRepository messages, ApplicationService applications,
                          StructureService structures, DocumentVault vault, CurrentUser currentUser, Clock clock,
                          org.springframework.context.ApplicationEventPublisher events) {
        this.messages = messages;
        this.applications = applications;
        this.structures = structures;
        this.vault = vault;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ApplicationMessage> of(Long applicationId) {
        checkParticipant(applicationId);
        return messages.findByApplicationIdOrderBySentAtAscIdAsc(applicationId);
    }

    /** An attachment as it arrives: its name and bytes (checked like a piece of the case file). */
    public record Attachment(String filename, InputStream content) {
    }

    @Transactional
    public ApplicationMessage post(Long applicationId, String body) {
        return post(applicationId, body, null);
    }

    /**
     * Writes a message, with an optional attachment checked like a piece of the case file (name,
     * size, real type) and kept in the document storage; a refused attachment sends nothing.
     */
    @Transactional
    public ApplicationMessage post(Long applicationId, String body, Attachment attachment) {
        Application application = checkParticipant(applicationId);
        String text = Texts.required(body, "body", 4000, "Écrivez votre message");
        ApplicationMessage message = new ApplicationMessage(application.getId(), currentUser.username(),
                !currentUser.isStaff(), text, Instant.now(clock));
        if (attachment != null) {
            DocumentVault.StoredFile file = vault.storeAttachment(attachment.filename(), attachment.content());
            message.attach(file.name(), file.contentType(), file.size(), file.sha256(), file.key());
        }
        ApplicationMessage saved = messages.save(message);
        events.publishEvent(new MessagePosted(saved.getId(), application.getId(), saved.isFromApplicant()));
        return saved;
    }

    /** A message's attachment, for the structure's members and DIEESS staff. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(Long applicationId, Long messageId) {
        checkParticipant(applicationId);
        ApplicationMessage message = messages.findById(messageId)
                .filter(m -> m.getApplicationId().equals(applicationId) && m.getAttachmentKey() != null)
                .orElseThrow(NotFoundException::notYours);
        return new AttachmentContent(message, vault.openAttachment(message.getAttachmentKey()));
    }

    public record AttachmentContent(ApplicationMessage message, InputStream stream) {
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
