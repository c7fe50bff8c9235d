package fr.agir.instruction;

import fr.agir.application.ReviewerAccess;
import fr.agir.security.Directorate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A reviewer sees the applications on which his directorate's opinion was asked. */
@Component
class RoutedOpinionAccess implements ReviewerAccess {
    private final OpinionRepository opinions;

    RoutedOpinionAccess(OpinionRepository opinions) {
        this.opinions = opinions;
    }

    @Override
    public boolean isRoutedTo(Long applicationId, Set<Directorate> directorates) {
        return !directorates.isEmpty() && opinions.existsByApplicationIdAndDirectorateIn(applicationId, directorates);
    }

    @Override
    public List<Long> routedTo(Set<Directorate> directorates) {
        return directorates.isEmpty() ? List.of() : opinions.findApplicationIdsByDirectorateIn(directorates);
    }
}
