package fr.agir.agreement.signature;

import java.time.Instant;
import java.util.List;

/** What a validator says of a signed PDF: each signature, in the order they were applied. */
public record SignatureReport(List<Check> signatures) {

    /**
     * One signature: the name it states as signer, when it was applied, the subject of the
     * certificate that made it, whether the signed bytes are unchanged and the signature value
     * verifies ({@code intact}), and the validator's conclusion (DSS indication, e.g.
     * TOTAL_PASSED, and its sub-indication when there is one).
     */
    public record Check(String signerName, String reason, Instant signingTime, String certificateSubject,
                        boolean intact, String indication, String subIndication) {

        /** The conclusion in French, for the pages. */
        public String verdict() {
            if (!intact) {
                return "Document modifié après la signature, ou signature invalide";
            }
            return switch (indication == null ? "" : indication) {
                case "TOTAL_PASSED", "PASSED" -> "Signature valide, document intact";
                case "INDETERMINATE" -> "Document intact ; validité du certificat non établie (" + subIndication + ")";
                default -> "Signature non valide (" + indication + (subIndication == null ? "" : ", " + subIndication) + ")";
            };
        }
    }

    /** True when the PDF carries at least one signature and every one is intact. */
    public boolean allIntact() {
        return !signatures.isEmpty() && signatures.stream().allMatch(Check::intact);
    }
}
