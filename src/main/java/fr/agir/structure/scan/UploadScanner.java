package fr.agir.structure.scan;

import java.nio.file.Path;

/**
 * Looks for malicious content in an uploaded file before it is stored: the document vault calls it
 * for every file a user sends (case-file pieces and message attachments), after the name, size,
 * type and archive checks and before anything is written to the storage. Which implementation runs
 * is chosen by {@code agir.documents.scanner} ({@link UploadScannerConfig}).
 */
public interface UploadScanner {

    /**
     * The verdict on {@code file}'s bytes.
     *
     * @throws ScannerUnavailableException when no verdict could be had (scanner unreachable, timed
     *                                     out, or answering an error): the caller refuses the file
     */
    Verdict scan(Path file) throws ScannerUnavailableException;

    /** A scanner's verdict: clean, or infected by the threat it names. */
    record Verdict(String threat) {
        public static final Verdict CLEAN = new Verdict(null);

        public static Verdict infected(String threat) {
            return new Verdict(threat == null || threat.isBlank() ? "menace sans nom" : threat);
        }

        public boolean isInfected() {
            return threat != null;
        }
    }
}
