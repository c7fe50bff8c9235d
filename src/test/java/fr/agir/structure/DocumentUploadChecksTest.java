package fr.agir.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The file-name and content-type rules of the document vault, without Spring. */
class DocumentUploadChecksTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "« {0} » is accepted")
    @ValueSource(strings = {"statuts.pdf", "Statuts signés 2024.PDF", "rib-crédit-coopératif.jpeg",
            "comptes_2025 (approuvés).xlsx", "a.png"})
    void plainFileNamesAreAccepted(String name) {
        assertThatNoException().isThrownBy(() -> UploadChecks.checkFileName(name));
    }

    @Test
    void aNameOfExactlyTwoHundredCharactersIsAccepted() {
        assertThatNoException().isThrownBy(() -> UploadChecks.checkFileName("a".repeat(196) + ".pdf"));
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of(null, "n'a pas de nom"),
                Arguments.of("  ", "n'a pas de nom"),
                Arguments.of("../../etc/passwd.pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("..\\x.pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("/etc/x.pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("dossier/statuts.pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("C:\\Users\\awa\\statuts.pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("statuts..pdf", "ni « / », ni « \\ », ni « .. »"),
                Arguments.of("statuts\u0000.pdf", "caractères invisibles ou de contrôle"),
                Arguments.of("statuts\n.pdf", "caractères invisibles ou de contrôle"),
                Arguments.of("rapport\u202Efdp.exe", "caractères invisibles ou de contrôle"),
                Arguments.of("a".repeat(197) + ".pdf", "trop long (201 caractères, 200 au plus)"),
                Arguments.of("statuts", "se terminer par son extension"),
                Arguments.of("statuts.", "se terminer par son extension"),
                Arguments.of(".pdf", "se terminer par son extension"));
    }

    @ParameterizedTest(name = "« {0} » is refused")
    @MethodSource("badNames")
    void namesWithAPathControlCharactersOrNoExtensionAreRefusedNotFixed(String name, String message) {
        DocumentRejectedException refused = catchThrowableOfType(DocumentRejectedException.class,
                () -> UploadChecks.checkFileName(name));

        assertThat(refused).as(name).isNotNull();
        assertThat(refused.httpStatus()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("nom-de-fichier-invalide");
        assertThat(refused.getMessage()).contains(message);
        assertThat(refused.fieldErrors()).containsKey("file");
    }

    static Stream<Arguments> realFiles() {
        return Stream.of(
                Arguments.of("statuts.pdf", SampleFiles.pdf("Statuts"), UploadChecks.Format.PDF),
                Arguments.of("photo.jpg", SampleFiles.jpeg(), UploadChecks.Format.JPEG),
                Arguments.of("photo.JPEG", SampleFiles.jpeg(), UploadChecks.Format.JPEG),
                Arguments.of("rib.png", SampleFiles.png(), UploadChecks.Format.PNG),
                Arguments.of("rapport.odt", SampleFiles.odt(), UploadChecks.Format.ODT),
                Arguments.of("comptes.ods", SampleFiles.ods(), UploadChecks.Format.ODS),
                Arguments.of("rapport.docx", SampleFiles.docx(), UploadChecks.Format.DOCX),
                Arguments.of("rapport.docx", SampleFiles.docxContentTypesLast(), UploadChecks.Format.DOCX),
                Arguments.of("comptes.xlsx", SampleFiles.xlsx(), UploadChecks.Format.XLSX));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("realFiles")
    void realFilesOfEachAcceptedFormatAreRecognised(String name, byte[] bytes, UploadChecks.Format format)
            throws IOException {
        assertThat(UploadChecks.checkContent(name, file(bytes))).isEqualTo(format);
    }

    /** What tika-core alone makes of each format from its bytes: the reason for the OOXML zip check. */
    @Test
    void tikaCoreAloneSeesOfficeOpenXmlOnlyAsOoxmlOrZipButKnowsTheOthers() throws IOException {
        assertThat(detect(SampleFiles.pdf("x"))).isEqualTo("application/pdf");
        assertThat(detect(SampleFiles.jpeg())).isEqualTo("image/jpeg");
        assertThat(detect(SampleFiles.png())).isEqualTo("image/png");
        assertThat(detect(SampleFiles.odt())).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(detect(SampleFiles.ods())).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertThat(detect(SampleFiles.docx())).isEqualTo("application/x-tika-ooxml");
        assertThat(detect(SampleFiles.xlsx())).isEqualTo("application/x-tika-ooxml");
        assertThat(detect(SampleFiles.docxContentTypesLast())).isEqualTo("application/zip");
        assertThat(detect(SampleFiles.windowsExecutable())).isEqualTo("application/x-msdownload");
    }

    static Stream<Arguments> disguises() {
        return Stream.of(
                Arguments.of("statuts.pdf", SampleFiles.windowsExecutable(), "n'est pas un vrai PDF : son contenu (un programme)"),
                Arguments.of("statuts.pdf", SampleFiles.text(), "n'est pas un vrai PDF : son contenu (du texte)"),
                Arguments.of("statuts.pdf", SampleFiles.noise(), "n'est pas un vrai PDF : son contenu (des données de type inconnu)"),
                Arguments.of("statuts.pdf", SampleFiles.png(), "n'est pas un vrai PDF : son contenu (un fichier .png)"),
                Arguments.of("rib.png", SampleFiles.pdf("RIB"), "n'est pas une vraie image PNG"),
                Arguments.of("photo.jpg", SampleFiles.png(), "n'est pas une vraie image JPEG"),
                Arguments.of("rapport.docx", SampleFiles.zip(), "n'est pas un vrai document Word (.docx) : son contenu (une archive zip)"),
                Arguments.of("rapport.docx", SampleFiles.xlsx(), "n'est pas un vrai document Word (.docx)"),
                Arguments.of("comptes.xlsx", SampleFiles.docx(), "n'est pas un vrai classeur Excel (.xlsx)"),
                Arguments.of("rapport.odt", SampleFiles.docx(), "n'est pas un vrai document OpenDocument (.odt)"),
                Arguments.of("comptes.ods", SampleFiles.odt(), "n'est pas un vrai classeur OpenDocument (.ods)"),
                Arguments.of("installeur.exe", SampleFiles.windowsExecutable(), "Format non accepté (.exe)"),
                Arguments.of("notes.txt", SampleFiles.text(), "Format non accepté (.txt)"),
                Arguments.of("archive.zip", SampleFiles.zip(), "Format non accepté (.zip)"));
    }

    @ParameterizedTest(name = "{0} holding {2}")
    @MethodSource("disguises")
    void contentThatIsNotWhatItsExtensionSaysIsRefusedAs415(String name, byte[] bytes, String message)
            throws IOException {
        Path file = file(bytes);
        DocumentRejectedException refused = catchThrowableOfType(DocumentRejectedException.class,
                () -> UploadChecks.checkContent(name, file));

        assertThat(refused).as(name).isNotNull();
        assertThat(refused.httpStatus()).isEqualTo(415);
        assertThat(refused.problemType()).isEqualTo("format-de-fichier-refuse");
        assertThat(refused.getMessage()).contains(message);
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
    }

    private static String detect(byte[] bytes) throws IOException {
        return UploadChecks.detect(new ByteArrayInputStream(bytes));
    }
}
