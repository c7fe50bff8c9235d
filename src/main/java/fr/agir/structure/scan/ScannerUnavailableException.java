package fr.agir.structure.scan;

/** No verdict could be had from the scanner: unreachable, too slow, or answering an error. */
public class ScannerUnavailableException extends Exception {
    public ScannerUnavailableException(String message) {
        super(message);
    }

    public ScannerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
