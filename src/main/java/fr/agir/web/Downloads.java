package fr.agir.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** A stored file sent back to the browser: as an attachment, its checked type, never sniffed. */
public final class Downloads {
    private Downloads() {
    }

    public static ResponseEntity<InputStreamResource> attachment(String name, String contentType, long size,
                                                                 InputStream content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    /** {@code attachment}, with an ASCII file name and the exact one in RFC 5987 form. */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + UriUtils.encode(name, StandardCharsets.UTF_8);
    }
}
