package fr.agir.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Zip-based documents opened within the archive limits before they are stored, without Spring. */
class DocumentArchiveLimitsTest {
    /** The defaults of agir.documents.archive.* (application.yml, DocumentVaultProperties). */
    private static final UploadChecks.ArchiveLimits DEFAULTS = new DocumentVaultProperties.Archive(
            org.springframework.util.unit.DataSize.ofMegabytes(100), 100, 10_000).limits();
    /** The bomb of the issue: 199 KB whose word/document.xml inflates to 200 MB. */
    private static final byte[] BOMB = SampleFiles.docxBomb(200L * 1024 * 1024);

    @TempDir
    Path dir;

    static Stream<Arguments> realDocuments() {
        return Stream.of(
                Arguments.of("rapport.docx", SampleFiles.docx()),
                Arguments.of("comptes.xlsx", SampleFiles.xlsx()),
                Arguments.of("rapport.odt", SampleFiles.odt()),
                Arguments.of("comptes.ods", SampleFiles.ods()),
                // 200 parts of 40 KB of varied text: 8 MB inflated, an ordinary ratio.
                Arguments.of("rapport illustré.docx", SampleFiles.docxWithParts(200, 40_000)));
    }

    @ParameterizedTest(name = "{0} passes the default limits")
    @MethodSource("realDocuments")
    void realDocumentsPassTheDefaultLimits(String name, byte[] bytes) throws IOException {
        Path file = file(bytes);
        UploadChecks.Format format = UploadChecks.checkContent(name, file);

        assertThat(format.zipBased()).isTrue();
        assertThatNoException().isThrownBy(() -> UploadChecks.checkArchive(name, format, file, DEFAULTS));
    }

    @Test
    void theDocxBombOfTheIssueIsARealLookingDocxButIsRefused() throws IOException {
        assertThat(BOMB.length).as("small enough to pass the size limit").isLessThan(250 * 1024);
        Path file = file(BOMB);
        UploadChecks.Format format = UploadChecks.checkContent("rapport.docx", file);
        assertThat(format).as("the type checks alone let it through").isEqualTo(UploadChecks.Format.DOCX);

        DocumentRejectedException refused = refused("rapport.docx", file, DEFAULTS);

        assertThat(refused.getMessage()).isEqualTo("Une partie du document « rapport.docx » (word/document.xml) "
                + "se décompresse plus de 100 fois : c'est la forme d'une « bombe de décompression », pas celle d'un "
                + "document ordinaire. Il n'a pas été enregistré : enregistrez-le de nouveau depuis le logiciel qui "
                + "l'a créé, ou envoyez-le en PDF.");
    }

    @Test
    void theTotalInflatedSizeStopsABombEvenWhenTheRatioIsAllowed() throws IOException {
        UploadChecks.ArchiveLimits anyRatio = new UploadChecks.ArchiveLimits(100L * 1024 * 1024, 100_000, 10_000);

        DocumentRejectedException refused = refused("rapport.docx", file(BOMB), anyRatio);

        assertThat(refused.getMessage()).startsWith("Le document « rapport.docx » se décompresse en plus de 100 Mo, "
                + "la limite d'Agir pour un document compressé : il n'a pas été enregistré.");
    }

    @Test
    void theTotalInflatedSizeCountsEveryEntryOfAnOrdinaryRatio() throws IOException {
        Path file = file(SampleFiles.docxWithParts(200, 40_000)); // 8 MB inflated in all

        assertThatNoException().isThrownBy(() -> UploadChecks.checkArchive("rapport.docx", UploadChecks.Format.DOCX,
                file, new UploadChecks.ArchiveLimits(9L * 1024 * 1024, 100, 10_000)));
        assertThat(refused("rapport.docx", file, new UploadChecks.ArchiveLimits(7L * 1024 * 1024, 100, 10_000))
                .getMessage()).contains("se décompresse en plus de 7 Mo");
    }

    @Test
    void aHighlyCompressedPartIsRefusedOnlyBeyondTheGraceSize() throws IOException {
        byte[] small = " ".repeat(90 * 1024).getBytes(StandardCharsets.UTF_8);
        byte[] large = " ".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);

        assertThatNoException().as("90 KB of spaces: a small part may compress very well").isThrownBy(() ->
                UploadChecks.checkArchive("a.docx", UploadChecks.Format.DOCX,
                        file(SampleFiles.docxWith("word/styles.xml", small)), DEFAULTS));
        assertThat(refused("a.docx", file(SampleFiles.docxWith("word/styles.xml", large)), DEFAULTS).getMessage())
                .contains("(word/styles.xml) se décompresse plus de 100 fois");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Path file = file(SampleFiles.docxWithParts(20, 10)); // 23 entries

        assertThatNoException().isThrownBy(() -> UploadChecks.checkArchive("a.docx", UploadChecks.Format.DOCX, file,
                new UploadChecks.ArchiveLimits(1024 * 1024, 100, 23)));
        assertThat(refused("a.docx", file, new UploadChecks.ArchiveLimits(1024 * 1024, 100, 22)).getMessage())
                .isEqualTo("Le document « a.docx » contient plus de 22 fichiers internes, bien plus qu'un document "
                        + "ordinaire : il n'a pas été enregistré. Enregistrez-le de nouveau depuis le logiciel qui "
                        + "l'a créé, ou envoyez-le en PDF.");
        assertThat(refused("a.docx", file(SampleFiles.docxWithParts(10_000, 1)), DEFAULTS).getMessage())
                .contains("plus de 10 000 fichiers internes");
    }

    @ParameterizedTest(name = "an entry named {0} is refused")
    @ValueSource(strings = {"../../../etc/cron.d/agir", "word/../../evil.xml", "/etc/passwd", "C:/Windows/evil.dll",
            "..\\..\\evil.bat"})
    void entriesThatClimbOutOrAreAbsoluteAreRefused(String entry) throws IOException {
        Path file = file(SampleFiles.docxWith(entry, "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused("a.docx", file, DEFAULTS).getMessage())
                .contains("contient un chemin interne interdit (« " + entry + " »)");
    }

    @Test
    void anOrdinaryNestedPathIsAccepted() throws IOException {
        Path file = file(SampleFiles.docxWith("word/embeddings/..Feuille1..xlsx", new byte[]{1, 2, 3}));

        assertThatNoException().isThrownBy(() -> UploadChecks.checkArchive("a.docx", UploadChecks.Format.DOCX, file,
                DEFAULTS));
    }

    @Test
    void otherFormatsAreNotOpened() throws IOException {
        Path pdf = file(SampleFiles.pdf("x"));

        assertThatNoException().isThrownBy(() -> UploadChecks.checkArchive("a.pdf", UploadChecks.Format.PDF, pdf,
                new UploadChecks.ArchiveLimits(1, 1, 1)));
    }

    @Test
    void aDamagedArchiveIsRefusedAsNotARealDocument() throws IOException {
        byte[] bytes = SampleFiles.docx();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 30); // its central directory cut
        Path file = file(truncated);

        DocumentRejectedException refused = catchThrowableOfType(DocumentRejectedException.class,
                () -> UploadChecks.checkArchive("a.docx", UploadChecks.Format.DOCX, file, DEFAULTS));

        assertThat(refused).isNotNull();
        assertThat(refused.httpStatus()).isEqualTo(415);
        assertThat(refused.getMessage()).contains("son archive est endommagée ou illisible");
    }

    private DocumentRejectedException refused(String name, Path file, UploadChecks.ArchiveLimits limits) {
        DocumentRejectedException refused = catchThrowableOfType(DocumentRejectedException.class,
                () -> UploadChecks.checkArchive(name, UploadChecks.Format.DOCX, file, limits));
        assertThat(refused).as(name).isNotNull();
        assertThat(refused.httpStatus()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("archive-hors-limites");
        assertThat(refused.fieldErrors()).containsKey("file");
        return refused;
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
    }
}
