package fr.agir.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * What an uploaded file must be, checked without Spring: a plain file name, and content whose real
 * type (Apache Tika, from the bytes alone) is an accepted format that agrees with the extension.
 *
 * <p>tika-core alone recognises PDF, JPEG, PNG and OpenDocument files by their bytes, but sees an
 * Office Open XML file (.docx, .xlsx) only as "OOXML" or as a zip. Such a file is accepted when its
 * extension says .docx/.xlsx <em>and</em> its zip directory holds {@code [Content_Types].xml} and the
 * main part ({@code word/document.xml}, {@code xl/workbook.xml}); only the directory is read, nothing
 * is unpacked. The file name is never used to decide the content type on its own: a name-based guess
 * would take any unrecognised bytes named {@code .pdf} for a PDF.
 *
 * <p>A zip-based document (.docx, .xlsx, .odt, .ods) is then opened within {@link ArchiveLimits}
 * ({@link #checkArchive}): every entry is inflated into a small buffer that is thrown away, counting
 * the bytes actually produced (the sizes an archive declares are never trusted), and the file is
 * refused as soon as a limit is passed, so that a decompression bomb costs at most the limit.
 */
public final class UploadChecks {
    public static final int MAX_NAME_LENGTH = 200;
    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry TYPES = MediaTypeRegistry.getDefaultRegistry();
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final MediaType ZIP = MediaType.application("zip");

    private UploadChecks() {
    }

    /** The accepted formats, their extensions and how their real content is named in messages. */
    public enum Format {
        PDF("application/pdf", "un vrai PDF", null, "pdf"),
        JPEG("image/jpeg", "une vraie image JPEG", null, "jpg", "jpeg"),
        PNG("image/png", "une vraie image PNG", null, "png"),
        ODT("application/vnd.oasis.opendocument.text", "un vrai document OpenDocument (.odt)", null, "odt"),
        ODS("application/vnd.oasis.opendocument.spreadsheet", "un vrai classeur OpenDocument (.ods)", null, "ods"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "un vrai document Word (.docx)", "word/document.xml", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "un vrai classeur Excel (.xlsx)", "xl/workbook.xml", "xlsx");

        private final String contentType;
        private final String realName;
        private final String ooxmlMainPart;
        private final List<String> extensions;

        Format(String contentType, String realName, String ooxmlMainPart, String... extensions) {
            this.contentType = contentType;
            this.realName = realName;
            this.ooxmlMainPart = ooxmlMainPart;
            this.extensions = List.of(extensions);
        }

        public String contentType() {
            return contentType;
        }

        public List<String> extensions() {
            return extensions;
        }

        /** Whether the format is a zip archive (Office Open XML, OpenDocument), opened by {@link #checkArchive}. */
        public boolean zipBased() {
            return this == DOCX || this == XLSX || this == ODT || this == ODS;
        }

        static Optional<Format> ofExtension(String extension) {
            return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
        }

        static Optional<Format> ofContentType(String contentType) {
            return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
        }
    }

    public static final String ACCEPTED_FORMATS = "PDF, image JPEG ou PNG, document ou classeur OpenDocument "
            + "(.odt, .ods) ou Office (.docx, .xlsx)";

    /**
     * Refuses (400) a file name that is missing, too long, holds a path (/ or \), "..", or control
     * or invisible formatting characters (such as a right-to-left override that disguises an
     * extension), or has no extension. Nothing is "fixed": the user renames the file himself.
     */
    public static void checkFileName(String name) {
        if (name == null || name.isBlank()) {
            throw invalidName("Le fichier n'a pas de nom : donnez-lui un nom, par exemple « statuts.pdf ».");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalidName("Le nom du fichier est trop long (" + name.length() + " caractères, "
                    + MAX_NAME_LENGTH + " au plus) : raccourcissez-le puis recommencez.");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
            throw invalidName("Le nom du fichier ne doit contenir ni « / », ni « \\ », ni « .. » : "
                    + "renommez-le, par exemple « statuts.pdf », puis recommencez.");
        }
        boolean hidden = name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
        if (hidden) {
            throw invalidName("Le nom du fichier contient des caractères invisibles ou de contrôle : "
                    + "renommez-le avec des lettres, chiffres, espaces ou tirets, puis recommencez.");
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw invalidName("Le nom du fichier doit se terminer par son extension (.pdf, .jpg, .png, .odt, "
                    + ".ods, .docx ou .xlsx) et ne pas commencer par un point.");
        }
    }

    /** The lower-case extension of a name that passed {@link #checkFileName}. */
    static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** The type Tika reads from the bytes alone (base type, without parameters). */
    public static String detect(InputStream content) throws IOException {
        return MediaType.parse(TIKA.detect(content)).getBaseType().toString();
    }

    /**
     * The accepted format of a file whose name passed {@link #checkFileName}, or a 415 refusal that
     * says what is wrong. {@code file} holds the whole content (only its start and, for a zip, its
     * directory are read).
     */
    public static Format checkContent(String name, Path file) throws IOException {
        String extension = extension(name);
        Format format = Format.ofExtension(extension).orElseThrow(() -> DocumentRejectedException.unsupported(
                "Format non accepté (." + extension + ") : envoyez un fichier " + ACCEPTED_FORMATS + "."));
        String detected;
        try (InputStream in = Files.newInputStream(file)) {
            detected = detect(in);
        }
        if (!matches(format, MediaType.parse(detected), file)) {
            throw DocumentRejectedException.unsupported("Le fichier n'est pas " + format.realName
                    + " : son contenu (" + describe(detected) + ") ne correspond pas à son extension ." + extension
                    + ". Enregistrez-le au bon format depuis le logiciel qui l'a créé, puis recommencez.");
        }
        return format;
    }

    /**
     * How far a zip-based document may go when it is opened: {@code maxInflatedBytes} in all once
     * inflated, each entry at most {@code maxRatio} times its compressed size (entries that inflate
     * to less than {@link #RATIO_GRACE_BYTES} are not held to it: small parts of real documents can
     * compress very well, and cannot do harm), at most {@code maxEntries} entries.
     */
    public record ArchiveLimits(long maxInflatedBytes, int maxRatio, int maxEntries) {
        public ArchiveLimits {
            if (maxInflatedBytes <= 0 || maxRatio <= 0 || maxEntries <= 0) {
                throw new IllegalArgumentException("Archive limits must be positive: " + maxInflatedBytes + ", "
                        + maxRatio + ", " + maxEntries);
            }
        }
    }

    /** Below this many inflated bytes, an entry's compression ratio is not checked (as Apache POI's ZipSecureFile). */
    public static final long RATIO_GRACE_BYTES = 100 * 1024;

    /**
     * Opens a zip-based document (nothing for other formats) and refuses it (422) when it inflates
     * beyond {@code limits}, or holds an entry whose name is an absolute path or climbs out with
     * "..": a real document never does, and whoever unpacks it later must not be led astray. The
     * entries are those of the central directory, which Office, LibreOffice and the checks above
     * read; each is inflated into a 64 KB buffer and thrown away, counting the bytes actually
     * produced, so that nothing declared by the archive is trusted and nothing goes to disk. An
     * archive that cannot be read is refused as not a real document (415). Archives nested in the
     * document (an embedded spreadsheet) are not opened here: Agir never opens them, and the
     * antivirus scans into them within its own limits.
     */
    public static void checkArchive(String name, Format format, Path file, ArchiveLimits limits) throws IOException {
        if (!format.zipBased()) {
            return;
        }
        long fileSize = Files.size(file);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    throw archiveRefused("Le document « " + name + " » contient plus de "
                            + String.format(Locale.ROOT, "%,d", limits.maxEntries()).replace(',', ' ') + " fichiers internes, bien plus qu'un document "
                            + "ordinaire : il n'a pas été enregistré. Enregistrez-le de nouveau depuis le logiciel qui "
                            + "l'a créé, ou envoyez-le en PDF.");
                }
                checkEntryName(name, entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                // What the entry really occupies in the file can be no more than the file itself.
                long compressed = entry.getCompressedSize() < 0 ? fileSize
                        : Math.max(1, Math.min(entry.getCompressedSize(), fileSize));
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        inflated += read;
                        total += read;
                        if (total > limits.maxInflatedBytes()) {
                            throw archiveRefused("Le document « " + name + " » se décompresse en plus de "
                                    + sizeText(limits.maxInflatedBytes()) + ", la limite d'Agir pour un document "
                                    + "compressé : il n'a pas été enregistré. Retirez-en les images ou annexes "
                                    + "volumineuses, ou envoyez-le en PDF.");
                        }
                        if (inflated > RATIO_GRACE_BYTES && inflated / compressed > limits.maxRatio()) {
                            throw archiveRefused("Une partie du document « " + name + " » (" + entry.getName()
                                    + ") se décompresse plus de " + limits.maxRatio() + " fois : c'est la forme "
                                    + "d'une « bombe de décompression », pas celle d'un document ordinaire. Il n'a pas "
                                    + "été enregistré : enregistrez-le de nouveau depuis le logiciel qui l'a créé, ou "
                                    + "envoyez-le en PDF.");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw DocumentRejectedException.unsupported("Le fichier « " + name + " » n'est pas " + format.realName
                    + " : son archive est endommagée ou illisible (" + e.getMessage() + "). Enregistrez-le de nouveau "
                    + "depuis le logiciel qui l'a créé, puis recommencez.");
        }
    }

    private static void checkEntryName(String name, String entry) {
        String path = entry.replace('\\', '/');
        boolean escapes = path.startsWith("/") || path.matches("^[A-Za-z]:.*")
                || Arrays.asList(path.split("/")).contains("..");
        if (escapes) {
            throw archiveRefused("Le document « " + name + " » contient un chemin interne interdit (« " + entry
                    + " ») : ce n'est pas un document ordinaire, il n'a pas été enregistré. Enregistrez-le de nouveau "
                    + "depuis le logiciel qui l'a créé, ou envoyez-le en PDF.");
        }
    }

    /** "100 Mo", "512 Ko": a size as users read it. */
    static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " Mo"
                : bytes >= 1024 ? bytes / 1024 + " Ko" : bytes + " octets";
    }

    private static DocumentRejectedException archiveRefused(String message) {
        return DocumentRejectedException.unprocessable("archive-hors-limites", message);
    }

    private static boolean matches(Format format, MediaType detected, Path file) throws IOException {
        if (format.ooxmlMainPart != null) {
            return (detected.equals(OOXML) || detected.equals(ZIP)) && hasOoxmlParts(file, format.ooxmlMainPart);
        }
        MediaType expected = MediaType.parse(format.contentType);
        return detected.equals(expected) || TYPES.isSpecializationOf(detected, expected);
    }

    private static boolean hasOoxmlParts(Path file, String mainPart) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry(mainPart) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(String detected) {
        return switch (detected) {
            case "application/x-msdownload", "application/x-dosexec", "application/x-executable" -> "un programme";
            case "text/plain" -> "du texte";
            case "application/octet-stream" -> "des données de type inconnu";
            case "application/zip" -> "une archive zip";
            case "text/html" -> "une page web";
            default -> Format.ofContentType(detected).map(f -> "un fichier ." + f.extensions.get(0))
                    .orElse("type " + detected);
        };
    }

    private static DocumentRejectedException invalidName(String message) {
        return DocumentRejectedException.badRequest("nom-de-fichier-invalide", "file", message);
    }
}
