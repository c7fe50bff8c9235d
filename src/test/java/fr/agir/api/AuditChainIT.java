package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.audit.AuditDigest;
import fr.agir.shared.TimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The audit trail's chain on MariaDB: recorded events are sealed and the chain verifies; a reason
 * rewritten in the database, or an event deleted, is reported as the first broken link, at that very
 * event; the daily digest carries the chain's head.
 */
class AuditChainIT extends ApiTestSupport {
    private static final String VERIFICATION = "/api/admin/audit/verification";

    @Autowired
    private AuditDigest digest;

    @Test
    void recordedEventsAreSealedAndTheChainHoldsUntilARowIsRewrittenOrDeleted() throws Exception {
        Map<String, Object> draft = oneYearDraft(budget(1, 8000, 12000));
        long applicationId = ((Number) draft.get("id")).longValue();
        post("porteur", "/api/applications/" + applicationId + "/submit", null);

        Map<String, Object> ok = get("admin", VERIFICATION);
        assertThat(ok).containsEntry("intact", true).doesNotContainKey("firstBrokenLink");
        assertThat(((Number) ok.get("sealedEvents")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat((String) ok.get("headHash")).matches("[0-9a-f]{64}");
        assertThat(count("select count(*) from audit_event where application_id = ? and chain_position is null",
                applicationId)).as("verification seals what waits").isZero();
        for (String notAdmin : List.of("instructeur", "porteur", "finances1")) {
            assertThat(call(notAdmin, HttpMethod.GET, VERIFICATION, null).getStatusCode().value()).as(notAdmin)
                    .isEqualTo(403);
        }

        // A reason rewritten behind Agir's back: that event is the first broken link.
        Map<String, Object> created = jdbc.queryForMap("select id, chain_position, reason from audit_event "
                + "where application_id = ? and action = 'DRAFT_CREATED'", applicationId);
        long createdId = ((Number) created.get("id")).longValue();
        jdbc.update("update audit_event set reason = ? where id = ?", "Brouillon créé par quelqu'un d'autre", createdId);
        Map<String, Object> rewritten = get("admin", VERIFICATION);
        assertThat(rewritten).containsEntry("intact", false);
        Map<String, Object> link = (Map<String, Object>) rewritten.get("firstBrokenLink");
        assertThat(((Number) link.get("eventId")).longValue()).isEqualTo(createdId);
        assertThat(((Number) link.get("position")).longValue())
                .isEqualTo(((Number) created.get("chain_position")).longValue());
        assertThat((String) link.get("reason")).contains("Contenu modifié");
        jdbc.update("update audit_event set reason = ? where id = ?", created.get("reason"), createdId);
        assertThat(get("admin", VERIFICATION)).as("positive control: restored, the chain holds again")
                .containsEntry("intact", true);

        // An event deleted: the walk stops at the position it held, on the event that followed it.
        Map<String, Object> submitted = jdbc.queryForMap("select * from audit_event where application_id = ? "
                + "and action = 'SUBMITTED'", applicationId);
        long position = ((Number) submitted.get("chain_position")).longValue();
        Long next = jdbc.queryForObject("select id from audit_event where chain_position = ?", Long.class, position + 1);
        jdbc.update("delete from audit_event where id = ?", submitted.get("id"));
        Map<String, Object> deleted = get("admin", VERIFICATION);
        assertThat(deleted).containsEntry("intact", false);
        link = (Map<String, Object>) deleted.get("firstBrokenLink");
        assertThat((String) link.get("reason")).contains("Position " + position + " manquante", "supprimé");
        assertThat(((Number) link.get("position")).longValue()).isEqualTo(position + 1);
        assertThat(((Number) link.get("eventId")).longValue()).isEqualTo(next);
        jdbc.update("insert into audit_event (id, occurred_at, actor, entity_type, entity_id, application_id, action, "
                        + "from_state, to_state, reason, chain_position, previous_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", submitted.get("id"),
                submitted.get("occurred_at"), submitted.get("actor"), submitted.get("entity_type"),
                submitted.get("entity_id"), submitted.get("application_id"), submitted.get("action"),
                submitted.get("from_state"), submitted.get("to_state"), submitted.get("reason"),
                submitted.get("chain_position"), submitted.get("previous_hash"), submitted.get("hash"));
        assertThat(get("admin", VERIFICATION)).as("positive control: put back, the chain holds again")
                .containsEntry("intact", true);
    }

    @Test
    void theDailyDigestCarriesTheChainsHeadAndIsWrittenOnce() throws Exception {
        oneYearDraft(budget(1, 8000, 12000));
        LocalDate today = LocalDate.now(TimeConfig.PARIS);
        jdbc.update("delete from audit_digest where digest_day = ?", today);
        Optional<Path> written = digest.write(today);
        assertThat(written).isPresent();
        String text = Files.readString(written.get());
        Map<String, Object> row = jdbc.queryForMap("select head_position, head_hash, events_of_day from audit_digest "
                + "where digest_day = ?", today);
        long position = ((Number) row.get("head_position")).longValue();
        String hash = (String) row.get("head_hash");
        assertThat(position).isPositive();
        assertThat(jdbc.queryForObject("select hash from audit_event where chain_position = ?", String.class, position))
                .as("the digest's head is the sealed event at its position").isEqualTo(hash);
        assertThat(text).contains("date: " + today, "chain_position: " + position, "head_hash: " + hash,
                "events_of_day: " + row.get("events_of_day"));
        assertThat(((Number) row.get("events_of_day")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(digest.write(today)).as("another node, or a second run, writes nothing").isEmpty();
        assertThat(Files.readString(written.get())).isEqualTo(text);
    }
}
