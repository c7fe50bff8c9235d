package fr.agir.application;

import fr.agir.shared.French;
import fr.agir.structure.UploadChecks;
import fr.agir.web.FormHtml;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/** The messages of an application and the form to write one, as the portal and the back office show them. */
public final class MessageThreadHtml {
    private MessageThreadHtml() {
    }

    /**
     * @param title     the section's heading ("Messages avec la DIEESS", "Messages avec la structure")
     * @param action    where the form posts (multipart; the CSRF token also goes in its address)
     * @param label     the text area's label
     * @param help      the text area's help, or null
     * @param maxSize   the largest attachment, in words
     */
    public static String section(HttpServletRequest request, Long applicationId, List<ApplicationMessage> thread,
                                 String title, String action, String label, String help, String typed,
                                 Map<String, String> errors, String maxSize) {
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"messages\"><h2 id=\"messages\">")
                .append(Page.escape(title)).append("</h2>");
        if (thread.isEmpty()) {
            html.append("<p>Aucun message.</p>");
        }
        for (ApplicationMessage m : thread) {
            html.append("<article class=\"message").append(m.isFromApplicant() ? "" : " dieess").append("\"><p><strong>")
                    .append(Page.escape((m.isFromApplicant() ? "Structure (" : "DIEESS (") + m.getAuthor() + ")"))
                    .append("</strong>, le ").append(French.dateTime(m.getSentAt())).append("</p><p>")
                    .append(Page.escape(m.getBody()).replace("\n", "<br>")).append("</p>");
            if (m.getAttachmentName() != null) {
                html.append("<p>Pièce jointe : <a href=\"/api/applications/").append(applicationId).append("/messages/")
                        .append(m.getId()).append("/attachment\">").append(Page.escape(m.getAttachmentName()))
                        .append("</a></p>");
            }
            html.append("</article>");
        }
        return html.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"").append(action)
                .append(Page.escape(Page.csrfQuery(request))).append("\">").append(Page.csrfField(request))
                .append(FormHtml.textarea("body", label, typed, errors, help, "required maxlength=\"4000\""))
                .append(FormHtml.input("file", "Pièce jointe (facultative)", null, errors,
                        UploadChecks.ACCEPTED_FORMATS + ", " + maxSize + " au plus.", "type=\"file\""))
                .append("<button type=\"submit\">Envoyer le message</button></form></section>").toString();
    }
}
