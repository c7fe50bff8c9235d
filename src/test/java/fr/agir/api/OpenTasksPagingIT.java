package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.workflow.Workflow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "My tasks" ({@code /api/tasks}, the portal's and the back office's task lists) read from the open tasks projection
 * one ordered range per candidate group, merged (issue 21, fourth pass): every page is the engine's order — oldest
 * first, then by task id — with a task offered to two of the caller's groups shown once and claimed tasks left out,
 * whatever the page size.
 */
class OpenTasksPagingIT extends ApiTestSupport {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String groupA = "ga-" + run;
    private final String groupB = "gb-" + run;
    private final List<Row> rows = new ArrayList<>();

    @Autowired
    private Workflow workflow;

    private record Row(String taskId, String group, String businessKey, Instant created, String assignee) {
    }

    @AfterEach
    void removeTheRows() {
        jdbc.update("DELETE FROM open_task WHERE candidate_group IN (?, ?)", groupA, groupB);
    }

    @Test
    void everyPageOfTwoGroupsIsTheirTasksOnceEachOldestFirstWithoutTheClaimedOnes() {
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        for (int i = 0; i < 23; i++) {
            String task = "t" + run + "-" + (char) ('a' + (i * 7) % 23);   // ids not in creation order
            Instant created = t0.plusSeconds(60L * (i / 3));                // three tasks per minute: ties on the time
            String assignee = i % 5 == 4 ? "instructrice" : null;
            String key = "AAA-" + run + "-" + (i % 4);
            if (i % 3 != 1) {
                add(new Row(task, groupA, key, created, assignee));
            }
            if (i % 3 != 0) {
                add(new Row(task, groupB, key, created, assignee));   // i % 3 == 2: offered to both groups
            }
        }
        List<String> expected = expected(null);
        assertThat(expected).hasSizeGreaterThan(15);

        for (int size = 1; size <= 7; size++) {
            for (int first = 0; first <= expected.size() + size; first += size) {
                assertThat(ids(workflow.openTasksFor(List.of(groupA, groupB), null, first, size)))
                        .as("page from %d, size %d", first, size)
                        .containsExactlyElementsOf(expected.subList(Math.min(first, expected.size()),
                                Math.min(first + size, expected.size())));
            }
        }
        assertThat(ids(workflow.openTasksFor(List.of(groupB, groupA), null, 0, 50))).containsExactlyElementsOf(expected);

        List<String> twoCases = List.of("AAA-" + run + "-1", "AAA-" + run + "-3");
        List<String> ofTwoCases = expected(twoCases);
        assertThat(ofTwoCases).isNotEmpty().hasSizeLessThan(expected.size());
        assertThat(ids(workflow.openTasksFor(List.of(groupA, groupB), twoCases, 2, 3)))
                .containsExactlyElementsOf(ofTwoCases.subList(2, Math.min(5, ofTwoCases.size())));
        assertThat(ids(workflow.openTasksFor(List.of(groupA), null, 0, 100)))
                .containsExactlyElementsOf(rows.stream().filter(r -> r.group().equals(groupA) && r.assignee() == null)
                        .sorted(ORDER).map(Row::taskId).toList());
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::created).thenComparing(Row::taskId);

    private List<String> expected(List<String> businessKeys) {
        return rows.stream().filter(r -> r.assignee() == null)
                .filter(r -> businessKeys == null || businessKeys.contains(r.businessKey()))
                .sorted(ORDER).map(Row::taskId).distinct().toList();
    }

    private void add(Row row) {
        rows.add(row);
        jdbc.update("INSERT INTO open_task (task_id, candidate_group, task_key, task_name, process_instance_id, "
                        + "business_key, assignee, created_at) VALUES (?, ?, 'Task_Test', 'Tâche', ?, ?, ?, ?)",
                row.taskId(), row.group(), "p-" + row.taskId(), row.businessKey(), row.assignee(),
                Timestamp.from(row.created()));
    }

    private static List<String> ids(List<Workflow.OpenTask> tasks) {
        return tasks.stream().map(Workflow.OpenTask::taskId).toList();
    }
}
