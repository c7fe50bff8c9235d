package fr.agir.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links to Agir written in e-mails, from its address as users reach it ({@code agir.public-url}). */
@Component
public class PublicLinks {
    private final String base;

    public PublicLinks(@Value("${agir.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code path} starts with a slash, e.g. {@code /portail/candidatures/12}. */
    public String to(String path) {
        return base + path;
    }
}
