package fr.agir.structure.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The INSTREAM protocol as {@link ClamAvScanner} speaks it, against a stand-in for clamd that
 * decodes the chunks (the real clamd is ClamAvScannerIT's), and every way of failing closed.
 */
class ClamAvScannerTest {
    @TempDir
    Path dir;

    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFileIsSentInLengthPrefixedChunksEndedByAZeroLengthAndOkIsClean() throws Exception {
        byte[] content = new byte[200_000];
        new Random(3).nextBytes(content);
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        int port = serve(stream -> {
            received.complete(stream);
            return "stream: OK\0";
        });

        UploadScanner.Verdict verdict = scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(16)).scan(file(content));

        assertThat(verdict.isInfected()).isFalse();
        assertThat(received.get()).as("the reassembled chunks are the file").isEqualTo(content);
    }

    @Test
    void foundGivesTheThreatsName() throws Exception {
        int port = serve(stream -> "stream: Win.Test.EICAR_HDB-1 FOUND\0");

        UploadScanner.Verdict verdict = scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(64))
                .scan(file(new byte[]{1}));

        assertThat(verdict.isInfected()).isTrue();
        assertThat(verdict.threat()).isEqualTo("Win.Test.EICAR_HDB-1");
    }

    @Test
    void anErrorOrAnAnswerNotUnderstoodIsNoVerdict() throws Exception {
        int port = serve(stream -> "INSTREAM size limit exceeded. ERROR\0");
        assertThat(unavailable(scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(64))).getMessage())
                .contains("INSTREAM size limit exceeded. ERROR");
        server.close();

        port = serve(stream -> "stream: maybe\0");
        assertThat(unavailable(scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(64))).getMessage())
                .contains("stream: maybe");
        server.close();

        port = serve(stream -> "");
        assertThat(unavailable(scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(64))).getMessage())
                .contains("closed the connection without answering");
    }

    @Test
    void nothingListeningIsNoVerdict() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        assertThat(unavailable(scanner(port, Duration.ofSeconds(10), DataSize.ofKilobytes(64))).getMessage())
                .contains("clamd at 127.0.0.1:" + port + " gave no verdict");
    }

    @Test
    void aClamdThatNeverAnswersIsNoVerdictOnceTheTimeoutHasPassed() throws Exception {
        CompletableFuture<Void> never = new CompletableFuture<>();
        int port = serve(stream -> {
            never.join();
            return "";
        });
        try {
            assertThat(unavailable(scanner(port, Duration.ofMillis(300), DataSize.ofKilobytes(64))).getMessage())
                    .contains("gave no verdict");
        } finally {
            never.complete(null);
        }
    }

    @Test
    void repliesAreReadAsClamdWritesThem() throws Exception {
        assertThat(ClamAvScanner.verdict("stream: OK").isInfected()).isFalse();
        assertThat(ClamAvScanner.verdict("stream: Eicar-Signature FOUND").threat()).isEqualTo("Eicar-Signature");
        assertThat(catchThrowableOfType(ScannerUnavailableException.class,
                () -> ClamAvScanner.verdict("stream: FOUND"))).as("FOUND without a name is no verdict").isNotNull();
    }

    private ScannerUnavailableException unavailable(ClamAvScanner scanner) throws IOException {
        Path file = file("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        ScannerUnavailableException e = catchThrowableOfType(ScannerUnavailableException.class, () -> scanner.scan(file));
        assertThat(e).as("no verdict: the scanner says so, never clean").isNotNull();
        return e;
    }

    private static ClamAvScanner scanner(int port, Duration timeout, DataSize chunk) {
        return new ClamAvScanner(new ClamAvProperties("127.0.0.1", port, null, Duration.ofSeconds(2), timeout, chunk));
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "scan", ".bin"), bytes);
    }

    /**
     * A one-connection stand-in for clamd: reads {@code zINSTREAM\0} and the chunks, then writes
     * what {@code answer} makes of the reassembled stream. Its port.
     */
    private int serve(Function<byte[], String> answer) throws IOException {
        server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        ServerSocket listening = server;
        Thread thread = new Thread(() -> {
            try (Socket socket = listening.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] command = new byte[10];
                in.readFully(command);
                if (!"zINSTREAM\0".equals(new String(command, StandardCharsets.US_ASCII))) {
                    return;
                }
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                int length;
                while ((length = in.readInt()) > 0) {
                    stream.write(in.readNBytes(length));
                }
                OutputStream out = socket.getOutputStream();
                out.write(answer.apply(stream.toByteArray()).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the scanner went away: nothing to answer
            }
        }, "fake-clamd");
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }
}
