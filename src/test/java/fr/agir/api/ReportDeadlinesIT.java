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
}
