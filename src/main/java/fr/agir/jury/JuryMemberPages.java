package fr.agir.jury;

import fr.agir.structure.Structure;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the jury member's pages read, gathered in one call each: his sessions and mandates, and for
 * one session his applications, the session's structures and his conflicts with them. Read only;
 * the actions stay with {@link ScoringService} and {@link ConflictService}.
 */
@Service
public class JuryMemberPages {
    private final ScoringService scoring;
    private final ConflictService conflicts;

    public JuryMemberPages(ScoringService scoring, ConflictService conflicts) {
        this.scoring = scoring;
        this.conflicts = conflicts;
    }

    public record Home(List<SessionRow> sessions, List<JuryMandate> mandates) {
    }

    /** A session he sits in and how many of his applications are left to score (none once scoring is over). */
    public record SessionRow(JurySession session, long toScore, boolean scoringOver) {
    }

    /** One of his conflicts with a structure of the session, by name. */
    public record ConflictRow(JuryConflict conflict, String structureName, boolean withdrawable) {
    }

    /** The session page: his applications, the structures to declare a conflict with (by name), his conflicts. */
    public record SessionPage(ScoringService.MySession mine, Map<Long, String> structureOptions,
                              List<ConflictRow> conflicts, long toScore, boolean scoringOver) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public Home home() {
        return new Home(scoring.mySessions().stream().map(s -> new SessionRow(s.session(), toScore(s),
                scoringOver(s.session()))).toList(), conflicts.myMandates());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public SessionPage session(Long sessionId) {
        ScoringService.MySession mine = scoring.mySession(sessionId);
        // One option per structure (it may apply more than once), by name.
        Map<Long, String> options = new LinkedHashMap<>();
        mine.taken().stream().sorted(Comparator.comparing(ScoringService.Taken::structureName))
                .forEach(t -> options.putIfAbsent(t.structureId(), t.commune() == null || t.commune().isBlank()
                        ? t.structureName() : t.structureName() + " (" + t.commune() + ")"));
        Set<Long> structureIds = mine.taken().stream().map(ScoringService.Taken::structureId).collect(Collectors.toSet());
        Map<Long, Structure> structures = conflicts.structures(structureIds);
        List<ConflictRow> here = conflicts.mine().stream().filter(c -> structureIds.contains(c.getStructureId()))
                .map(c -> new ConflictRow(c, structures.containsKey(c.getStructureId())
                        ? structures.get(c.getStructureId()).getName() : "",
                        c.getStatus() == JuryConflict.Status.DECLARED && !c.isPinned()))
                .toList();
        return new SessionPage(mine, options, here, toScore(mine), scoringOver(mine.session()));
    }

    /** How many conflicts Agir suggests to the member (to tell him what a new mandate brought). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public long suggestedCount() {
        return conflicts.mine().stream().filter(c -> c.getStatus() == JuryConflict.Status.SUGGESTED).count();
    }

    static long toScore(ScoringService.MySession s) {
        return s.assigned().stream().filter(a -> a.status() != JuryScore.Status.SUBMITTED).count();
    }

    static boolean scoringOver(JurySession session) {
        return session.getPhase() == JurySession.Phase.DELIBERATION || session.getPhase() == JurySession.Phase.CLOSED;
    }
}
