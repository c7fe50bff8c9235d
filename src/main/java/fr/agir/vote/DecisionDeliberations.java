package fr.agir.vote;

import fr.agir.instruction.CaseDeliberations;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The délibérations on a case as the instructor's case page and the délibération modificative page list
 * them: the vote's answer to {@link CaseDeliberations}, for the DIEESS, finance and administrators.
 */
@Component
class DecisionDeliberations implements CaseDeliberations {
    private final DecisionRevisionService revisions;
    private final CurrentUser currentUser;

    DecisionDeliberations(DecisionRevisionService revisions, CurrentUser currentUser) {
        this.revisions = revisions;
        this.currentUser = currentUser;
    }

    @Override
    public List<Deliberation> of(Long applicationId) {
        if (!(currentUser.hasRole(Role.INSTRUCTOR) || currentUser.hasRole(Role.FINANCE)
                || currentUser.hasRole(Role.ADMIN))) {
            return List.of();
        }
        return revisions.history(applicationId).stream().map(DecisionDeliberations::of).toList();
    }

    static Deliberation of(Decision d) {
        return new Deliberation(d.getDeliberationNumber(), d.getDeliberationDate(), d.getOutcome().label(),
                d.getOutcome().grants(),
                d.getMotivation(), d.getAmounts(), d.getDurationYears(), d.isCurrent());
    }
}
