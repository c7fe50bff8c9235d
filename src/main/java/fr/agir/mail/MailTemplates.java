package fr.agir.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.agir.security.People;
import fr.agir.web.Fmt;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * E-mails written from plain-text Thymeleaf templates, {@code templates/mail/<name>.txt}. A
 * template's first line is {@code Objet : <subject>}; the body follows after a blank line. Values
 * are written with {@code [(${…})]} (plain text: nothing to escape, and what people typed is
 * printed as typed, never evaluated). Templates format with the helpers of the pages, as variables:
 * {@code ${fmt.date(d)}}, {@code ${people.name(login)}}, {@code ${links.to('/path')}} (Thymeleaf
 * evaluates textual templates in restricted mode, where bean references such as {@code @fmt} are
 * refused).
 *
 * <p>The engine and its resolver are deliberately not beans: Spring Boot configures the pages' HTML
 * engine only when there is no other engine, and hands it every resolver bean.
 */
@Component
public class MailTemplates {
    private static final String SUBJECT = "Objet : ";

    /** A rendered e-mail, before it is addressed. */
    public record Rendered(String subject, String body) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Fmt fmt;
    private final People people;
    private final PublicLinks links;

    public MailTemplates(Fmt fmt, People people, PublicLinks links) {
        this.fmt = fmt;
        this.people = people;
        this.links = links;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The e-mail of template {@code name}, to {@code to}, with these values and attachments. */
    public OutgoingMail mail(String name, List<String> to, Map<String, ?> values,
                             List<OutgoingMail.Attachment> attachments) {
        Rendered rendered = render(name, values);
        return new OutgoingMail(to, rendered.subject(), rendered.body(), attachments);
    }

    public OutgoingMail mail(String name, List<String> to, Map<String, ?> values) {
        return mail(name, to, values, List.of());
    }

    /** Subject and body of template {@code name}. */
    public Rendered render(String name, Map<String, ?> values) {
        String text = process(name, values).replace("\r\n", "\n");
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0) {
            throw new IllegalStateException("Mail template " + name + " must start with \"" + SUBJECT + "\"");
        }
        return new Rendered(text.substring(SUBJECT.length(), endOfSubject).strip(),
                tidy(text.substring(endOfSubject + 1)));
    }

    /** The closing every e-mail ends with ({@link MailOutbox} adds it). */
    String signature() {
        return tidy(process("signature", Map.of()));
    }

    private String process(String name, Map<String, ?> values) {
        Context variables = new Context(Locale.FRENCH);
        variables.setVariables(new HashMap<>(values));
        variables.setVariable("fmt", fmt);
        variables.setVariable("people", people);
        variables.setVariable("links", links);
        return engine.process(name, variables);
    }

    /** No blank lines at either end, at most one blank line in a row (left by optional paragraphs). */
    private static String tidy(String text) {
        return text.replaceAll("\\n{3,}", "\n\n").strip();
    }
}
