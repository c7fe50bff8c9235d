package fr.agir.structure;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of the case files' documents are kept. Keys are chosen by the storage, never
 * derived from what a user sent. The default keeps files on disk ({@link FileSystemDocumentStorage});
 * another implementation (S3, an archiving system…) replaces it by being declared as a bean.
 */
public interface DocumentStorage {

    /** Stores the stream's bytes entirely, or nothing, and returns their new key. */
    String put(InputStream content) throws IOException;

    default String put(byte[] content) throws IOException {
        return put(new java.io.ByteArrayInputStream(content));
    }

    /** The stored bytes; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes the bytes; a missing key is not an error. */
    void delete(String key) throws IOException;

    boolean exists(String key);
}
