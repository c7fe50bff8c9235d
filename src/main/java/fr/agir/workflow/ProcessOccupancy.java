package fr.agir.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the running cases of a process stand, for the process map: how many cases (distinct business keys)
 * wait at each activity and how many of them are overdue, by grouped SQL over the engine's runtime tables
 * (one query, whatever the number of cases), and which cases wait at one activity. An activity of a
 * multi-instance body counts under the activity; a case is overdue at an activity when a task there — or in
 * the process the activity called — has a due date in the past.
 */
@Component
public class ProcessOccupancy {
    private static final String MULTI_INSTANCE = "#multiInstanceBody";

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;

    public ProcessOccupancy(JdbcTemplate jdbc, RepositoryService repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** One activity of the diagram and the cases waiting there. */
    public record StepCount(String activityId, String name, long waiting, long overdue) {
    }

    /** A case waiting at an activity: its business key, since when, and its task's due date if any. */
    public record WaitingCase(String businessKey, Instant since, Instant due, boolean overdue) {
    }

    // Executions at an activity (leaf or scope: counted once per case), their task, and the tasks of the
    // process they called (a call activity's own wait, e.g. the directorates' opinions).
    private static final String AT_ACTIVITY = " FROM ACT_RU_EXECUTION e"
            + " JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_"
            + " JOIN ACT_RU_EXECUTION p ON p.ID_ = e.PROC_INST_ID_"
            + " LEFT JOIN ACT_RU_TASK t ON t.EXECUTION_ID_ = e.ID_"
            + " LEFT JOIN ACT_RU_EXECUTION sub ON sub.SUPER_EXEC_ = e.ID_"
            + " LEFT JOIN ACT_RU_TASK st ON st.PROC_INST_ID_ = sub.ID_"
            + " WHERE d.KEY_ = ? AND e.ACT_ID_ IS NOT NULL AND e.IS_EVENT_SCOPE_ = FALSE AND p.BUSINESS_KEY_ IS NOT NULL";

    /** The activities of the latest version of the process that have cases waiting, in the diagram's order. */
    public List<StepCount> counts(String processKey, Instant now) {
        Timestamp at = Timestamp.from(now);
        Map<String, long[]> byActivity = new LinkedHashMap<>();
        jdbc.query("SELECT e.ACT_ID_, COUNT(DISTINCT p.BUSINESS_KEY_),"
                        + " COUNT(DISTINCT CASE WHEN t.DUE_DATE_ < ? OR st.DUE_DATE_ < ? THEN p.BUSINESS_KEY_ END)"
                        + AT_ACTIVITY + " GROUP BY e.ACT_ID_",
                rs -> {
                    String activity = strip(rs.getString(1));
                    long[] n = byActivity.computeIfAbsent(activity, a -> new long[2]);
                    // an activity and its multi-instance body are the same step: keep the larger count
                    n[0] = Math.max(n[0], rs.getLong(2));
                    n[1] = Math.max(n[1], rs.getLong(3));
                }, at, at, processKey);
        Map<String, String> names = stepNames(processKey);
        List<StepCount> result = new java.util.ArrayList<>();
        names.forEach((id, name) -> {
            long[] n = byActivity.remove(id);
            result.add(new StepCount(id, name, n == null ? 0 : n[0], n == null ? 0 : n[1]));
        });
        byActivity.forEach((id, n) -> result.add(new StepCount(id, id, n[0], n[1])));
        return result;
    }

    /** The cases waiting at one activity, the overdue ones first, then the oldest, at most {@code max}. */
    public List<WaitingCase> waitingAt(String processKey, String activityId, Instant now, int max) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("SELECT p.BUSINESS_KEY_, MIN(COALESCE(t.CREATE_TIME_, st.CREATE_TIME_)),"
                        + " MIN(COALESCE(t.DUE_DATE_, st.DUE_DATE_)),"
                        + " MAX(CASE WHEN t.DUE_DATE_ < ? OR st.DUE_DATE_ < ? THEN 1 ELSE 0 END)"
                        + AT_ACTIVITY + " AND (e.ACT_ID_ = ? OR e.ACT_ID_ = ?) GROUP BY p.BUSINESS_KEY_"
                        + " ORDER BY 4 DESC, 2, 1 LIMIT " + Math.max(1, max),
                (rs, i) -> new WaitingCase(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        rs.getInt(4) == 1),
                at, at, processKey, activityId, activityId + MULTI_INSTANCE);
    }

    /** The flow nodes of the latest version of the process, in the file's order, with their names. */
    public Map<String, String> stepNames(String processKey) {
        BpmnModelInstance model = repository.getBpmnModelInstance(latest(processKey).getId());
        Map<String, String> names = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getName() != null && !node.getName().isBlank()) {
                names.put(node.getId(), node.getName().replaceAll("\\s+", " ").strip());
            }
        }
        return names;
    }

    /** The BPMN 2.0 XML of the latest deployed version of the process (diagram included). */
    public String diagram(String processKey) {
        ProcessDefinition definition = latest(processKey);
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new fr.agir.shared.NotFoundException("Ce processus n'existe pas.");
        }
        return definition;
    }

    private static String strip(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE.length()) : activityId;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
