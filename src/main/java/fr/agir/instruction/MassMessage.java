package fr.agir.instruction;

import fr.agir.application.ApplicationService;
import fr.agir.application.MessageService;
import fr.agir.shared.DomainException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * One message to many applications chosen in the queue, each sent in its own transaction: one
 * refusal does not stop the others, and the report says what happened to each.
 */
@Service
public class MassMessage {
    static final int MAX_APPLICATIONS = 500;

    private final MessageService messages;
    private final ApplicationService applications;

    public MassMessage(MessageService messages, ApplicationService applications) {
        this.messages = messages;
        this.applications = applications;
    }

    public record Outcome(Long applicationId, String reference, boolean sent, String error) {
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Outcome> send(List<Long> applicationIds, String body) {
        if (applicationIds == null || applicationIds.isEmpty()) {
            throw new InvalidInputException("Aucune candidature choisie.", Map.of("selection",
                    "Cochez au moins une candidature dans la file"));
        }
        if (applicationIds.size() > MAX_APPLICATIONS) {
            throw new InvalidInputException("Trop de candidatures.", Map.of("selection",
                    "Au plus " + MAX_APPLICATIONS + " candidatures à la fois"));
        }
        Texts.required(body, "body", 4000, "Écrivez le message");
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(applicationIds)) {
            try {
                messages.post(id, body);
                outcomes.add(new Outcome(id, applications.get(id).getReference(), true, null));
            } catch (DomainException e) {
                outcomes.add(new Outcome(id, null, false, e.getMessage()));
            }
        }
        return outcomes;
    }
}
