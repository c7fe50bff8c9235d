package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.shared.TimeConfig;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Report deadlines as users meet them: the portal's home says each report's deadline in words; a structure
 * whose report is overdue is refused a new submission in any campaign (API: French problem+json; page: the
 * message on the submission step) and keeps its draft; the instructor reads the structure's reporting record
 * on the case page.
 */
class ReportDeadlinesIT extends ApiTestSupport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @Test
    void aStructureWithAnOverdueReportIsRefusedANewSubmissionAndKeepsItsDraft() {
        Grant grant = grantedOneYear();
        String session = signedInSession("porteur");
        LocalDate today = LocalDate.now(TimeConfig.PARIS);

        // Due in 45 days: the home says it in words; nothing stops a new application.
        LocalDate due = today.plusDays(45);
        jdbc.update("update report set due_date = ? where id = ?", due, Long.valueOf(grant.reportId()));
        String home = browser(session, HttpMethod.GET, "/portail", null).getBody();
        assertThat(home).contains("Déposez le compte-rendu financier de l’année 1 — " + grant.reference(),
                "À déposer avant le " + due.format(DAY) + ", dans 45 jours",
                "/portail/candidatures/" + grant.applicationId() + "/compte-rendu");

        // Twelve days past its due date: overdue.
        LocalDate past = today.minusDays(12);
        jdbc.update("update report set due_date = ? where id = ?", past, Long.valueOf(grant.reportId()));
        assertThat(browser(session, HttpMethod.GET, "/portail", null).getBody())
                .contains("En retard de 12 jours (attendu le " + past.format(DAY) + ")");

        Map<String, Object> campaign = openCampaign(30);
        String draftId = String.valueOf(draft("porteur", campaign.get("id"), grant.structureId(), 1,
                List.of(budget(1, 10000, 20000))).get("id"));
        ResponseEntity<Map<String, Object>> refused = call("porteur", HttpMethod.POST,
                "/api/applications/" + draftId + "/submit", null);
        assertProblem(refused, 409, "urn:agir:probleme:etat-incompatible");
        assertThat((String) refused.getBody().get("detail")).contains(
                "ne peut pas déposer de nouvelle candidature", "compte rendu financier de l'année 1",
                grant.reference(), "en retard de 12 jours", "/portail/candidatures/" + grant.applicationId()
                        + "/compte-rendu", "Votre brouillon est conservé");
        assertThat(refused.getBody().get("overdueReports")).asList().singleElement()
                .satisfies(r -> assertThat(String.valueOf(r)).contains("application=" + grant.reference(),
                        "grantYear=1", "dueDate=" + past));
        assertThat(get("porteur", "/api/applications/" + draftId)).containsEntry("status", "DRAFT");

        // The page: the summary lists it before the declaration; the submission step refuses with the message.
        ResponseEntity<String> summary = browser(session, HttpMethod.GET,
                "/portail/candidatures/" + draftId + "/recapitulatif", null);
        assertThat(summary.getBody()).contains("Comptes rendus financiers en retard", grant.reference());
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(summary.getBody()));
        form.add("_declaration", "on");
        form.add("declaration", "true");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> page = browser(session, HttpMethod.POST, "/portail/candidatures/" + draftId + "/depot",
                new HttpEntity<>(form, headers));
        assertThat(page.getStatusCode().value()).isEqualTo(409);
        assertThat(page.getBody()).contains("ne peut pas déposer de nouvelle candidature",
                "compte rendu financier de l&#39;année 1", "Votre brouillon est conservé");
        assertThat(get("porteur", "/api/applications/" + draftId)).containsEntry("status", "DRAFT");

        // The instructor's case page: the structure's reporting record, with the days late.
        String casePage = browser(signedInSession("instructeur"), HttpMethod.GET,
                "/instruction/candidatures/" + grant.applicationId(), null).getBody();
        assertThat(casePage).contains("Comptes rendus financiers de la structure", grant.reference(),
                "Jours de retard", ">12<", "En retard");

        // Sent (late): the next submission goes through.
        post("porteur", "/api/reports/" + grant.reportId() + "/submit", Map.of("actualCharges", 30000,
                "actualProducts", 30000, "spentGrant", 16000, "qualitativeReport", "Actions réalisées"));
        assertThat(post("porteur", "/api/applications/" + draftId + "/submit", null)).containsEntry("status", "SUBMITTED");
        jdbc.update("update report set due_date = ? where id = ?", today.plusMonths(6), Long.valueOf(grant.reportId()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;

    /**
     * A late report: the instructors find « Suivre le compte-rendu en retard » in their queue with the structure, the
     * year and the due date; its page records the relance (bad input refused, nothing changed; staff only) and
     * « Relance effectuée » ends the step, audited; the formal notice still waits for its date; the structure never
     * reads the DIEESS's note.
     */
    @Test
    void aLateReportIsFollowedUpFromTheQueueAndTheRelanceIsRecordedForStaffOnly() {
        Grant grant = grantedOneYear();
        LocalDate today = LocalDate.now(TimeConfig.PARIS);
        LocalDate past = today.minusDays(12);
        jdbc.update("update report set due_date = ? where id = ?", past, Long.valueOf(grant.reportId()));
        fire(grant.reference(), "Event_ReportOverdue");
        awaitWaitingAt(grant.reference(), "Task_FollowUpLateReport");

        String staff = signedInSession("instructeur");
        Object campaignId = get("porteur", "/api/applications/" + grant.applicationId()).get("campaignId");
        String queue = browser(staff, HttpMethod.GET, "/instruction?campaignId=" + campaignId, null).getBody();
        String followUp = "/instruction/comptes-rendus/" + grant.reportId() + "/relance";
        assertThat(queue).contains(grant.reference(), "href=\"" + followUp + "\"", "Suivre le compte-rendu en retard",
                "Compte-rendu de l&#39;année 1, attendu le " + past.format(DAY) + " — en retard de 12 jours");
        String structureName = String.valueOf(get("porteur", "/api/structures/" + grant.structureId()).get("name"));
        assertThat(queue).contains(structureName.replace("'", "&#39;"));

        ResponseEntity<String> page = browser(staff, HttpMethod.GET, followUp, null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Relancer le compte-rendu en retard", "Relance effectuée",
                "en retard de 12 jours", "Partira le ");
        assertThat(browser(signedInSession("porteur"), HttpMethod.GET, followUp, null).getStatusCode().value())
                .isEqualTo(403);

        // Bad input: back to the page with the errors, nothing recorded, the step still open.
        ResponseEntity<String> refused = browser(staff, HttpMethod.POST, followUp, formPost(relance(page.getBody(),
                "PIGEON", today.plusDays(3).toString(), "x")));
        assertThat(refused.getStatusCode().is3xxRedirection()).isTrue();
        String shown = browser(staff, HttpMethod.GET, followUp, null).getBody();
        assertThat(shown).contains("La relance n’est pas enregistrée.", "Choisissez un moyen de contact de la liste");
        ResponseEntity<String> future = browser(staff, HttpMethod.POST, followUp, formPost(relance(shown,
                "TELEPHONE", today.plusDays(3).toString(), null)));
        assertThat(future.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(browser(staff, HttpMethod.GET, followUp, null).getBody())
                .contains("La date du contact ne peut pas être dans le futur");
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'REPORT_FOLLOWED_UP'",
                Long.valueOf(grant.applicationId()))).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(grant.reference())
                .activityId("Task_FollowUpLateReport").count()).isEqualTo(1);

        // « Relance effectuée »: recorded with the instructor's name, audited, the step ends; the notice still waits.
        ResponseEntity<String> done = browser(staff, HttpMethod.POST, followUp, formPost(relance(shown, "TELEPHONE",
                today.toString(), "La trésorière envoie le compte-rendu lundi.")));
        assertThat(done.getStatusCode().is3xxRedirection()).isTrue();
        String after = browser(staff, HttpMethod.GET, followUp, null).getBody();
        assertThat(after).contains("Relance enregistrée.", "Structure contactée par téléphone le " + today.format(DAY)
                + ". La trésorière envoie le compte-rendu lundi.", "(instruction, DIEESS)")
                .doesNotContain("par instructeur");
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'REPORT_FOLLOWED_UP'",
                Long.valueOf(grant.applicationId()))).isEqualTo(1);
        // The step ends with its save point's job (asyncAfter): once the notice waits, the step is gone.
        awaitWaitingAt(grant.reference(), "Event_FormalNoticeStillDue");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(grant.reference())
                .activityId("Task_FollowUpLateReport").count()).isZero();
        assertThat(browser(staff, HttpMethod.GET, "/instruction?campaignId=" + campaignId, null).getBody())
                .doesNotContain(followUp);
        assertThat(list("porteur", "/api/reports/" + grant.reportId() + "/history")).isEmpty();
        assertThat(list("instructeur", "/api/reports/" + grant.reportId() + "/history")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("kind", "FOLLOWED_UP"));
        assertThat(list("porteur", "/api/applications/" + grant.applicationId() + "/history").toString())
                .doesNotContain("trésorière");

        // The report arrives late: the structure may apply again; the formal notice will not go.
        post("porteur", "/api/reports/" + grant.reportId() + "/submit", Map.of("actualCharges", 30000,
                "actualProducts", 30000, "spentGrant", 16000, "qualitativeReport", "Actions réalisées"));
        jdbc.update("update report set due_date = ? where id = ?", today.plusMonths(6), Long.valueOf(grant.reportId()));
    }

    private static LinkedMultiValueMap<String, String> relance(String page, String channel, String date, String comment) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("channel", channel);
        form.add("contactedOn", date);
        if (comment != null) {
            form.add("comment", comment);
        }
        return form;
    }

    /** Fires the timer waiting at {@code activityId} in the case's processes, as the job executor would on its day. */
    private void fire(String reference, String activityId) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
        var timers = management.createJobQuery().timers().activityId(activityId).list().stream()
                .filter(j -> instances.contains(j.getProcessInstanceId())).toList();
        assertThat(timers).as("timer at " + activityId).hasSize(1);
        management.executeJob(timers.get(0).getId());
    }
}
