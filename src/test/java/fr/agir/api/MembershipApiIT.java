package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

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

    @Test
    void theLegalRepresentativeInvitesWithdrawsAndRemovesFromTheMembersPage() throws Exception {
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        String id = String.valueOf(structure.get("id"));
        String path = "/portail/structures/" + id + "/membres";
        String rep = signedInSession("porteur");
        String page = browser(rep, HttpMethod.GET, path, null).getBody();
        assertThat(page).contains("<h1>Membres — " + structure.get("name") + "</h1>", "Paul Porteur (vous)",
                "Représentant légal", "Aucune invitation en attente.", "Inviter une personne");

        ResponseEntity<String> wrong = browser(rep, HttpMethod.POST, path + "/invitations",
                form(page, "email", "pas-un-email"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("E-mail invalide", "value=\"pas-un-email\"", "aria-invalid=\"true\"");

        String email = "paule-" + System.nanoTime() + "@example.org";
        String invited = follow(rep, browser(rep, HttpMethod.POST, path + "/invitations", form(page, "email", email)),
                path);
        assertThat(invited).contains("Invitation envoyée à " + email + ".", "valable 14 jours", "<th scope=\"row\">"
                + email + "</th>");
        String code = invited.replaceAll("(?s).*montré cette seule fois : ([A-Za-z0-9_-]+).*", "$1");
        jakarta.mail.internet.MimeMessage mail = org.awaitility.Awaitility.await().atMost(PATIENCE).until(() ->
                TestSmtp.get().withSubject("Invitation à rejoindre « " + structure.get("name") + " »"),
                m -> !m.isEmpty()).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(String.valueOf(mail.getContent())).contains(code);

        // Withdrawn: the invitation is no longer pending, its code no longer works.
        String other = "autre-" + System.nanoTime() + "@example.org";
        String twice = follow(rep, browser(rep, HttpMethod.POST, path + "/invitations", form(invited, "email", other)),
                path);
        String withdraw = twice.replaceAll("(?s).*action=\"(" + java.util.regex.Pattern.quote(path)
                + "/invitations/\\d+/retrait)\"[^>]*>\\s*<input[^>]*>\\s*<button[^>]*>Retirer l'invitation<span[^>]*> de "
                + java.util.regex.Pattern.quote(other) + ".*", "$1");
        assertThat(follow(rep, browser(rep, HttpMethod.POST, withdraw, form(twice)), path))
                .contains("Invitation retirée : " + other + ".").doesNotContain("<th scope=\"row\">" + other);
        assertThat((List<?>) get("porteur", "/api/structures/" + id + "/members").get("pendingInvitations")).hasSize(1);

        // A member sees the list read-only, and may not invite.
        post("porteuse", "/api/invitations/accept", Map.of("code", code));
        String member = signedInSession("porteuse");
        String seen = browser(member, HttpMethod.GET, path, null).getBody();
        assertThat(seen).contains("Paul Porteur", "Paule Porteuse (vous)", "Quitter la structure…",
                "Seul le représentant légal de la structure invite").doesNotContain("Inviter une personne",
                "Retirer l'invitation", "membres/retrait");
        ResponseEntity<String> refused = browser(member, HttpMethod.POST, path + "/invitations",
                form(seen, "email", "x@example.org"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("<h1>Action interdite</h1>", "Seul le représentant légal");

        // Removal: a confirmation first, then gone, with a notice.
        String confirm = browser(rep, HttpMethod.GET, path + "/retrait?membre=porteuse", null).getBody();
        assertThat(confirm).contains("Retirer Paule Porteuse de la structure ?", "Cette action est définitive.",
                "name=\"confirmed\" value=\"true\"");
        ResponseEntity<String> unconfirmed = browser(rep, HttpMethod.POST, path + "/retrait",
                form(confirm, "membre", "porteuse"));
        assertThat(unconfirmed.getHeaders().getLocation().toString()).endsWith(path + "/retrait?membre=porteuse");
        assertThat(count("select count(*) from structure_member where structure_id = ?", structure.get("id")))
                .isEqualTo(2);
        assertThat(follow(rep, browser(rep, HttpMethod.POST, path + "/retrait",
                form(confirm, "membre", "porteuse", "confirmed", "true")), path))
                .contains("Paule Porteuse ne fait plus partie de la structure.");
        ResponseEntity<String> gone = browser(member, HttpMethod.GET, path, null);
        assertThat(gone.getStatusCode().value()).isEqualTo(404);
        assertThat(gone.getBody()).contains("<h1>Introuvable</h1>");

        // Another structure's members page: the same French 404 as an unknown one.
        String strangers = String.valueOf(registerStructureWithoutDocuments("porteuse").get("id"));
        ResponseEntity<String> foreign = browser(rep, HttpMethod.GET, "/portail/structures/" + strangers + "/membres",
                null);
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getBody()).contains("<html lang=\"fr\">", "<h1>Introuvable</h1>");
    }

    @Test
    void aMemberLeavesAfterConfirmingAndTheLegalRepresentativeCannot() {
        Map<String, Object> structure = registerStructureWithoutDocuments("porteur");
        String path = "/portail/structures/" + structure.get("id") + "/membres";
        Map<String, Object> invitation = post("porteur", "/api/structures/" + structure.get("id") + "/invitations",
                Map.of("email", "paule@example.org"));
        post("porteuse", "/api/invitations/accept", Map.of("code", invitation.get("code")));
        String member = signedInSession("porteuse");
        String confirm = browser(member, HttpMethod.GET, path + "/depart", null).getBody();
        assertThat(confirm).contains("Quitter la structure ?", "Cette action est définitive.");
        ResponseEntity<String> left = browser(member, HttpMethod.POST, path + "/depart", form(confirm, "confirmed", "true"));
        assertThat(left.getHeaders().getLocation().getPath()).isEqualTo("/portail");
        assertThat(count("select count(*) from structure_member where structure_id = ?", structure.get("id")))
                .isEqualTo(1);
        ResponseEntity<String> rep = browser(signedInSession("porteur"), HttpMethod.GET, path + "/depart", null);
        assertThat(rep.getStatusCode().value()).isEqualTo(409);
        assertThat(rep.getBody()).contains("Le représentant légal ne peut pas quitter la structure");
    }

    /** A page's form as a browser sends it: its CSRF token and the given name/value pairs. */
    private static HttpEntity<LinkedMultiValueMap<String, String>> form(String page, String... pairs) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form, headers);
    }

    /** After a form: a redirection to the given page, which is returned (flash notice included). */
    private String follow(String session, ResponseEntity<String> answer, String path) {
        assertThat(answer.getStatusCode().is3xxRedirection()).as(answer.getBody()).isTrue();
        assertThat(answer.getHeaders().getLocation().getPath()).isEqualTo(path);
        return browser(session, HttpMethod.GET, answer.getHeaders().getLocation().getPath(), null).getBody();
    }

    private int status(String user, HttpMethod method, String path, Object body) {
        return callForText(user, method, path, body).getStatusCode().value();
    }
}
