package fr.agir.application;

import java.time.Instant;
import java.util.List;

/**
 * The letters Agir sent about an application (the decision letters after the vote), as its pages list
 * them. Implemented by a later capability (letter), which {@code application} may not depend on: the
 * pages receive it through an {@code ObjectProvider}.
 */
public interface ApplicationLetters {

    /** One letter: its title, when it was sent, and where the caller downloads it. */
    record Letter(Long id, String title, Instant sentAt, String href) {
    }

    /** The letters of the application the caller may read, oldest first; none for whoever may not. */
    List<Letter> of(Long applicationId);
}
