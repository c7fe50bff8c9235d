package fr.agir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditActionTest {

    @Test
    void everyDeclaredActionHasFrenchWordsOfItsOwnAndAnAudienceThatIncludesStaff() {
        Set<String> words = new HashSet<>();
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.words()).as(action.name()).isNotBlank().doesNotContain("_");
            assertThat(words.add(action.words())).as("words of %s told apart from the others", action).isTrue();
            assertThat(action.audience()).as(action.name()).isNotEmpty().contains(AuditReader.STAFF);
            assertThat(AuditAction.of(action.code())).contains(action);
        }
        assertThat(AuditAction.of("NOT_DECLARED")).as("positive control: an unknown code is no kind").isEmpty();
    }

    @Test
    void aJuryMemberReadsNothingOfTheHistory() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.audience()).as(action.name()).doesNotContain(AuditReader.JURY);
        }
    }

    @Test
    void opinionsAreNeverTheStructuresNorTheJurysNorFinances() {
        assertThat(AuditAction.OPINION_GIVEN.audienceAbout("OPINION"))
                .containsExactlyInAnyOrder(AuditReader.REVIEWER, AuditReader.STAFF);
        // Even a kind the structure may read is not, when it is about an opinion.
        assertThat(AuditAction.SUBMITTED.audienceAbout("OPINION")).doesNotContain(AuditReader.APPLICANT)
                .contains(AuditReader.REVIEWER);
        assertThat(AuditAction.SUBMITTED.audienceAbout("APPLICATION")).as("positive control")
                .contains(AuditReader.APPLICANT);
    }

    @Test
    void theJurysRecordsAndTheTaskQueueAreStaffsOnly() {
        for (String entity : Set.of("JURY_RESULT", "JURY_SESSION", "JURY_CONFLICT", "SCORING_GRID", "TASK", "ACCESS")) {
            for (AuditAction action : AuditAction.values()) {
                assertThat(action.audienceAbout(entity)).as("%s about %s", action, entity)
                        .isSubsetOf(EnumSet.of(AuditReader.STAFF));
            }
        }
        // The structure reads the stage the jury's result leads to, recorded on the application.
        assertThat(AuditAction.JURY_RESULT_RECORDED.audienceAbout("JURY_RESULT")).containsExactly(AuditReader.STAFF);
        assertThat(AuditAction.JURY_RESULT_RECORDED.audienceAbout("APPLICATION")).contains(AuditReader.APPLICANT);
        assertThat(AuditAction.JURY_SCORE_SUBMITTED.audience()).containsExactly(AuditReader.STAFF);
    }

    @Test
    void financeReadsPaymentsAgreementsAndReportsButNotTheInstruction() {
        for (AuditAction action : EnumSet.of(AuditAction.INSTALLMENT_PREPARED, AuditAction.PAYMENT_VALIDATED,
                AuditAction.PAYMENT_ORDER_ISSUED, AuditAction.AGREEMENT_SIGNED, AuditAction.REPORT_SUBMITTED,
                AuditAction.RECOVERY_ORDER_ISSUED)) {
            assertThat(action.audienceAbout(action.name().startsWith("AGREEMENT") ? "AGREEMENT" : "INSTALLMENT"))
                    .as(action.name()).contains(AuditReader.FINANCE);
        }
        for (AuditAction action : EnumSet.of(AuditAction.OPINION_GIVEN, AuditAction.DECLARED_COMPLETE,
                AuditAction.JURY_SCORE_SUBMITTED, AuditAction.TASK_ASSIGNED)) {
            assertThat(action.audience()).as(action.name()).doesNotContain(AuditReader.FINANCE);
        }
        assertThat(AuditAction.PAYMENT_VALIDATED.audience()).as("the payment's internal steps")
                .doesNotContain(AuditReader.APPLICANT);
    }

    @Test
    void anEventIsReadByItsAudienceOnlyAndAnUndeclaredCodeByStaffOnly() {
        AuditEvent score = new AuditEvent(java.time.Instant.EPOCH, "jury", "JURY_SESSION", 1L, 2L,
                "JURY_SCORE_SUBMITTED", null, null, "jury : 14.00/20");
        AuditEvent voted = new AuditEvent(java.time.Instant.EPOCH, "instructeur", "APPLICATION", 2L, 2L,
                "GRANT_VOTED", "AWAITING_VOTE", "GRANTED", null);
        AuditEvent legacy = new AuditEvent(java.time.Instant.EPOCH, "x", "APPLICATION", 2L, 2L, "OLD_CODE", null, null,
                null);
        for (AuditReader reader : AuditReader.values()) {
            assertThat(AuditAction.readableBy(score, reader)).as("score for %s", reader).isEqualTo(reader == AuditReader.STAFF);
            assertThat(AuditAction.readableBy(legacy, reader)).as("legacy for %s", reader)
                    .isEqualTo(reader == AuditReader.STAFF);
        }
        assertThat(AuditAction.readableBy(voted, AuditReader.APPLICANT)).isTrue();
        assertThat(AuditAction.readableBy(voted, AuditReader.JURY)).isFalse();
        assertThat(AuditAction.readableBy(voted, null)).isFalse();
    }

    @Test
    void theCanonicalFormIsUnambiguousAndTheHashChainsThePreviousOne() {
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 9, 30, 0, 123456000);
        AuditCanonical.Content a = new AuditCanonical.Content(7, at, "porteur", "APPLICATION", 3L, 3L, "SUBMITTED",
                "DRAFT", "SUBMITTED", "a|b");
        assertThat(AuditCanonical.canonical(a)).isEqualTo(
                "agir-audit-v1|1:7|27:2026-03-01T09:30:00.123456Z|7:porteur|11:APPLICATION|1:3|1:3|9:SUBMITTED"
                        + "|5:DRAFT|9:SUBMITTED|3:a|b");
        AuditCanonical.Content noReason = new AuditCanonical.Content(7, at, "porteur", "APPLICATION", null, 3L,
                "SUBMITTED", "DRAFT", "SUBMITTED", null);
        assertThat(AuditCanonical.canonical(noReason)).contains("|-|").endsWith("|-");
        String first = AuditCanonical.hash(AuditCanonical.GENESIS, a);
        assertThat(first).hasSize(64).matches("[0-9a-f]+");
        assertThat(AuditCanonical.hash(AuditCanonical.GENESIS, a)).as("stable").isEqualTo(first);
        assertThat(AuditCanonical.hash(first, a)).as("chained to the previous hash").isNotEqualTo(first);
        AuditCanonical.Content changed = new AuditCanonical.Content(7, at, "porteur", "APPLICATION", 3L, 3L,
                "SUBMITTED", "DRAFT", "SUBMITTED", "a|c");
        assertThat(AuditCanonical.hash(AuditCanonical.GENESIS, changed)).isNotEqualTo(first);
    }
}
