package fr.agir.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file attached to a message of the outbox (e.g. the PDF receipt), kept with it until sent and after. */
@Entity
@Table(name = "mail_attachment")
class MailAttachment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    private byte[] content;

    protected MailAttachment() {
    }

    MailAttachment(OutgoingMail.Attachment attachment) {
        this.fileName = attachment.fileName();
        this.contentType = attachment.contentType();
        this.content = attachment.content();
    }

    OutgoingMail.Attachment toAttachment() {
        return new OutgoingMail.Attachment(fileName, contentType, content);
    }
}
