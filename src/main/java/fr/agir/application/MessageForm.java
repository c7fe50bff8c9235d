package fr.agir.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message to or from the DIEESS (fragments/messages :: thread). After a refusal the page
 * redirects with this form and its errors as flash attributes, so what was typed is kept and the
 * address bar never shows a POST address.
 */
public class MessageForm {
    @NotBlank(message = "Écrivez votre message")
    @Size(max = 4000, message = "Au plus 4 000 caractères")
    private String body;

    /** The attachment chosen, if any; never kept across the redirect (a browser cannot refill a file field). */
    private org.springframework.web.multipart.MultipartFile file;

    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public org.springframework.web.multipart.MultipartFile getFile() { return file; }
    public void setFile(org.springframework.web.multipart.MultipartFile file) { this.file = file; }
}
