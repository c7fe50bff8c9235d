package fr.agir.application;

import fr.agir.security.Directorate;
import java.util.List;
import java.util.Set;

/** Which applications a directorate reviewer may see: those routed to his directorates (implemented by instruction). */
public interface ReviewerAccess {
    boolean isRoutedTo(Long applicationId, Set<Directorate> directorates);

    List<Long> routedTo(Set<Directorate> directorates);
}
