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
 * Actions on many applications chosen in the queue — one message to all, or sending them to the
 * jury — each application in its own transaction: one refusal does not stop the others, and the
 * report says what happened to each.
 */
@Service
public class MassMessage {
    static final int MAX_APPLICATIONS = 500;

    private final MessageService messages;
    private final ApplicationService applications;
    private final SynthesisService syntheses;

    public MassMessage(MessageService messages, ApplicationService applications, SynthesisService syntheses) {
        this.messages = messages;
        this.applications = applications;
        this.syntheses = syntheses;
    }

    public record Outcome(Long applicationId, String reference, boolean sent, String error) {
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Outcome> send(List<Long> applicationIds, String body) {
        checkSelection(applicationIds);
        Texts.required(body, "body", 4000, "Écrivez le message");
        return each(applicationIds, id -> messages.post(id, body));
    }

    /**
     * Sends the applications whose synthesis is awaited to the jury with the synthesis Agir proposes
     * (the opinions in words, the amounts requested); the others are reported, untouched.
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public List<Outcome> sendToJury(List<Long> applicationIds) {
        checkSelection(applicationIds);
        return each(applicationIds, id -> syntheses.submit(id, syntheses.formData(id)));
    }

    private List<Outcome> each(List<Long> applicationIds, java.util.function.Consumer<Long> action) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(applicationIds)) {
            try {
                action.accept(id);
                outcomes.add(new Outcome(id, applications.get(id).getReference(), true, null));
            } catch (DomainException e) {
                outcomes.add(new Outcome(id, null, false, e.getMessage()));
            }
        }
        return outcomes;
    }

    private static void checkSelection(List<Long> applicationIds) {
        if (applicationIds == null || applicationIds.isEmpty()) {
            throw new InvalidInputException("Aucune candidature choisie.", Map.of("selection",
                    "Cochez au moins une candidature dans la file"));
        }
        if (applicationIds.size() > MAX_APPLICATIONS) {
            throw new InvalidInputException("Trop de candidatures.", Map.of("selection",
                    "Au plus " + MAX_APPLICATIONS + " candidatures à la fois"));
        }
    }
}
