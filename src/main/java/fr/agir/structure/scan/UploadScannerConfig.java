package fr.agir.structure.scan;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scanner of uploads: {@code agir.documents.scanner=none} (the default outside
 * docker-compose) or {@code clamav} ({@link ClamAvScanner}, configured by
 * {@code agir.documents.clamav.*}). Any other value stops the start: a misspelt setting must not
 * quietly turn the antivirus off.
 */
@Configuration
@EnableConfigurationProperties(ClamAvProperties.class)
class UploadScannerConfig {
    private static final Logger log = LoggerFactory.getLogger(UploadScannerConfig.class);

    @Bean
    UploadScanner uploadScanner(@Value("${agir.documents.scanner:none}") String kind, ClamAvProperties clamav) {
        UploadScanner scanner = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> new NoUploadScanner();
            case "clamav" -> new ClamAvScanner(clamav);
            default -> throw new IllegalStateException("agir.documents.scanner=" + kind
                    + " is not a known scanner: use none or clamav");
        };
        log.info("Uploads are scanned by: {}", scanner);
        return scanner;
    }
}
