package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The directorates kept by the administrator (issue 19): seeded from the configuration, created and edited through
 * the pages with each error next to its field and nothing saved, audited; their mailboxes are where the reminders
 * go, an inactive one is asked no opinion, and the page tells how the routing table relates to them.
 */
class DirectoratesAdminIT extends ApiTestSupport {
    private static final String PAGE = "/administration/directions";

    @Autowired
    private ManagementService management;

    @Test
    void aDirectorateIsAddedAndEditedThroughThePagesWithItsErrorsNextToTheFieldsAndEveryChangeAudited() {
        String admin = signedInSession("admin");
        String list = browser(admin, HttpMethod.GET, PAGE, null).getBody();
        assertThat(list).as("seeded from the configuration").contains("id=\"direction-DJVA\"", "avis-djva@agir.example.org",
                "Direction de la jeunesse et de la vie associative", "Règles n° 3, 4");
        int createdBefore = count("select count(*) from audit_event where action = 'DIRECTORATE_CREATED'");

        // Bad input: a code already taken (typed in lower case), an address that is not one, a thematic unknown.
        MultiValueMap<String, String> bad = form(admin, PAGE + "/nouvelle", "djva", "Doublon",
                "avis-ok@agir.example.org\npas-une-adresse");
        bad.add("thematics", "THEMATIQUE_INCONNUE");
        ResponseEntity<String> refused = browser(admin, HttpMethod.POST, PAGE, formPost(bad));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("id=\"code-erreur\"", "Une direction porte déjà ce code",
                "id=\"mailboxes-erreur\"", "Cette adresse n&#39;est pas valide : pas-une-adresse", "id=\"thematics-erreur\"",
                "value=\"djva\"", "pas-une-adresse</textarea>", "value=\"Doublon\"");
        assertThat(count("select count(*) from audit_event where action = 'DIRECTORATE_CREATED'")).as("nothing saved")
                .isEqualTo(createdBefore);
        assertThat(count("select count(*) from directorate where name = 'Doublon'")).isZero();

        // A new directorate: saved, audited; the page says the routing table does not name it yet.
        String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        MultiValueMap<String, String> good = form(admin, PAGE + "/nouvelle", code.toLowerCase(), "Direction de l'essai " + code,
                "essai@agir.example.org, essai-bis@agir.example.org");
        good.add("thematics", "ENGAGEMENT_CITOYEN");
        ResponseEntity<String> created = browser(admin, HttpMethod.POST, PAGE, formPost(good));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(303);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(PAGE);
        Map<String, Object> row = jdbc.queryForMap("select * from directorate where code = ?", code);
        assertThat(row.get("MAILBOXES")).isEqualTo("essai@agir.example.org,essai-bis@agir.example.org");
        assertThat(row.get("THEMATICS")).isEqualTo("ENGAGEMENT_CITOYEN");
        assertThat(row.get("UPDATED_BY")).isEqualTo("admin");
        assertThat(jdbc.queryForObject("select reason from audit_event where action = 'DIRECTORATE_CREATED' and reason like ?",
                String.class, code + " :%")).contains("essai-bis@agir.example.org", "Engagement citoyen");
        String after = browser(admin, HttpMethod.GET, PAGE, null).getBody();
        assertThat(after).contains("id=\"direction-" + code + "\"", "Code nouveau",
                "Suit « Engagement citoyen », mais la table de routage ne lui envoie pas cette thématique.");

        // Edited: an invalid address refused next to its field; then a valid change, audited with its diff.
        MultiValueMap<String, String> wrong = form(admin, PAGE + "/" + code, null, "Direction de l'essai " + code,
                "essai@agir");
        ResponseEntity<String> wrongEdit = browser(admin, HttpMethod.POST, PAGE + "/" + code, formPost(wrong));
        assertThat(wrongEdit.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongEdit.getBody()).contains("id=\"mailboxes-erreur\"", "essai@agir</textarea>");
        assertThat(jdbc.queryForObject("select mailboxes from directorate where code = ?", String.class, code))
                .isEqualTo("essai@agir.example.org,essai-bis@agir.example.org");
        MultiValueMap<String, String> edit = form(admin, PAGE + "/" + code, null, "Direction de l'essai " + code,
                "essai@agir.example.org");
        edit.set("active", "false");
        assertThat(browser(admin, HttpMethod.POST, PAGE + "/" + code, formPost(edit)).getStatusCode().value()).isEqualTo(303);
        assertThat(jdbc.queryForObject("select reason from audit_event where action = 'DIRECTORATE_UPDATED' and reason like ?",
                String.class, code + " :%")).contains("Boîtes aux lettres : essai@agir.example.org, essai-bis@agir.example.org"
                + " → essai@agir.example.org", "Thématiques suivies : Engagement citoyen → aucune", "Active : oui → non");

        // Nobody else reads or changes the directorates.
        for (String user : new String[] {"instructeur", "avis-djva", "porteur"}) {
            String session = signedInSession(user);
            assertThat(browser(session, HttpMethod.GET, PAGE + "/" + code, null).getStatusCode().value()).as(user)
                    .isIn(403, 404);
            MultiValueMap<String, String> intrusion = new LinkedMultiValueMap<>(edit);
            intrusion.set("_csrf", csrfOf(browser(session, HttpMethod.GET, "/", null).getBody()));
            intrusion.set("name", "Intrus");
            assertThat(browser(session, HttpMethod.POST, PAGE + "/" + code, formPost(intrusion)).getStatusCode().value())
                    .as(user).isIn(403, 404);
            assertThat(browser(session, HttpMethod.POST, PAGE, formPost(intrusion)).getStatusCode().value())
                    .as(user).isIn(403, 404);
        }
        assertThat(jdbc.queryForObject("select name from directorate where code = ?", String.class, code))
                .isEqualTo("Direction de l'essai " + code);
    }

    @Test
    void theRemindersGoToTheMailboxesKeptHereAndAnInactiveDirectorateIsAskedNoOpinion() {
        String admin = signedInSession("admin");
        String extra = "jeunesse-" + Long.toString(System.nanoTime(), 36) + "@agir.example.org";
        try {
            // DJVA gets a second mailbox; DMTA is marked inactive.
            MultiValueMap<String, String> djva = current(admin, "DJVA");
            djva.set("mailboxes", "avis-djva@agir.example.org\n" + extra);
            assertThat(browser(admin, HttpMethod.POST, PAGE + "/DJVA", formPost(djva)).getStatusCode().value()).isEqualTo(303);
            MultiValueMap<String, String> dmta = current(admin, "DMTA");
            dmta.set("active", "false");
            assertThat(browser(admin, HttpMethod.POST, PAGE + "/DMTA", formPost(dmta)).getStatusCode().value()).isEqualTo(303);
            assertThat(browser(admin, HttpMethod.GET, PAGE, null).getBody())
                    .contains("Les règles n° 6, 7 désignent DMTA, marquée inactive");

            // 60 000 € on civic engagement: the table names DJVA and DMTA; only DJVA is asked.
            Map<String, Object> campaign = openCampaign(30);
            Map<String, Object> structure = registerStructure("porteur");
            Map<String, Object> draft = post("porteur", "/api/applications", Map.of("campaignId", campaign.get("id"),
                    "structureId", structure.get("id"), "title", "Conseil de jeunes", "description", "Débats publics",
                    "thematic", "ENGAGEMENT_CITOYEN", "targetPublic", "TOUS_PUBLICS", "territory", "Bobigny",
                    "durationYears", 1, "budgets", List.of(budget(1, 60000, 70000))));
            String id = String.valueOf(draft.get("id"));
            String reference = (String) draft.get("reference");
            submitAndAwaitOpinions(id, reference);
            assertThat(jdbc.queryForList("select directorate from opinion where application_id = ?", String.class,
                    Long.valueOf(id))).containsExactly("DJVA");
            assertThat(jdbc.queryForObject("select reason from audit_event where application_id = ? and action = "
                    + "'ROUTING_ADJUSTED'", String.class, Long.valueOf(id)))
                    .contains("Proposition de la table de routage : DJVA, DMTA", "inactive dans l'administration : DMTA");

            // The reminder goes to both of DJVA's mailboxes.
            Job reminder = await().atMost(PATIENCE).until(() -> management.createJobQuery().timers()
                    .activityId("Event_OpinionReminderDue").list().stream()
                    .filter(j -> reference.equals(runtime.createProcessInstanceQuery()
                            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
                    .findFirst().orElse(null), j -> j != null);
            management.executeJob(reminder.getId());
            List<jakarta.mail.internet.MimeMessage> mails = await().atMost(PATIENCE)
                    .until(() -> TestSmtp.get().withSubject("Rappel : avis DJVA").stream()
                            .filter(m -> subject(m).endsWith(reference)).toList(), m -> !m.isEmpty());
            assertThat(mails.stream().flatMap(m -> recipients(m).stream()).distinct().toList())
                    .containsExactlyInAnyOrder("avis-djva@agir.example.org", extra);
        } finally {
            MultiValueMap<String, String> djva = current(admin, "DJVA");
            djva.set("mailboxes", "avis-djva@agir.example.org");
            browser(admin, HttpMethod.POST, PAGE + "/DJVA", formPost(djva));
            MultiValueMap<String, String> dmta = current(admin, "DMTA");
            dmta.set("active", "true");
            browser(admin, HttpMethod.POST, PAGE + "/DMTA", formPost(dmta));
        }
        assertThat(jdbc.queryForObject("select active from directorate where code = 'DMTA'", Boolean.class)).isTrue();
    }

    /** The directorate form as the page posts it (code only when adding). */
    private MultiValueMap<String, String> form(String session, String page, String code, String name, String mailboxes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(browser(session, HttpMethod.GET, page, null).getBody()));
        if (code != null) {
            form.add("code", code);
        }
        form.add("name", name);
        form.add("mailboxes", mailboxes);
        form.add("active", "true");
        form.add("_active", "on");
        form.add("_thematics", "on");
        return form;
    }

    /** The edit form of a directorate as it is now. */
    private MultiValueMap<String, String> current(String session, String code) {
        Map<String, Object> row = jdbc.queryForMap("select * from directorate where code = ?", code);
        MultiValueMap<String, String> form = form(session, PAGE + "/" + code, null, (String) row.get("NAME"),
                String.join("\n", ((String) row.get("MAILBOXES")).split(",")));
        form.set("active", Boolean.TRUE.equals(row.get("ACTIVE")) || Integer.valueOf(1).equals(row.get("ACTIVE"))
                ? "true" : "false");
        if (row.get("THEMATICS") != null) {
            for (String t : ((String) row.get("THEMATICS")).split(",")) {
                form.add("thematics", t);
            }
        }
        return form;
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(jakarta.mail.internet.MimeMessage mail) {
        try {
            return java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
