package fr.agir.agreement.signature;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.shared.PdfDocumentBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PAdES signatures made and checked by DSS with a test PKI generated here (a root CA and the seal). */
class DssSignatureProviderTest {
    private static final char[] PASSWORD = "test-pki".toCharArray();
    private static DssSignatureProvider provider;
    private static byte[] original;

    @BeforeAll
    static void pki() {
        byte[] keystore = SealPki.generate("Département de test", "Cachet Agir (test)", PASSWORD);
        provider = new DssSignatureProvider(keystore, PASSWORD, SealPki.ALIAS, "", Clock.systemUTC());
        original = new PdfDocumentBuilder("Convention CPO-2026-000001")
                .heading("Convention pluriannuelle d'objectifs n° CPO-2026-000001")
                .paragraph("La structure s'engage à mettre en œuvre le projet.")
                .build();
    }

    @Test
    void theSignatureAndTheCountersignatureBothVerifyAndTheTextIsUnchanged() throws IOException {
        byte[] signed = provider.sign(original, "Paul Porteur",
                "Signé pour Les Jardins partagés par Paul Porteur", "Bobigny");
        byte[] countersigned = provider.sign(signed, "Sophie Signataire",
                "Contresigné pour le Département par Sophie Signataire", "Bobigny");

        // Incremental save: the first signed revision is the prefix of the countersigned file.
        assertThat(Arrays.copyOf(countersigned, signed.length)).isEqualTo(signed);
        SignatureReport report = provider.validate(countersigned);
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.allIntact()).isTrue();
        assertThat(report.signatures()).extracting(SignatureReport.Check::signerName)
                .containsExactly("Paul Porteur", "Sophie Signataire");
        assertThat(report.signatures().get(0).reason()).isEqualTo("Signé pour Les Jardins partagés par Paul Porteur");
        assertThat(report.signatures()).allSatisfy(check -> {
            assertThat(check.certificateSubject()).contains("Cachet Agir (test)");
            assertThat(check.signingTime()).isNotNull();
            assertThat(check.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(check.verdict()).isEqualTo("Signature valide, document intact");
        });
        try (PDDocument document = Loader.loadPDF(countersigned)) {
            assertThat(new PDFTextStripper().getText(document)).contains("CPO-2026-000001");
            assertThat(document.getSignatureDictionaries()).hasSize(2);
        }
    }

    @Test
    void oneChangedByteAfterSigningIsDetected() {
        byte[] signed = provider.sign(original, "Paul Porteur", "Signé pour la structure par Paul Porteur", "Bobigny");
        assertThat(provider.validate(signed).allIntact()).isTrue();

        byte[] tampered = signed.clone();
        // A byte of the header's binary comment: still a readable PDF, but not the bytes that were signed.
        tampered[11] ^= 0x01;
        SignatureReport report = provider.validate(tampered);
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.allIntact()).isFalse();
        assertThat(report.signatures().get(0).indication()).isEqualTo("TOTAL_FAILED");
        assertThat(report.signatures().get(0).verdict()).startsWith("Document modifié après la signature");
    }

    @Test
    void anUnsignedPdfHasNoSignature() {
        SignatureReport report = provider.validate(original);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.allIntact()).isFalse();
    }
}
