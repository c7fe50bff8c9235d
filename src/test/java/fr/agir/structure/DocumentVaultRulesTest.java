package fr.agir.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validity periods, expiry statuses and the file-system storage, without Spring. */
class DocumentVaultRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path root;

    @Test
    void defaultValiditiesFollowTheTypeOfPiece() {
        assertThat(DocumentType.ATTESTATION_URSSAF.defaultValidUntil(TODAY)).isEqualTo(LocalDate.of(2027, 5, 22));
        assertThat(DocumentType.ATTESTATION_FISCALE.defaultValidUntil(TODAY)).isEqualTo(LocalDate.of(2027, 11, 22));
        assertThat(DocumentType.COMPTES_APPROUVES.defaultValidUntil(TODAY)).isEqualTo(LocalDate.of(2028, 5, 22));
        assertThat(DocumentType.RAPPORT_ACTIVITE.defaultValidUntil(TODAY)).isEqualTo(LocalDate.of(2028, 5, 22));
        assertThat(DocumentType.STATUTS.defaultValidUntil(TODAY)).isNull();
        assertThat(DocumentType.RIB.defaultValidUntil(TODAY)).isNull();
        assertThat(DocumentType.required()).containsExactly(DocumentType.STATUTS, DocumentType.LISTE_DIRIGEANTS,
                DocumentType.RIB);
    }

    @Test
    void aPieceIsValidUntilItsEndDayAndFlaggedThirtyDaysBefore() {
        assertThat(ExpiryStatus.of(null, TODAY, 30)).isEqualTo(ExpiryStatus.NO_END);
        assertThat(ExpiryStatus.of(TODAY.minusDays(1), TODAY, 30)).isEqualTo(ExpiryStatus.EXPIRED);
        assertThat(ExpiryStatus.of(TODAY, TODAY, 30)).isEqualTo(ExpiryStatus.EXPIRING_SOON);
        assertThat(ExpiryStatus.of(TODAY.plusDays(30), TODAY, 30)).isEqualTo(ExpiryStatus.EXPIRING_SOON);
        assertThat(ExpiryStatus.of(TODAY.plusDays(31), TODAY, 30)).isEqualTo(ExpiryStatus.VALID);
        assertThat(ExpiryStatus.of(TODAY.plusDays(10), TODAY, 7)).isEqualTo(ExpiryStatus.VALID);
    }

    @Test
    void theStorageKeepsBytesUnderGeneratedKeysInsideItsRoot() throws IOException {
        FileSystemDocumentStorage storage = new FileSystemDocumentStorage(root);
        String key = storage.put(new byte[]{1, 2, 3});
        String other = storage.put(new byte[]{1, 2, 3});

        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{32}").isNotEqualTo(other);
        assertThat(storage.exists(key)).isTrue();
        assertThat(Files.readAllBytes(storage.root().resolve(key))).containsExactly(1, 2, 3);
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        storage.delete(key);
        assertThat(storage.exists(key)).isFalse();
        assertThat(storage.exists(other)).isTrue();
    }

    @Test
    void keysThatAreNotOursOrLeaveTheRootAreRefused() throws IOException {
        FileSystemDocumentStorage storage = new FileSystemDocumentStorage(root);
        Files.writeString(root.getParent().resolve("secret.txt"), "secret");

        for (String key : new String[]{"../secret.txt", "ab/../../secret.txt", "/etc/passwd", "ab/cd",
                "AB/" + "0".repeat(32), "ab\\" + "0".repeat(32), ""}) {
            assertThatThrownBy(() -> storage.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.exists(root.getParent().resolve("secret.txt"))).isTrue();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoFile() throws IOException {
        FileSystemDocumentStorage storage = new FileSystemDocumentStorage(root);
        InputStream failing = new ByteArrayInputStream(new byte[100]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                throw new java.io.UncheckedIOException(new IOException("connexion coupée"));
            }

            @Override
            public long transferTo(java.io.OutputStream out) {
                throw new java.io.UncheckedIOException(new IOException("connexion coupée"));
            }
        };

        assertThatThrownBy(() -> storage.put(failing)).isInstanceOf(java.io.UncheckedIOException.class);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
