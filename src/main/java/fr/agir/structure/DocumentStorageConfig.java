package fr.agir.structure;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document storage: files under {@code agir.documents.root} unless {@code agir.documents.storage}
 * names another kind, whose {@link DocumentStorage} bean is then declared by whoever brings it.
 */
@Configuration
@EnableConfigurationProperties(DocumentVaultProperties.class)
class DocumentStorageConfig {

    @Bean
    @ConditionalOnProperty(name = "agir.documents.storage", havingValue = "filesystem", matchIfMissing = true)
    FileSystemDocumentStorage fileSystemDocumentStorage(DocumentVaultProperties properties) throws IOException {
        return new FileSystemDocumentStorage(properties.root());
    }
}
