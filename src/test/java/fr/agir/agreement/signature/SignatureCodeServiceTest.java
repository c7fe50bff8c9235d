package fr.agir.agreement.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The code's hash, the masked address and the document key, without Spring. */
class SignatureCodeServiceTest {

    @Test
    void onlyASaltedHashIsKeptAndItMatchesOnlyItsCode() {
        String stored = SignatureCodeService.hash("042917");
        assertThat(stored).doesNotContain("042917").contains("$");
        assertThat(SignatureCodeService.hash("042917")).as("a new salt each time").isNotEqualTo(stored);
        assertThat(SignatureCodeService.matches(stored, "042917")).isTrue();
        assertThat(SignatureCodeService.matches(stored, "042918")).isFalse();
        assertThat(SignatureCodeService.matches(stored, "42917")).isFalse();
        assertThat(SignatureCodeService.matches(stored, null)).isFalse();
    }

    @Test
    void theAddressIsMaskedForThePage() {
        assertThat(SignatureCodeService.mask("jean.dupont@exemple.fr")).isEqualTo("j•••@exemple.fr");
        assertThat(SignatureCodeService.mask("sans-arobase")).isEqualTo("•••");
    }

    @Test
    void theDocumentKeyNamesTheAuditedEntity() {
        assertThat(SignatureCodeService.entityType("AMENDMENT:7")).isEqualTo("AMENDMENT");
        assertThat(SignatureCodeService.entityId("AMENDMENT:7")).isEqualTo(7L);
        assertThat(SignatureCodeService.entityId("AGREEMENT")).isNull();
        assertThat(SignatureCodeService.minutes(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(SignatureCodeService.minutes(Duration.ofSeconds(30))).isEqualTo("1 minute");
    }
}
