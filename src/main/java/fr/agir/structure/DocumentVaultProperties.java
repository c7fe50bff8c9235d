package fr.agir.structure;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The document vault's settings: {@code root}, the directory of the file-system storage;
 * {@code maxSize}, the largest accepted file; {@code expiryWarningDays}, how many days before its
 * end a piece is flagged as expiring soon; {@code archive}, the limits a zip-based document
 * (.docx, .xlsx, .odt, .ods) must keep once opened (see {@link UploadChecks#checkArchive}).
 */
@ConfigurationProperties("agir.documents")
public record DocumentVaultProperties(@DefaultValue("./data/documents") Path root,
                                      @DefaultValue("10MB") DataSize maxSize,
                                      @DefaultValue("30") int expiryWarningDays,
                                      @DefaultValue Archive archive) {

    /**
     * {@code maxInflatedSize}: all entries together, once inflated (100MB: ten times the largest
     * upload, far above a real document's text and images, while a bomb aims at gigabytes);
     * {@code maxRatio}: how many times its compressed size an entry may inflate (100, as Apache
     * POI's ZipSecureFile, which real Office files pass; deflate cannot exceed about 1,032);
     * {@code maxEntries}: entries in the archive (10,000: a large workbook holds a few hundred).
     */
    public record Archive(@DefaultValue("100MB") DataSize maxInflatedSize,
                          @DefaultValue("100") int maxRatio,
                          @DefaultValue("10000") int maxEntries) {

        public UploadChecks.ArchiveLimits limits() {
            return new UploadChecks.ArchiveLimits(maxInflatedSize.toBytes(), maxRatio, maxEntries);
        }
    }
}
