package fr.agir.structure.scan;

import java.nio.file.Path;

/** {@code agir.documents.scanner=none}: every file is taken as clean (the other upload checks still apply). */
public final class NoUploadScanner implements UploadScanner {
    @Override
    public Verdict scan(Path file) {
        return Verdict.CLEAN;
    }

    @Override
    public String toString() {
        return "no antivirus (agir.documents.scanner=none)";
    }
}
