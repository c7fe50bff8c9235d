package fr.agir.workflow;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's open user tasks as Agir reads them in its work lists (table {@code open_task}, V32):
 * one row per task and candidate group, with the case's facts the instructors filter and sort by
 * (campaign, thematic, EPT, total requested: the lifecycle's process variables), its deadline, who
 * holds it and when it was created.
 *
 * <p>Written by a built-in task listener that this engine plugin adds to every user task at parse
 * time (create, assignment, update, complete, delete), so the row changes in the same transaction
 * as the engine's own task row, whatever the path (service call, job, message, interrupting event
 * sub-process, process instance deletion: built-in listeners are not skipped with the custom
 * ones). Read with one indexed range query per page and one grouped count, instead of the engine's
 * task query that joins identity links and process variables and sorts every waiting task.
 *
 * <p>Each row also carries what tells the case's open tasks at the same step apart (V37, {@link #DISCRIMINATORS}:
 * the installment of a payment, the year of a report, the directorate of an opinion), so that
 * {@link Workflow#pendingTask} finds those steps on the table's index too.
 *
 * <p>{@link #rebuild()} fills it again from the engine's runtime tables (after a migration, or if
 * it were ever doubted); {@link TaskProjectionStartup} runs it at start when asked or when the table
 * is empty while the engine has tasks.
 */
@Component
public class TaskProjection extends AbstractProcessEnginePlugin {
    private static final Logger log = LoggerFactory.getLogger(TaskProjection.class);

    /** The lifecycle's process variables the projection carries, and their column. */
    static final Map<String, String> FACT_COLUMNS = Map.of(
            "campaignId", "campaign_id",
            "thematic", "thematic",
            "ept", "ept",
            "totalRequested", "amount");

    /**
     * The process variables that tell apart a case's open tasks at the same step, in the order they are
     * looked for in the task's process instance: the first one it holds is the row's {@code discriminator},
     * {@code name=value} (a number as its integer value).
     */
    static final List<String> DISCRIMINATORS = List.of("installmentId", "year", "directorate");

    private static final String INSERT = "INSERT INTO open_task (task_id, candidate_group, task_key, task_name, "
            + "process_instance_id, business_key, campaign_id, thematic, ept, amount, due_at, assignee, created_at, "
            + "discriminator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "task_id, task_key, task_name, business_key, created_at, due_at, assignee";

    private final ObjectProvider<JdbcTemplate> jdbc;

    public TaskProjection(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the engine, in its transaction

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskProjection.this::created);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskProjection.this::changed);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskProjection.this::changed);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskProjection.this::ended);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskProjection.this::ended);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void created(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                groups.add(link.getGroupId());
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        DelegateExecution instance = task.getExecution().getProcessInstance();
        Object campaign = instance.getVariable("campaignId");
        Object thematic = instance.getVariable("thematic");
        Object ept = instance.getVariable("ept");
        Object amount = instance.getVariable("totalRequested");
        String discriminator = null;
        for (String name : DISCRIMINATORS) {
            discriminator = discriminator(name, instance.getVariable(name));
            if (discriminator != null) {
                break;
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (String group : groups) {
            rows.add(new Object[] {task.getId(), group, task.getTaskDefinitionKey(), task.getName(),
                    task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), asLong(campaign),
                    asText(thematic), asText(ept), asLong(amount), timestamp(task.getDueDate()), task.getAssignee(),
                    timestamp(task.getCreateTime()), discriminator});
        }
        jdbc.getObject().batchUpdate(INSERT, rows);
    }

    private void changed(DelegateTask task) {
        jdbc.getObject().update("UPDATE open_task SET assignee = ?, due_at = ?, task_name = ? WHERE task_id = ?",
                task.getAssignee(), timestamp(task.getDueDate()), task.getName(), task.getId());
    }

    private void ended(DelegateTask task) {
        jdbc.getObject().update("DELETE FROM open_task WHERE task_id = ?", task.getId());
    }

    // ---- rebuilt from the engine

    /**
     * Empties the projection and fills it again from the engine's runtime tables (tasks, their
     * candidate groups, their process instance's business key and facts), in one transaction;
     * returns the rows written.
     */
    @Transactional
    public int rebuild() {
        JdbcTemplate db = jdbc.getObject();
        db.update("DELETE FROM open_task");
        Map<String, List<String>> groupsOf = new HashMap<>();
        db.query("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' "
                        + "AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IS NOT NULL",
                rs -> {
                    groupsOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, String> businessKeys = new HashMap<>();
        db.query("SELECT ID_, BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_",
                rs -> {
                    businessKeys.put(rs.getString(1), rs.getString(2));
                });
        Map<String, Map<String, Object>> facts = new HashMap<>();
        db.query("SELECT PROC_INST_ID_, NAME_, LONG_, TEXT_ FROM ACT_RU_VARIABLE WHERE EXECUTION_ID_ = PROC_INST_ID_ "
                        + "AND TASK_ID_ IS NULL AND NAME_ IN ('campaignId', 'thematic', 'ept', 'totalRequested', "
                        + "'installmentId', 'year', 'directorate')",
                rs -> {
                    long number = rs.getLong(3);
                    Object value = rs.wasNull() ? rs.getString(4) : (Object) number;
                    facts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), value);
                });
        List<Object[]> rows = new ArrayList<>();
        db.query("SELECT ID_, TASK_DEF_KEY_, NAME_, PROC_INST_ID_, DUE_DATE_, ASSIGNEE_, CREATE_TIME_ FROM ACT_RU_TASK",
                rs -> {
                    String instance = rs.getString(4);
                    Map<String, Object> f = facts.getOrDefault(instance, Map.of());
                    String discriminator = DISCRIMINATORS.stream().map(name -> discriminator(name, f.get(name)))
                            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    for (String group : groupsOf.getOrDefault(rs.getString(1), List.of())) {
                        rows.add(new Object[] {rs.getString(1), group, rs.getString(2), rs.getString(3), instance,
                                businessKeys.get(instance), asLong(f.get("campaignId")), asText(f.get("thematic")),
                                asText(f.get("ept")), asLong(f.get("totalRequested")), rs.getTimestamp(5),
                                rs.getString(6), rs.getTimestamp(7), discriminator});
                    }
                });
        for (int from = 0; from < rows.size(); from += 1000) {
            db.batchUpdate(INSERT, rows.subList(from, Math.min(from + 1000, rows.size())));
        }
        log.info("Open tasks projection rebuilt from the engine: {} rows", rows.size());
        return rows.size();
    }

    /** Whether the projection is empty while the engine has open tasks (e.g. right after V32). */
    boolean emptyWhileEngineHasTasks() {
        JdbcTemplate db = jdbc.getObject();
        Integer projected = db.queryForObject("SELECT COUNT(*) FROM (SELECT task_id FROM open_task LIMIT 1) t",
                Integer.class);
        Integer engine = db.queryForObject("SELECT COUNT(*) FROM (SELECT ID_ FROM ACT_RU_TASK LIMIT 1) t",
                Integer.class);
        return projected != null && projected == 0 && engine != null && engine > 0;
    }

    // ---- read by the work lists

    /** One page of a team's tasks: one indexed range query. */
    List<Workflow.TeamTask> page(Workflow.TaskFilter filter, Workflow.TaskOrder order, int first, int max) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String orderBy = switch (order) {
            case CREATED -> "created_at, task_id";
            case DUE -> "due_at, created_at, task_id";
            case VARIABLE_DESC -> "amount DESC, created_at, task_id";
        };
        args.add(max);
        args.add(first);
        return jdbc.getObject().query("SELECT " + COLUMNS + " FROM open_task WHERE " + where + " ORDER BY " + orderBy
                        + " LIMIT ? OFFSET ?",
                (rs, i) -> new Workflow.TeamTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        date(rs.getTimestamp(5)), date(rs.getTimestamp(6)), rs.getString(7)), args.toArray());
    }

    /** A team's tasks counted per step (task key), for the filter without its steps' restriction. */
    Map<String, Long> countByStep(Workflow.TaskFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.getObject().query("SELECT task_key, COUNT(*) FROM open_task WHERE " + where + " GROUP BY task_key",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    /** The id of an open task at this step of this case (any if several), or null. */
    String taskOf(String businessKey, String taskKey) {
        List<String> ids = jdbc.getObject().queryForList("SELECT task_id FROM open_task WHERE business_key = ? "
                + "AND task_key = ? ORDER BY created_at, task_id LIMIT 1", String.class, businessKey, taskKey);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * The id of an open task at this step of this case whose process holds this variable with this value
     * (any if several), or null: also when the variable is not one the projection carries.
     */
    String taskOf(String businessKey, String taskKey, String variable, Object value) {
        String discriminator = DISCRIMINATORS.contains(variable) ? discriminator(variable, value) : null;
        if (discriminator == null) {
            return null;
        }
        List<String> ids = jdbc.getObject().queryForList("SELECT task_id FROM open_task WHERE business_key = ? "
                + "AND task_key = ? AND discriminator = ? ORDER BY created_at, task_id LIMIT 1", String.class,
                businessKey, taskKey, discriminator);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** {@code name=value}, a number as its integer value (as the engine's LONG_ column holds it); null without value. */
    static String discriminator(String name, Object value) {
        if (value instanceof Number n) {
            return name + "=" + n.longValue();
        }
        return value instanceof String text ? name + "=" + text : null;
    }

    /**
     * The unclaimed tasks offered to any of these groups (and these cases), oldest first. One ordered range per
     * group on {@code ix_open_task_created}, merged by a UNION: with {@code candidate_group IN (…)} MariaDB sorted
     * every unclaimed task of the groups to keep a page (a DIEESS instructor has two groups; 26 ms against 1 ms for
     * 16,000 tasks).
     */
    List<Workflow.OpenTask> unclaimed(List<String> groups, List<String> businessKeys, int first, int max) {
        // Each group's first (first + max) tasks hold the first (first + max) distinct tasks of all the groups.
        int needed = first + max;
        List<Object> args = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (String group : groups) {
            StringBuilder range = new StringBuilder("SELECT " + COLUMNS
                    + " FROM open_task WHERE candidate_group = ? AND assignee IS NULL");
            args.add(group);
            if (businessKeys != null) {
                range.append(" AND business_key IN (").append(marks(businessKeys.size())).append(')');
                args.addAll(businessKeys);
            }
            ranges.add(range.append(" ORDER BY created_at, task_id LIMIT ?").toString());
            args.add(needed);
        }
        String sql = ranges.size() == 1 ? ranges.get(0)
                : "(" + String.join(") UNION ALL (", ranges) + ") ORDER BY created_at, task_id";
        // A task offered to two of the caller's groups comes twice: keep it once.
        Map<String, Workflow.OpenTask> tasks = new LinkedHashMap<>();
        jdbc.getObject().query(sql, rs -> {
            tasks.putIfAbsent(rs.getString(1), new Workflow.OpenTask(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), date(rs.getTimestamp(5)), date(rs.getTimestamp(6))));
        }, args.toArray());
        List<Workflow.OpenTask> all = new ArrayList<>(tasks.values());
        return all.subList(Math.min(first, all.size()), Math.min(needed, all.size()));
    }

    private static String where(Workflow.TaskFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder("candidate_group = ?");
        args.add(f.group());
        if (f.taskKeys() != null) {
            if (f.taskKeys().isEmpty()) {
                return "1 = 0";
            }
            where.append(" AND task_key IN (").append(marks(f.taskKeys().size())).append(')');
            args.addAll(f.taskKeys());
        }
        if (f.equals() != null) {
            f.equals().forEach((name, value) -> {
                where.append(" AND ").append(column(name)).append(" = ?");
                args.add(value);
            });
        }
        if (f.atLeast() != null) {
            where.append(" AND ").append(column(f.variableAtLeast())).append(" >= ?");
            args.add(f.atLeast());
        }
        if (f.atMost() != null) {
            where.append(" AND ").append(column(f.variableAtMost())).append(" <= ?");
            args.add(f.atMost());
        }
        if (f.overdueOnly()) {
            where.append(" AND due_at < ?");
            args.add(new Timestamp(System.currentTimeMillis()));
        }
        if (f.assignee() != null) {
            where.append(" AND assignee = ?");
            args.add(f.assignee());
        } else if (f.unassignedOnly()) {
            where.append(" AND assignee IS NULL");
        }
        return where.toString();
    }

    private static String column(String variable) {
        String column = FACT_COLUMNS.get(variable);
        if (column == null) {
            throw new IllegalArgumentException("Not carried by the open tasks projection: " + variable);
        }
        return column;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String asText(Object value) {
        return value == null ? null : value.toString();
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Date date(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }
}
