package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.structure.FileSystemDocumentStorage;
import fr.agir.structure.SampleFiles;
import fr.agir.structure.scan.ClamAvProperties;
import fr.agir.structure.scan.ClamAvScanner;
import fr.agir.structure.scan.UploadScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The ClamAV scanner against a real clamd (Debian's clamav-daemon, installed by .ci/run), started by
 * this test on its own Unix socket and TCP port, with a signature database the test writes itself:
 * a hash signature of the EICAR test file (the public signature feed is not reachable here). Agir
 * is configured to scan through the Unix socket; the last test stops clamd to show that uploads
 * then fail closed. Skipped (disabled) only where /usr/sbin/clamd is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "clamdInstalled", disabledReason = "clamd is not installed (apt-get install clamav-daemon)")
class ClamAvScannerIT extends ApiTestSupport {
    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    private static final String SIGNATURE = "Agir.Test.EICAR";

    private static Path dir;
    private static Process clamd;
    private static int tcpPort;

    @Autowired
    FileSystemDocumentStorage storage;

    static boolean clamdInstalled() {
        return Files.isExecutable(CLAMD);
    }

    /**
     * Started before Agir's context, which reads where clamd listens (the context may be loaded
     * before any @BeforeAll of this class, by a listener of the Spring extension).
     */
    @BeforeAll
    static synchronized void startClamd() {
        if (clamd != null) {
            return;
        }
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start() throws IOException {
        dir = Files.createTempDirectory("agir-clamd-");
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("tmp"));
        byte[] eicar = SampleFiles.eicar();
        Files.writeString(db.resolve("agir-test.hdb"), md5(eicar) + ":" + eicar.length + ":" + SIGNATURE + "\n");
        try (ServerSocket free = new ServerSocket(0)) {
            tcpPort = free.getLocalPort();
        }
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n",
                "Foreground yes",
                "LocalSocket " + socket(),
                "TCPSocket " + tcpPort,
                "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + db,
                "TemporaryDirectory " + dir.resolve("tmp"),
                "PidFile " + dir.resolve("clamd.pid"),
                "LogFile " + dir.resolve("clamd.log"),
                "") + "\n", StandardCharsets.UTF_8);
        clamd = new ProcessBuilder(CLAMD.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.out").toFile()).start();
        ClamAvScanner byTcp = scanner(false);
        ClamAvScanner bySocket = scanner(true);
        await("clamd answers PONG on both sockets (see " + dir.resolve("clamd.out") + ")")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> clamd.isAlive() && byTcp.ping() && bySocket.ping());
    }

    @AfterAll
    static void stopClamdAndForgetIt() throws InterruptedException {
        stopClamd();
        if (dir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    private static void stopClamd() throws InterruptedException {
        if (clamd != null && clamd.isAlive()) {
            clamd.destroy();
            if (!clamd.waitFor(20, TimeUnit.SECONDS)) {
                clamd.destroyForcibly().waitFor();
            }
        }
    }

    @DynamicPropertySource
    static void scanWithThisClamd(DynamicPropertyRegistry registry) {
        registry.add("agir.documents.scanner", () -> "clamav");
        registry.add("agir.documents.clamav.socket", () -> {
            startClamd();
            return socket().toString();
        });
        registry.add("agir.documents.clamav.timeout", () -> "20s");
    }

    @Test
    @Order(1)
    void clamdFindsEicarByTheTestsSignatureAndPassesCleanFiles() throws Exception {
        for (ClamAvScanner scanner : new ClamAvScanner[]{scanner(false), scanner(true)}) {
            UploadScanner.Verdict eicar = scanner.scan(file(SampleFiles.eicar()));
            assertThat(eicar.isInfected()).as(scanner.toString()).isTrue();
            assertThat(eicar.threat()).as("clamd marks a signature of a database of its own as unofficial")
                    .isEqualTo(SIGNATURE + ".UNOFFICIAL");
            assertThat(scanner.scan(file(SampleFiles.pdf("Statuts"))).isInfected()).as(scanner.toString()).isFalse();
        }
        UploadScanner.Verdict inDocx = scanner(true).scan(file(eicarDocx()));
        assertThat(inDocx.threat()).as("clamd opens the document to find it").isEqualTo(SIGNATURE + ".UNOFFICIAL");
        assertThat(scanner(true).scan(file(SampleFiles.docx())).isInfected()).isFalse();
    }

    @Test
    @Order(2)
    void throughAgirAnInfectedFileIsRefusedAndNothingStoredWhileACleanOneIsStored() {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        int rows = count("select count(*) from structure_document");
        int files = storedFiles();

        // EICAR alone is text, refused as not a PDF before any scan: the test carries it in a real .docx.
        ResponseEntity<Map<String, Object>> infected = uploadDocument("porteur", id, "STATUTS", "statuts.docx",
                eicarDocx(), null);
        assertProblem(infected, 422, "urn:agir:probleme:fichier-malveillant");
        assertThat((String) infected.getBody().get("detail")).isEqualTo("Le fichier « statuts.docx » contient un "
                + "virus ou un contenu malveillant (" + SIGNATURE + ".UNOFFICIAL) : il n'a pas été enregistré. Ne "
                + "l'ouvrez plus ; faites analyser votre ordinateur, puis déposez une copie saine.");
        assertThat(count("select count(*) from structure_document")).as("no row").isEqualTo(rows);
        assertThat(storedFiles()).as("no file").isEqualTo(files);
        // The refusal is kept in the audit trail although the upload's own work is rolled back.
        assertThat(jdbc.queryForList("select actor, reason from audit_event where action = 'UPLOAD_REFUSED_MALWARE'"))
                .anySatisfy(e -> {
                    assertThat(e.get("actor")).isEqualTo("porteur");
                    assertThat((String) e.get("reason")).startsWith("« statuts.docx » (SHA-256 ")
                            .endsWith(SIGNATURE + ".UNOFFICIAL");
                });

        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String messages = "/api/applications/" + draft.get("id") + "/messages";
        int messageRows = count("select count(*) from application_message");
        int stored = storedFiles();
        assertProblem(postMessage("porteur", messages, "Le devis", "devis.docx", eicarDocx()), 422,
                "urn:agir:probleme:fichier-malveillant");
        assertThat(count("select count(*) from application_message")).isEqualTo(messageRows);
        assertThat(storedFiles()).isEqualTo(stored);

        ResponseEntity<Map<String, Object>> clean = uploadDocument("porteur", id, "STATUTS", "statuts.pdf",
                SampleFiles.pdf("Statuts adoptés"), null);
        assertThat(clean.getStatusCode().value()).as(String.valueOf(clean.getBody())).isEqualTo(201);
        assertThat(postMessage("porteur", messages, "Le devis", "devis.docx", SampleFiles.docx())
                .getStatusCode().value()).isEqualTo(201);
        assertThat(storedFiles()).isEqualTo(stored + 2);
    }

    @Test
    @Order(3)
    void withClamdStoppedUploadsAreRefusedNotLetInUnscanned() throws InterruptedException {
        String id = String.valueOf(registerStructureWithoutDocuments("porteur").get("id"));
        stopClamd();
        assertThat(scanner(true).ping()).isFalse();
        int rows = count("select count(*) from structure_document");
        int files = storedFiles();

        ResponseEntity<Map<String, Object>> refused = uploadDocument("porteur", id, "STATUTS", "statuts.pdf",
                SampleFiles.pdf("Statuts"), null);

        assertProblem(refused, 503, "urn:agir:probleme:analyse-antivirus-indisponible");
        assertThat((String) refused.getBody().get("detail")).isEqualTo("L'analyse antivirus est indisponible pour le "
                + "moment : le fichier « statuts.pdf » n'a pas été enregistré. Réessayez dans quelques minutes ; si "
                + "cela dure, prévenez la DIEESS.");
        assertThat(count("select count(*) from structure_document")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
    }

    /** A real .docx carrying the EICAR file as an embedded object. */
    private static byte[] eicarDocx() {
        return SampleFiles.docxWith("word/embeddings/oleObject1.bin", SampleFiles.eicar());
    }

    private static ClamAvScanner scanner(boolean unixSocket) {
        return new ClamAvScanner(new ClamAvProperties("127.0.0.1", tcpPort, unixSocket ? socket() : null,
                Duration.ofSeconds(2), Duration.ofSeconds(20), DataSize.ofKilobytes(16)));
    }

    private static Path socket() {
        return dir.resolve("clamd.sock");
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "scan", ".bin"), bytes);
    }

    private int storedFiles() {
        try (Stream<Path> walk = Files.walk(storage.root())) {
            return (int) walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
