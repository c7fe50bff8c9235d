package fr.agir.structure.scan;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where clamd listens, for {@code agir.documents.scanner=clamav}: its Unix {@code socket} when set,
 * otherwise TCP {@code host}:{@code port}. {@code connectTimeout} bounds the connection,
 * {@code timeout} a whole scan (sending the file and clamd's verdict); {@code chunkSize} is the size
 * of the INSTREAM chunks sent. clamd's own {@code StreamMaxLength} must be at least
 * {@code agir.documents.max-size}, or every large file is refused as "analyse indisponible".
 */
@ConfigurationProperties("agir.documents.clamav")
public record ClamAvProperties(@DefaultValue("localhost") String host,
                               @DefaultValue("3310") int port,
                               Path socket,
                               @DefaultValue("2s") Duration connectTimeout,
                               @DefaultValue("60s") Duration timeout,
                               @DefaultValue("64KB") DataSize chunkSize) {

    public ClamAvProperties {
        if (socket != null && socket.toString().isBlank()) {
            socket = null; // AGIR_CLAMAV_SOCKET left empty: TCP
        }
    }
}
