package fr.agir.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An e-mail to send: recipients, subject and plain-text body in French, optional attachments.
 * Recipients are trimmed and deduplicated regardless of case; blank ones are dropped.
 */
public record OutgoingMail(List<String> to, String subject, String body, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            if (fileName == null || fileName.isBlank() || contentType == null || content == null) {
                throw new IllegalArgumentException("An attachment needs a name, a content type and bytes");
            }
        }
    }

    public OutgoingMail {
        to = distinct(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("An e-mail needs at least one recipient");
        }
        if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("An e-mail needs a subject and a body");
        }
        if (subject.length() > 300 || String.join(",", to).length() > 2000) {
            throw new IllegalArgumentException("Subject or recipients longer than the outbox's columns");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(List<String> to, String subject, String body) {
        this(to, subject, body, List.of());
    }

    private static List<String> distinct(List<String> addresses) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String address : addresses == null ? List.<String>of() : addresses) {
            if (address != null && !address.isBlank() && seen.add(address.strip().toLowerCase(Locale.ROOT))) {
                result.add(address.strip());
            }
        }
        return List.copyOf(result);
    }
}
