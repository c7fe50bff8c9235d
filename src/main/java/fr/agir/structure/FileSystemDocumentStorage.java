package fr.agir.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents as files under {@code agir.documents.root}: key {@code ab/<32 hex>} from a random UUID,
 * written to a temporary file in the root and moved into place atomically, so a reader never sees
 * half a file and a failed write leaves nothing behind.
 */
public class FileSystemDocumentStorage implements DocumentStorage {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{32}");
    private static final String TEMP_DIR = ".incoming";

    private final Path root;

    public FileSystemDocumentStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        Files.createDirectories(this.root.resolve(TEMP_DIR));
    }

    public Path root() {
        return root;
    }

    @Override
    public String put(InputStream content) throws IOException {
        String hex = UUID.randomUUID().toString().replace("-", "");
        String key = hex.substring(0, 2) + "/" + hex;
        Path target = resolve(key);
        Path temp = Files.createTempFile(root.resolve(TEMP_DIR), "upload-", ".part");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return key;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** The file of a key; refuses anything that is not a key of ours or that would leave the root. */
    Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a document storage key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Document storage key outside the root: " + key);
        }
        return path;
    }
}
