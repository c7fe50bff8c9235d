package fr.agir.web;

import java.io.Serializable;
import java.util.List;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What just happened and what comes next, shown at the top of the next page (after a redirect, as
 * a flash attribute): "Structure enregistrée" — "Ajoutez maintenant les pièces de son dossier".
 */
public record Notice(Kind kind, String title, String text, List<Link> next) implements Serializable {
    public enum Kind { SUCCESS, INFO, WARNING, ERROR }

    public record Link(String href, String label) implements Serializable {
    }

    public static final String ATTRIBUTE = "notice";

    public static Notice success(String title, String text, Link... next) {
        return new Notice(Kind.SUCCESS, title, text, List.of(next));
    }

    public static Notice info(String title, String text, Link... next) {
        return new Notice(Kind.INFO, title, text, List.of(next));
    }

    public static Notice warning(String title, String text, Link... next) {
        return new Notice(Kind.WARNING, title, text, List.of(next));
    }

    public static Notice error(String title, String text, Link... next) {
        return new Notice(Kind.ERROR, title, text, List.of(next));
    }

    public static Link link(String href, String label) {
        return new Link(href, label);
    }

    /** Shows this notice on the page the redirect leads to. */
    public Notice flash(RedirectAttributes redirect) {
        redirect.addFlashAttribute(ATTRIBUTE, this);
        return this;
    }

    /** The CSS modifier of {@code .alerte}. */
    public String cssKind() {
        return switch (kind) {
            case SUCCESS -> "succes";
            case INFO -> "info";
            case WARNING -> "attention";
            case ERROR -> "erreur";
        };
    }
}
