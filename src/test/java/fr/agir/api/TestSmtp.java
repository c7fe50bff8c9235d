package fr.agir.api;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server Agir sends its e-mails to in the integration tests: one GreenMail per test JVM,
 * on a free port given to every Spring context by {@link ApiTestSupport}. Keycloak's own e-mails
 * go to another GreenMail, on {@link KeycloakServer#smtpPort}.
 */
final class TestSmtp {
    private static TestSmtp instance;

    final int port = freePort();
    private GreenMail server;

    private TestSmtp() {
        start();
    }

    static synchronized TestSmtp get() {
        if (instance == null) {
            instance = new TestSmtp();
        }
        return instance;
    }

    /** Simulates an outage: the port refuses connections until {@link #start()}. */
    synchronized void stop() {
        server.stop();
    }

    synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    /** Every message received since the last (re)start whose subject contains {@code text}. */
    synchronized List<MimeMessage> withSubject(String text) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(text);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The plain-text body of a message, decoded, whether it has attachments or not; null without one. */
    static String text(jakarta.mail.Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return ((String) part.getContent()).replace("\r\n", "\n");
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
