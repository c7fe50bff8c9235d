package fr.agir.structure.scan;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans files with ClamAV's daemon over its INSTREAM protocol, by TCP or by a Unix socket: the
 * command {@code zINSTREAM\0}, then the file in chunks each preceded by its length (4 bytes, big
 * endian), then a zero length; clamd answers {@code stream: OK}, {@code stream: <name> FOUND}, or
 * an error ending in {@code ERROR} (for one, a file beyond its {@code StreamMaxLength}). A new
 * connection per scan: clamd closes it after its answer. Anything but OK or FOUND — no connection,
 * a timeout, an error, an answer not understood — is {@link ScannerUnavailableException}: the file
 * is refused, never taken as clean (fail closed).
 */
public class ClamAvScanner implements UploadScanner {
    private static final Logger log = LoggerFactory.getLogger(ClamAvScanner.class);
    private static final int MAX_REPLY = 4096;

    private final ClamAvProperties properties;

    public ClamAvScanner(ClamAvProperties properties) {
        this.properties = properties;
        if (properties.socket() == null && (properties.host() == null || properties.host().isBlank())) {
            throw new IllegalStateException("agir.documents.scanner=clamav needs agir.documents.clamav.host "
                    + "(and port) or agir.documents.clamav.socket");
        }
        if (properties.chunkSize().toBytes() <= 0 || properties.chunkSize().toBytes() > 16 * 1024 * 1024) {
            throw new IllegalStateException("agir.documents.clamav.chunk-size must be between 1 byte and 16MB");
        }
    }

    @Override
    public Verdict scan(Path file) throws ScannerUnavailableException {
        String reply;
        try (Connection clamd = connect(); InputStream in = Files.newInputStream(file)) {
            IOException sending = null;
            try {
                OutputStream out = clamd.out();
                out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[(int) properties.chunkSize().toBytes()];
                int read;
                while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.write(length(read));
                    out.write(chunk, 0, read);
                }
                out.write(length(0));
                out.flush();
            } catch (IOException e) {
                // clamd may have stopped reading to answer an error (a stream over its StreamMaxLength).
                sending = e;
            }
            try {
                reply = readReply(clamd.in());
            } catch (IOException e) {
                if (sending != null) {
                    e.addSuppressed(sending);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new ScannerUnavailableException("clamd at " + where() + " gave no verdict: " + e, e);
        }
        return verdict(reply);
    }

    /** clamd's answer to PING is PONG: whether it is up and answering. */
    public boolean ping() {
        try (Connection clamd = connect()) {
            clamd.out().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            clamd.out().flush();
            return "PONG".equals(readReply(clamd.in()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The verdict a reply to INSTREAM gives ("stream: OK", "stream: Eicar-Signature FOUND"). */
    static Verdict verdict(String reply) throws ScannerUnavailableException {
        String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : null;
        if ("OK".equals(answer)) {
            return Verdict.CLEAN;
        }
        if (answer != null && answer.endsWith(" FOUND")) {
            return Verdict.infected(answer.substring(0, answer.length() - " FOUND".length()).trim());
        }
        throw new ScannerUnavailableException("clamd answered: " + reply);
    }

    private static byte[] length(int n) {
        return new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /** clamd's reply to a z-command: up to its NUL (or the end of the connection), trimmed. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != 0) {
            if (reply.size() >= MAX_REPLY) {
                throw new IOException("clamd's reply is longer than " + MAX_REPLY + " bytes");
            }
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new IOException("clamd closed the connection without answering");
        }
        return reply.toString(StandardCharsets.UTF_8).trim();
    }

    private String where() {
        return properties.socket() != null ? "unix:" + properties.socket()
                : properties.host() + ":" + properties.port();
    }

    /**
     * A connection to clamd, closed by a watchdog when {@code timeout} has passed (a write to a
     * clamd that stopped reading would otherwise wait forever; a Unix channel has no read timeout).
     */
    private Connection connect() throws IOException {
        long timeout = properties.timeout().toMillis();
        Closeable channel;
        InputStream in;
        OutputStream out;
        if (properties.socket() != null) {
            SocketChannel unix = SocketChannel.open(UnixDomainSocketAddress.of(properties.socket()));
            channel = unix;
            in = Channels.newInputStream(unix);
            out = Channels.newOutputStream(unix);
        } else {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(properties.host(), properties.port()),
                        (int) properties.connectTimeout().toMillis());
                socket.setSoTimeout((int) timeout);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            channel = socket;
            in = socket.getInputStream();
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            log.warn("clamd at {} took more than {} ms: connection closed", where(), timeout);
            closeQuietly(channel);
        }, CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS));
        return new Connection(channel, in, out, watchdog);
    }

    private static void closeQuietly(Closeable channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("Closing the connection to clamd failed", e);
        }
    }

    private record Connection(Closeable channel, InputStream in, OutputStream out, CompletableFuture<Void> watchdog)
            implements Closeable {
        @Override
        public void close() {
            watchdog.cancel(false);
            closeQuietly(channel);
        }
    }

    @Override
    public String toString() {
        return "ClamAV (clamd at " + where() + ")";
    }
}
