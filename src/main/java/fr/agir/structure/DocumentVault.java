package fr.agir.structure;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.scan.ScannerUnavailableException;
import fr.agir.structure.scan.UploadScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The document vault of a structure's case file: its members upload pieces (statuts, RIB,
 * certificates…), each upload of a type is a new version, and everyone who may see the case file
 * (its members, DIEESS staff) lists and downloads them. A refused upload stores nothing: the bytes
 * are checked in a temporary file first, and stored bytes whose row is not committed are deleted.
 *
 * <p>Every file a user sends (a piece here, a message's attachment through {@link #storeAttachment})
 * goes through one path, {@link #spoolAndCheck}, before any byte reaches the storage: name, size,
 * real type, the archive limits of zip-based documents, then the {@link UploadScanner}.
 */
@Service
public class DocumentVault {
    private static final Logger log = LoggerFactory.getLogger(DocumentVault.class);

    private final StructureDocumentRepository documents;
    private final StructureService structures;
    private final DocumentStorage storage;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final DocumentVaultProperties properties;
    private final TransactionTemplate transaction;
    private final UploadScanner scanner;

    public DocumentVault(StructureDocumentRepository documents, StructureService structures, DocumentStorage storage,
                         CurrentUser currentUser, AuditTrail audit, Clock clock, DocumentVaultProperties properties,
                         PlatformTransactionManager transactions, UploadScanner scanner) {
        this.documents = documents;
        this.structures = structures;
        this.storage = storage;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.scanner = scanner;
    }

    /** The stored version, and whether this upload created it (false: the same bytes were already there). */
    public record Upload(StructureDocument document, boolean created) {
    }

    /** A version with where its validity stands today. */
    public record Entry(StructureDocument document, ExpiryStatus status) {
    }

    /**
     * The case file's pieces: the current (latest) version of each type uploaded, in the order of
     * {@link DocumentType}; every version, newest first within a type; the required types that have
     * no current non-expired piece.
     */
    public record Listing(List<Entry> current, List<Entry> history, List<DocumentType> missingRequiredTypes) {
    }

    /** A version and its bytes; the caller closes the stream. */
    public record Content(StructureDocument document, InputStream stream) {
    }

    /**
     * An upload as a form or the API sends it: the type's code and the end of validity as text
     * (AAAA-MM-JJ or empty). Membership is checked first, so that a stranger learns nothing else.
     */
    public Upload upload(Long structureId, String typeCode, MultipartFile file, String validUntil) {
        structures.checkMember(structureId);
        return upload(structureId, parseType(typeCode), file, parseValidUntil(validUntil));
    }

    /** {@link #upload(Long, DocumentType, String, InputStream, LocalDate)} for a file sent by a form or the API. */
    public Upload upload(Long structureId, DocumentType type, MultipartFile file, LocalDate validUntil) {
        structures.checkMember(structureId);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            throw DocumentRejectedException.badRequest("fichier-manquant", "file",
                    "Aucun fichier n'a été envoyé : choisissez le fichier à déposer.");
        }
        try (InputStream in = file.getInputStream()) {
            return upload(structureId, type, file.getOriginalFilename(), in, validUntil);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A member of the structure adds a piece to its case file (404 for anyone else, staff included).
     * Refused with a French message, storing nothing: no type (400), a file name with a path, "..",
     * control characters or over 200 characters (400), an end of validity already past (400), an
     * empty file (400), a file over {@code agir.documents.max-size} (413), content that is not an
     * accepted format or does not match the extension (415), a zip-based document beyond
     * {@code agir.documents.archive.*} or a file the antivirus finds infected (422), the antivirus
     * unreachable (503: fail closed, nothing is stored unscanned). The same bytes already stored
     * for this structure and type give back that version instead of a copy. Without {@code validUntil}, the
     * type's default validity from today applies (none for statuts, RIB…).
     */
    public Upload upload(Long structureId, DocumentType type, String originalFilename, InputStream content,
                         LocalDate validUntil) {
        structures.checkMember(structureId);
        if (type == null) {
            throw DocumentRejectedException.badRequest("type-de-piece-manquant", "type",
                    "Choisissez le type de la pièce (statuts, RIB…).");
        }
        UploadChecks.checkFileName(originalFilename);
        LocalDate today = today();
        if (validUntil != null && validUntil.isBefore(today)) {
            throw DocumentRejectedException.badRequest("date-de-validite-passee", "validUntil",
                    "La date de fin de validité (" + French.date(validUntil) + ") est déjà passée : "
                            + "déposez une pièce à jour, ou corrigez la date.");
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("agir-upload-", ".part");
            Checked checked = spoolAndCheck(originalFilename, content, spool);
            LocalDate end = validUntil != null ? validUntil : type.defaultValidUntil(today);
            Path bytes = spool;
            return transaction.execute(status -> store(structureId, type, originalFilename, checked.format(), bytes,
                    checked.sha256(), end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(spool);
        }
    }

    /**
     * Pieces of the structure by id, in the given order (for the applications linking to them; the
     * caller has checked that its user may see the application).
     */
    public List<StructureDocument> linkedTo(Long structureId, List<Long> documentIds) {
        Map<Long, StructureDocument> byId = new java.util.HashMap<>();
        documents.findAllById(documentIds).stream().filter(d -> d.getStructureId().equals(structureId))
                .forEach(d -> byId.put(d.getId(), d));
        return documentIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A file checked like a case-file piece and stored, outside the vault (a message's attachment). */
    public record StoredFile(String name, String contentType, long size, String sha256, String key) {
    }

    /**
     * Checks a file exactly as a piece of the case file (name, size, real content type, archive
     * limits, antivirus) and stores its bytes, for another record to reference (a message's
     * attachment). Runs in the caller's transaction: if it rolls back, the bytes are deleted.
     */
    public StoredFile storeAttachment(String originalFilename, InputStream content) {
        UploadChecks.checkFileName(originalFilename);
        Path spool = null;
        try {
            spool = Files.createTempFile("agir-upload-", ".part");
            Checked checked = spoolAndCheck(originalFilename, content, spool);
            String key;
            try (InputStream in = Files.newInputStream(spool)) {
                key = storage.put(in);
            }
            deleteOnRollback(key);
            return new StoredFile(originalFilename, checked.format().contentType(), Files.size(spool),
                    checked.sha256(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(spool);
        }
    }

    /** The bytes of a file kept by {@link #storeAttachment}; the caller checks access and closes the stream. */
    public InputStream openAttachment(String key) {
        try {
            return storage.open(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOnRollback(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteStored(key);
                }
            }
        });
    }

    /** A spooled upload that passed every check: its SHA-256 in hex and its format. */
    private record Checked(String sha256, UploadChecks.Format format) {
    }

    /**
     * The one check path of every file a user sends, before any byte is stored: writes it to
     * {@code spool} (refused when empty or too large), checks its real type, opens a zip-based
     * document within the archive limits, then has the scanner look at it. An infected file is
     * refused (422), logged at WARN and audited; a scanner that gives no verdict refuses the file too (503):
     * fail closed, so that an antivirus outage never lets an unscanned file into the vault.
     */
    private Checked spoolAndCheck(String name, InputStream content, Path spool) throws IOException {
        String sha256 = copyChecked(content, spool, name);
        UploadChecks.Format format = UploadChecks.checkContent(name, spool);
        UploadChecks.checkArchive(name, format, spool, properties.archive().limits());
        UploadScanner.Verdict verdict;
        try {
            verdict = scanner.scan(spool);
        } catch (ScannerUnavailableException e) {
            log.error("Upload of « {} » by {} refused: the antivirus gave no verdict ({})", name,
                    currentUser.usernameOrSystem(), e.getMessage());
            throw DocumentRejectedException.unavailable("analyse-antivirus-indisponible", "L'analyse antivirus est "
                    + "indisponible pour le moment : le fichier « " + name + " » n'a pas été enregistré. Réessayez "
                    + "dans quelques minutes ; si cela dure, prévenez la DIEESS.");
        }
        if (verdict.isInfected()) {
            log.warn("Upload of « {} » (SHA-256 {}) by {} refused: the antivirus found {}", name, sha256,
                    currentUser.usernameOrSystem(), verdict.threat());
            audit.recordMalware(name, sha256, verdict.threat());
            throw DocumentRejectedException.unprocessable("fichier-malveillant", "Le fichier « " + name
                    + " » contient un virus ou un contenu malveillant (" + verdict.threat() + ") : il n'a pas été "
                    + "enregistré. Ne l'ouvrez plus ; faites analyser votre ordinateur, puis déposez une copie saine.");
        }
        return new Checked(sha256, format);
    }

    /** Writes the upload to {@code spool}, refusing it when empty or too large; its SHA-256 in hex. */
    private String copyChecked(InputStream content, Path spool, String name) throws IOException {
        MessageDigest sha256 = sha256();
        long max = properties.maxSize().toBytes();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > max) {
                    throw DocumentRejectedException.tooLarge(tooLargeMessage());
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw DocumentRejectedException.badRequest("fichier-vide", "file", "Le fichier « " + name
                    + " » est vide (0 octet) : vérifiez que c'est le bon fichier, puis recommencez.");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private Upload store(Long structureId, DocumentType type, String name, UploadChecks.Format format, Path bytes,
                         String sha256, LocalDate validUntil) {
        Optional<StructureDocument> same =
                documents.withContent(structureId, type, sha256, Limit.of(1)).stream().findFirst();
        if (same.isPresent()) {
            return new Upload(same.get(), false);
        }
        int version = documents.lastVersion(structureId, type) + 1;
        String key;
        try (InputStream in = Files.newInputStream(bytes)) {
            key = storage.put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteOnRollback(key);
        long size;
        try {
            size = Files.size(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StructureDocument document = documents.saveAndFlush(new StructureDocument(structureId, type, version, name,
                format.contentType(), size, sha256, key, validUntil, currentUser.username(), Instant.now(clock)));
        audit.record(StructureService.ENTITY, structureId, null, AuditAction.DOCUMENT_UPLOADED, null, null,
                type.label() + " version " + version + " (pièce " + document.getId() + ") : " + name + ", " + size
                        + " octets, SHA-256 " + sha256
                        + (validUntil == null ? "" : ", valable jusqu'au " + French.date(validUntil)));
        return new Upload(document, true);
    }

    /** The case file's pieces, for its members and DIEESS staff (404 for anyone else). */
    public Listing list(Long structureId) {
        checkCanRead(structureId);
        LocalDate today = today();
        List<Entry> history = documents.findByStructureIdOrderByTypeAscVersionNumberDesc(structureId).stream()
                .sorted(Comparator.comparing((StructureDocument d) -> d.getType().ordinal())
                        .thenComparing(StructureDocument::getVersionNumber, Comparator.reverseOrder()))
                .map(d -> new Entry(d, status(d, today))).toList();
        Map<DocumentType, Entry> current = new EnumMap<>(DocumentType.class);
        history.forEach(e -> current.putIfAbsent(e.document().getType(), e));
        return new Listing(List.copyOf(current.values()), history, missing(current));
    }

    /**
     * The current version of each type that has not expired today, for its members and DIEESS staff
     * (404 for anyone else): the pieces an application can rely on.
     */
    public Map<DocumentType, StructureDocument> currentValidDocuments(Long structureId) {
        Listing listing = list(structureId);
        Map<DocumentType, StructureDocument> valid = new EnumMap<>(DocumentType.class);
        listing.current().stream().filter(e -> e.status().usable())
                .forEach(e -> valid.put(e.document().getType(), e.document()));
        return valid;
    }

    /** The types required for an application that have no current, non-expired piece. */
    public List<DocumentType> missingRequiredTypes(Long structureId) {
        return list(structureId).missingRequiredTypes();
    }

    /**
     * For a list of the caller's structures (the portal's home), the types required for an application
     * that each lacks, as {@link #missingRequiredTypes(Long)} says them: one query for all, reading only
     * the pieces of the structures the caller is a member of (another structure's id gets every type).
     */
    public Map<Long, List<DocumentType>> missingRequiredTypesOfMine(Collection<Long> structureIds) {
        Map<Long, Map<DocumentType, StructureDocument>> newest = new HashMap<>();
        structureIds.forEach(id -> newest.put(id, new EnumMap<>(DocumentType.class)));
        if (!structureIds.isEmpty()) {
            for (StructureDocument d : documents.ofMemberStructures(structureIds, currentUser.username())) {
                newest.get(d.getStructureId()).merge(d.getType(), d,
                        (a, b) -> a.getVersionNumber() >= b.getVersionNumber() ? a : b);
            }
        }
        LocalDate today = today();
        Map<Long, List<DocumentType>> missing = new HashMap<>();
        newest.forEach((id, current) -> missing.put(id, DocumentType.required().stream()
                .filter(t -> current.get(t) == null || !status(current.get(t), today).usable()).toList()));
        return missing;
    }

    /** One version's bytes, for the structure's members and DIEESS staff (404 for anyone else). */
    public Content download(Long structureId, Long documentId) {
        checkCanRead(structureId);
        return open(structureId, documentId);
    }

    /**
     * A piece an application relies on, for a caller another rule lets see that application (a
     * reviewer of a directorate consulted): the caller has checked the application and the link.
     */
    public Content downloadLinked(Long structureId, Long documentId) {
        return open(structureId, documentId);
    }

    private Content open(Long structureId, Long documentId) {
        StructureDocument document = documents.findByIdAndStructureId(documentId, structureId)
                .orElseThrow(fr.agir.shared.NotFoundException::notYours);
        try {
            return new Content(document, storage.open(document.getStorageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a piece's validity stands today (Paris). */
    public ExpiryStatus status(StructureDocument document) {
        return status(document, today());
    }

    public long maxSizeBytes() {
        return properties.maxSize().toBytes();
    }

    /** "10 Mo", "512 Ko": the size limit as users read it. */
    /** What a file field's help says: "PDF, image JPEG ou PNG…, 10 Mo au plus." */
    public String fileHelp() {
        return UploadChecks.ACCEPTED_FORMATS + ", " + maxSizeText() + " au plus.";
    }

    public String maxSizeText() {
        return UploadChecks.sizeText(maxSizeBytes());
    }

    /** A form or API field naming a document type; 400 when it names none. */
    public static DocumentType parseType(String code) {
        if (code == null || code.isBlank()) {
            throw DocumentRejectedException.badRequest("type-de-piece-manquant", "type",
                    "Choisissez le type de la pièce (statuts, RIB…).");
        }
        return DocumentType.fromCode(code).orElseThrow(() -> DocumentRejectedException.badRequest(
                "type-de-piece-inconnu", "type", "Type de pièce inconnu : choisissez parmi "
                        + String.join(", ", Arrays.stream(DocumentType.values()).map(Enum::name).toList()) + "."));
    }

    /** A form or API field holding an end of validity (AAAA-MM-JJ, or empty); 400 when unreadable. */
    public static LocalDate parseValidUntil(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DocumentRejectedException.badRequest("date-de-validite-invalide", "validUntil",
                    "Date de fin de validité illisible : indiquez-la sous la forme AAAA-MM-JJ (par exemple 2027-01-12).");
        }
    }

    private String tooLargeMessage() {
        return "Le fichier dépasse la taille maximale de " + maxSizeText() + " : réduisez-le (par exemple en "
                + "l'enregistrant en PDF de qualité « écran ») ou déposez-le en plusieurs pièces.";
    }

    private void checkCanRead(Long structureId) {
        structures.get(structureId);
        if (!currentUser.isStaff() && !structures.isMember(structureId)) {
            throw fr.agir.shared.NotFoundException.notYours();
        }
    }

    private ExpiryStatus status(StructureDocument document, LocalDate today) {
        return document.expiryStatus(today, properties.expiryWarningDays());
    }

    private static List<DocumentType> missing(Map<DocumentType, Entry> current) {
        return DocumentType.required().stream()
                .filter(t -> current.get(t) == null || !current.get(t).status().usable()).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), TimeConfig.PARIS);
    }

    private void deleteStored(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.error("Could not delete the bytes of a document that was not recorded (key {})", key, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary upload {}", file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
