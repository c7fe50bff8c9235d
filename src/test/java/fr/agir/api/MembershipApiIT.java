package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A structure's legal representative invites and removes members; the others' access follows. */
class MembershipApiIT extends ApiTestSupport {

    @Test
    void theLegalRepresentativeInvitesAMemberWhoThenActsForTheStructureUntilRemoved() {
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        String base = "/api/structures/" + structure.get("id");
        assertThat(status("porteuse", HttpMethod.GET, base, null)).as("not a member yet").isEqualTo(404);

        Map<String, Object> invitation = post("porteur", base + "/invitations", Map.of("email", "paule@example.org"));
        String code = (String) invitation.get("code");
        assertThat(code).hasSizeGreaterThanOrEqualTo(32);
        assertThat(count("select count(*) from structure_invitation where code_sha256 = ?", code))
                .as("the code itself is not stored").isZero();

        assertThat(status("instructeur", HttpMethod.POST, "/api/invitations/accept", Map.of("code", code)))
                .as("staff do not join structures").isEqualTo(403);
        assertThat(post("porteuse", "/api/invitations/accept", Map.of("code", code))).containsEntry("role", "MEMBER");
        assertThat(get("porteuse", base).get("name")).isEqualTo(structure.get("name"));
        assertThat(status("porteuse", HttpMethod.POST, base + "/invitations", Map.of("email", "x@example.org")))
                .as("only the legal representative invites").isEqualTo(403);
        ResponseEntity<Map<String, Object>> reused = call("jury", HttpMethod.POST, "/api/invitations/accept",
                Map.of("code", code));
        assertThat(reused.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map<String, Object>> again = call("porteur", HttpMethod.POST, "/api/invitations/accept",
                Map.of("code", code));
        assertThat(again.getStatusCode().value()).as("a code serves once").isEqualTo(404);
        assertThat((String) again.getBody().get("detail")).contains("Demandez une nouvelle invitation");

        Map<String, Object> members = get("porteur", base + "/members");
        assertThat((List<Map<String, Object>>) members.get("members")).extracting(m -> m.get("username") + ":"
                + m.get("role")).containsExactly("porteur:LEGAL_REPRESENTATIVE", "porteuse:MEMBER");

        assertThat(status("porteuse", HttpMethod.DELETE, base + "/members/porteur", null))
                .as("a member cannot remove the legal representative").isEqualTo(403);
        assertThat(status("porteur", HttpMethod.DELETE, base + "/members/porteur", null))
                .as("the legal representative stays").isEqualTo(409);
        assertThat(status("porteur", HttpMethod.DELETE, base + "/members/porteuse", null)).isEqualTo(204);
        assertThat(status("porteuse", HttpMethod.GET, base, null)).as("removed: no access").isEqualTo(404);
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'STRUCTURE' "
                + "and entity_id = ? order by id", String.class, structure.get("id")))
                .containsExactly("STRUCTURE_REGISTERED", "MEMBER_INVITED", "MEMBER_JOINED", "MEMBER_REMOVED");
    }

    @Test
    void invitationsCanBeRevokedAndBadOnesAreRefusedClearly() {
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        String base = "/api/structures/" + structure.get("id");
        ResponseEntity<Map<String, Object>> badEmail = call("porteur", HttpMethod.POST, base + "/invitations",
                Map.of("email", "pas-un-email"));
        assertThat(badEmail.getStatusCode().value()).isEqualTo(422);
        assertThat(badEmail.getBody().get("erreurs")).asString().contains("E-mail invalide");

        Map<String, Object> invitation = post("porteur", base + "/invitations", Map.of("email", "x@example.org"));
        assertThat((List<?>) get("porteur", base + "/members").get("pendingInvitations")).hasSize(1);
        assertThat(status("porteur", HttpMethod.DELETE, base + "/invitations/" + invitation.get("id"), null))
                .isEqualTo(204);
        assertThat(status("porteuse", HttpMethod.POST, "/api/invitations/accept",
                Map.of("code", invitation.get("code")))).as("revoked").isEqualTo(404);
        assertThat(status("porteuse", HttpMethod.POST, "/api/invitations/accept", Map.of("code", "devine")))
                .isEqualTo(404);
        assertThat(count("select count(*) from structure_member where structure_id = ?", structure.get("id")))
                .isEqualTo(1);
    }

    private int status(String user, HttpMethod method, String path, Object body) {
        return callForText(user, method, path, body).getStatusCode().value();
    }
}
