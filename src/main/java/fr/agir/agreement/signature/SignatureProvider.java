package fr.agir.agreement.signature;

/**
 * Applies and checks the electronic signatures of Agir's PDFs (PAdES). The built-in implementation
 * ({@link DssSignatureProvider}) seals with Agir's certificate through the EU's DSS; a parapheur
 * (i-Parapheur) or a signature service may replace it behind this boundary.
 */
public interface SignatureProvider {

    /**
     * Returns {@code pdf} with one more PAdES signature (an incremental update: earlier signatures
     * stay valid).
     *
     * @param signer   who the signature is applied for, stated as the signature's signer name
     * @param reason   what the signature means, stated as its reason ("Signé pour … par …")
     * @param location where it is applied ("Bobigny", "Agir")
     */
    byte[] sign(byte[] pdf, String signer, String reason, String location);

    /** The validation report of every signature of {@code pdf} (none for an unsigned PDF). */
    SignatureReport validate(byte[] pdf);
}
