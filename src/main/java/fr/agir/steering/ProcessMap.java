package fr.agir.steering;

import fr.agir.application.ApplicationStatus;
import fr.agir.shared.NotFoundException;
import fr.agir.workflow.ProcessOccupancy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process map for business users: the lifecycle (or a grant year) with, on each step, how many
 * applications wait there and how many are overdue, read from the engine through {@link ProcessOccupancy};
 * and the applications waiting at one step, described from Agir's tables.
 */
@Service
public class ProcessMap {
    /** The processes shown, with their French titles (a process key from the address is checked against it). */
    public static final Map<String, String> PROCESSES;

    static {
        Map<String, String> processes = new LinkedHashMap<>();
        processes.put("application-lifecycle", "Cycle de vie d'une candidature");
        processes.put("grant-year", "Une année de subvention : paiements et compte rendu");
        PROCESSES = Collections.unmodifiableMap(processes);
    }

    static final int MAX_LISTED = 200;

    private final ProcessOccupancy occupancy;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ProcessMap(ProcessOccupancy occupancy, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.occupancy = occupancy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Step(String activityId, String name, long waiting, long overdue) {
    }

    public record Waiting(long applicationId, String reference, String title, String structure, String status,
                          Instant since, Instant due, boolean overdue) {
    }

    public record Occupancy(String processKey, String title, List<Step> steps, long waiting, long overdue) {
    }

    /** The steps of the process where applications wait (and those where none do), in the diagram's order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Occupancy of(String processKey) {
        String title = title(processKey);
        List<Step> steps = occupancy.counts(processKey, Instant.now(clock)).stream()
                .map(s -> new Step(s.activityId(), s.name(), s.waiting(), s.overdue())).toList();
        return new Occupancy(processKey, title, steps, steps.stream().mapToLong(Step::waiting).sum(),
                steps.stream().mapToLong(Step::overdue).sum());
    }

    /** The BPMN XML of the process, for the viewer. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public String diagram(String processKey) {
        title(processKey);
        return occupancy.diagram(processKey);
    }

    /** The applications waiting at a step (at most {@value #MAX_LISTED}), by reference. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Waiting> waitingAt(String processKey, String activityId) {
        title(processKey);
        if (!occupancy.stepNames(processKey).containsKey(activityId)) {
            throw new NotFoundException("Cette étape n'existe pas dans ce processus.");
        }
        List<ProcessOccupancy.WaitingCase> cases = occupancy.waitingAt(processKey, activityId, Instant.now(clock),
                MAX_LISTED);
        if (cases.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> byReference = new HashMap<>();
        jdbc.query("SELECT a.id, a.reference, a.title, s.name, a.status FROM application a"
                        + " JOIN structure s ON s.id = a.structure_id WHERE a.reference IN (:references)",
                new MapSqlParameterSource("references",
                        cases.stream().map(ProcessOccupancy.WaitingCase::businessKey).toList()),
                rs -> {
                    byReference.put(rs.getString(2), new Object[] {rs.getLong(1), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                });
        List<Waiting> result = new ArrayList<>();
        for (ProcessOccupancy.WaitingCase c : cases) {
            Object[] a = byReference.get(c.businessKey());
            if (a != null) {
                result.add(new Waiting((Long) a[0], c.businessKey(), (String) a[1], (String) a[2],
                        ApplicationStatus.valueOf((String) a[3]).label(), c.since(), c.due(), c.overdue()));
            }
        }
        return result;
    }

    /** The name of a step of the process, or null. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public String stepName(String processKey, String activityId) {
        return occupancy.stepNames(processKey).get(activityId);
    }

    private static String title(String processKey) {
        String title = PROCESSES.get(processKey);
        if (title == null) {
            throw new NotFoundException("Ce processus n'est pas affiché sur la carte.");
        }
        return title;
    }
}
