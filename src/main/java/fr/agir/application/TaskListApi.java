package fr.agir.application;

import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.workflow.Workflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import fr.agir.workflow.Workflow.PendingStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tâches", description = "Ce qui est attendu de l'utilisateur")
public class TaskListApi {
    private final Workflow workflow;
    private final ApplicationService applications;
    private final CurrentUser currentUser;

    public TaskListApi(Workflow workflow, ApplicationService applications, CurrentUser currentUser) {
        this.workflow = workflow;
        this.applications = applications;
        this.currentUser = currentUser;
    }

    public record TaskView(String taskId, String taskKey, String name, String applicationReference, Date created,
                           Date due) {
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "Mes tâches en attente, les plus anciennes d'abord, par pages (par rôle, direction et, "
            + "pour un porteur, ses structures)")
    public List<TaskView> myTasks(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        List<String> businessKeys = currentUser.hasRole(Role.APPLICANT) && !currentUser.isStaff()
                ? applications.referencesOfMyStructures() : null;
        int pageSize = Math.min(Math.max(size, 1), 200);
        List<TaskView> result = new ArrayList<>();
        for (Workflow.OpenTask t : workflow.openTasksFor(currentUser.candidateGroups(), businessKeys,
                Math.max(page, 0) * pageSize, pageSize)) {
            result.add(new TaskView(t.taskId(), t.taskKey(), t.name(), t.businessKey(), t.created(), t.due()));
        }
        return result;
    }
}
