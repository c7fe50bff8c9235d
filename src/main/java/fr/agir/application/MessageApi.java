package fr.agir.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications/{id}/messages")
@Tag(name = "Messages", description = "Échanges entre la structure et la DIEESS sur une candidature")
public class MessageApi {
    private final MessageService messages;

    public MessageApi(MessageService messages) {
        this.messages = messages;
    }

    public record MessageInput(String body) {
    }

    public record MessageView(Long id, String author, boolean fromApplicant, String body, Instant sentAt,
                              String attachmentName, String attachmentType, Long attachmentSize) {
        static MessageView of(ApplicationMessage m) {
            return new MessageView(m.getId(), m.getAuthor(), m.isFromApplicant(), m.getBody(), m.getSentAt(),
                    m.getAttachmentName(), m.getAttachmentType(), m.getAttachmentSize());
        }
    }

    @GetMapping
    @Operation(summary = "Les messages d'une candidature (membres de la structure et DIEESS)")
    public List<MessageView> list(@PathVariable Long id) {
        return messages.of(id).stream().map(MessageView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Écrire à la DIEESS (ou, pour la DIEESS, à la structure)")
    public MessageView post(@PathVariable Long id, @RequestBody MessageInput in) {
        return MessageView.of(messages.post(id, in == null ? null : in.body()));
    }
}
