package fr.agir.structure;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The document vault's settings: {@code root}, the directory of the file-system storage;
 * {@code maxSize}, the largest accepted file; {@code expiryWarningDays}, how many days before its
 * end a piece is flagged as expiring soon.
 */
@ConfigurationProperties("agir.documents")
public record DocumentVaultProperties(@DefaultValue("./data/documents") Path root,
                                      @DefaultValue("10MB") DataSize maxSize,
                                      @DefaultValue("30") int expiryWarningDays) {
}
