package fr.agir.application;

import fr.agir.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Écrire à la DIEESS (ou, pour la DIEESS, à la structure)")
    public MessageView post(@PathVariable Long id, @RequestBody MessageInput in) {
        return MessageView.of(messages.post(id, in == null ? null : in.body()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Écrire avec une pièce jointe (vérifiée comme une pièce du dossier : nom, taille, type réel)")
    public MessageView postWithAttachment(@PathVariable Long id, @RequestParam(required = false) String body,
                                          @RequestParam(required = false) MultipartFile file) throws IOException {
        return MessageView.of(messages.post(id, body, attachment(file)));
    }

    @GetMapping("/{messageId}/attachment")
    @Operation(summary = "La pièce jointe d'un message")
    public ResponseEntity<InputStreamResource> attachment(@PathVariable Long id, @PathVariable Long messageId) {
        MessageService.AttachmentContent content = messages.attachment(id, messageId);
        ApplicationMessage m = content.message();
        return Downloads.attachment(m.getAttachmentName(), m.getAttachmentType(), m.getAttachmentSize(),
                content.stream());
    }

    /** No file chosen in the form: no attachment. */
    public static MessageService.Attachment attachment(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()) ? null
                : new MessageService.Attachment(file.getOriginalFilename(), file.getInputStream());
    }
}
