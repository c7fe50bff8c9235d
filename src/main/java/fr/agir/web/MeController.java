package fr.agir.web;

import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is for Agir, whichever way he signed in (local account or Keycloak). */
@RestController
public class MeController {
    private final CurrentUser currentUser;

    public MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public record Me(String username, List<String> roles, List<String> directorates, List<String> candidateGroups) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "L'utilisateur connecté : ses rôles, ses directions et ses groupes de tâches")
    public Me me() {
        return new Me(currentUser.username(),
                Arrays.stream(Role.values()).filter(currentUser::hasRole).map(Role::candidateGroup).toList(),
                currentUser.directorates().stream().map(Directorate::name).sorted().toList(),
                currentUser.candidateGroups());
    }
}
