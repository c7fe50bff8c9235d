package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * "Conventions à signer" in the instructors' queue: an agreement waiting for the structure's signature,
 * since when, the reminders sent; then waiting for the Département's countersignature; gone once in force.
 * Nobody but the instructors reads it.
 */
class AgreementSignatureQueueIT extends ApiTestSupport {
    private static final String API = "/api/instruction/queue/agreements-to-sign";

    @Autowired
    ManagementService management;
    @Autowired
    fr.agir.agreement.CountersignatureDigest digest;

    @Test
    void theInstructorsSeeTheAgreementsWaitingForASignatureWithTheRemindersSent() {
        Voted voted = votedOneYear();
        String reference = voted.reference();
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement").get("id"));
        String number = (String) get("porteur", "/api/agreements/" + agreementId).get("number");

        Map<String, Object> row = rowOf(reference);
        assertThat(row).as("waiting for the structure").isNotNull();
        assertThat(row.get("awaiting")).isEqualTo("STRUCTURE");
        assertThat(row.get("agreementNumber")).isEqualTo(number);
        assertThat(row.get("since")).isNotNull();
        assertThat(row.get("remindersSent")).isEqualTo(0);
        assertThat(row.get("overdue")).isEqualTo(false);

        // The reminder timer fires (as the job executor would after agir.deadlines.agreement-signature-reminder).
        fireReminder(reference);
        await().atMost(PATIENCE).until(() -> ((Number) rowOf(reference).get("remindersSent")).intValue() == 1);
        assertThat(rowOf(reference).get("lastRemindedAt")).isNotNull();

        // The page: the case to open, since when it waits, the reminder sent; linked from the queue.
        int waiting = list("instructeur", API).size();
        assertThat(page("instructeur", "/instruction")).contains("/instruction/conventions-a-signer", "Conventions à signer")
                .as("the queue's count is the list's length").contains("<span>" + waiting
                        + (waiting > 1 ? " conventions" : " convention") + "</span>");
        String page = page("instructeur", "/instruction/conventions-a-signer");
        assertThat(page).contains(reference, number, "/instruction/candidatures/" + voted.applicationId(),
                "Signature de la structure", "1 relance envoyée");
        assertThat(browser(signedInSession("instructeur"), HttpMethod.GET,
                "/instruction/candidatures/" + voted.applicationId(), null).getStatusCode().value()).isEqualTo(200);

        // Signed by the structure: now the Département's countersignature, since the signature.
        signAgreement("porteur", agreementId);
        awaitWaitingAt(reference, "Task_CountersignAgreement");
        assertThat(rowOf(reference).get("awaiting")).isEqualTo("DEPARTEMENT");
        assertThat(page("instructeur", "/instruction/conventions-a-signer")).contains(reference,
                "Contresignature du Département");

        // The signatory's reminder: nothing before it waits agir.agreement.countersignature-waiting (3 days);
        // then one e-mail lists it, once a day whatever the number of nodes.
        java.time.LocalDate day = java.time.LocalDate.now().plusYears(200)
                .plusDays(new java.util.Random().nextInt(100_000));
        int before = TestSmtp.get().withSubject("votre contresignature").size();
        assertThat(digest.send(day.minusDays(1))).hasValue(0);
        jdbc.update("update agreement set signed_at = ? where id = ?", java.sql.Timestamp.from(java.time.Instant.now()
                .minus(java.time.Duration.ofDays(5))), Long.valueOf(agreementId));
        assertThat(digest.send(day).orElseThrow()).isPositive();
        assertThat(digest.send(day)).as("one digest a day").isEmpty();
        await().atMost(PATIENCE).until(() -> TestSmtp.get().withSubject("votre contresignature").size() > before);
        var mails = TestSmtp.get().withSubject("votre contresignature");
        try {
            var toSignatory = new java.util.ArrayList<jakarta.mail.internet.MimeMessage>();
            for (var m : mails.subList(before, mails.size())) {
                if (m.getAllRecipients()[0].toString().equals("signataire@agir.test")) {
                    toSignatory.add(m);
                }
            }
            assertThat(toSignatory).as("one e-mail to the signatory").hasSize(1);
            assertThat(TestSmtp.text(toSignatory.get(0))).contains("Convention n° " + number, reference, "/signature",
                    "en attente depuis 5 jours");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }

        // In force: no longer waiting.
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        await().atMost(PATIENCE).until(() -> rowOf(reference) == null);

        // Only the instructors read it.
        for (String user : List.of("porteur", "signataire", "finances1", "avis-dter", "jury")) {
            ResponseEntity<String> answer = callForText(user, HttpMethod.GET, API);
            assertThat(answer.getStatusCode().value()).as("%s reading %s", user, API).isIn(403, 404);
            assertThat(String.valueOf(answer.getBody())).doesNotContain(reference);
            ResponseEntity<String> pageAnswer = browser(signedInSession(user), HttpMethod.GET,
                    "/instruction/conventions-a-signer", null);
            assertThat(pageAnswer.getStatusCode().value()).as("%s reading the page", user).isNotEqualTo(200);
            assertThat(String.valueOf(pageAnswer.getBody())).doesNotContain(reference);
        }
    }

    private Map<String, Object> rowOf(String reference) {
        return list("instructeur", API).stream().filter(r -> reference.equals(r.get("reference"))).findFirst()
                .orElse(null);
    }

    private void fireReminder(String reference) {
        String processInstanceId = runtime.createProcessInstanceQuery().processDefinitionKey("application-lifecycle")
                .processInstanceBusinessKey(reference).singleResult().getId();
        var timers = management.createJobQuery().timers().activityId("Event_SignatureReminderDue")
                .processInstanceId(processInstanceId).list();
        assertThat(timers).hasSize(1);
        management.executeJob(timers.get(0).getId());
    }

    private String page(String user, String path) {
        ResponseEntity<String> answer = browser(signedInSession(user), HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as("page %s for %s", path, user).isEqualTo(200);
        return HtmlUtils.htmlUnescape(String.valueOf(answer.getBody()));
    }
}
