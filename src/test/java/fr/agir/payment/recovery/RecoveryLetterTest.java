package fr.agir.payment.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.agreement.Signatory;
import fr.agir.shared.PdfAValidation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The recovery order's letter: PDF/A-2b, with the amount, the reason, the agreement, how to pay and the appeal. */
class RecoveryLetterTest {

    @Test
    void theLetterSaysWhatIsDueWhyHowToPayAndHowToContestIt() throws IOException {
        Signatory signatory = new Signatory();
        signatory.setName("Nadia Benali");
        signatory.setTitle("Vice-présidente chargée de l'économie sociale et solidaire");
        LegalInstrumentRules rules = new LegalInstrumentRules();
        rules.setAppealCourt("tribunal administratif de Montreuil");
        RecoveryLetter letter = new RecoveryLetter(null, null, null, null, signatory, rules, null, null,
                "Hôtel du Département, 93006 Bobigny Cedex", "Paierie départementale de la Seine-Saint-Denis");
        RecoveryOrder order = new RecoveryOrder("TR-2026-000007", 2026, 1L, 2L, "Association Les Jardins d’Œudeville",
                "12345678900017", null, "12 rue de la Paix 93200 Saint-Denis", "rep@example.org",
                new BigDecimal("21600.00"), "Subvention retirée par la délibération CP-2026-12-201 du 30/11/2026 : "
                + "reversement des sommes déjà versées", RecoveryOrder.Origin.WITHDRAWAL, "system",
                Instant.parse("2026-11-30T09:00:00Z"));
        byte[] pdf = letter.render(order, "AGIR-2026-000042", "Jardins partagés", "CPO-2026-000042", "Awa Diallo",
                LocalDate.of(2026, 11, 30));

        assertThat(PdfAValidation.failures(pdf)).as("PDF/A-2b failures").isEmpty();
        if (System.getenv("AGIR_SCREENSHOTS") != null) {
            Path shots = Path.of(System.getenv("AGIR_SCREENSHOTS"));
            Files.createDirectories(shots);
            Files.write(shots.resolve("titre-de-recettes.pdf"), pdf);
        }
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
        }
        assertThat(text).contains("TR-2026-000007", "21 600,00 €", "CPO-2026-000042", "À l'attention de Awa Diallo",
                "Comment payer", "avis des sommes à payer", "Voies et délais de recours", "L. 1617-5",
                "tribunal administratif de Montreuil", "Nadia Benali");
    }
}
