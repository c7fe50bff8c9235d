package fr.agir.letter;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.vote.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The decision letters' text, read back from the PDF as a reader would read it. */
class DecisionLetterDocumentTest {
    private static final LocalDate VOTED = LocalDate.of(2026, 11, 23);
    private static final String MOTIVATION = "Le projet ne relève pas des thématiques de l'appel : il s'adresse à un "
            + "public hors du département (Paris 11e), et son budget prévoit 80 % de frais de structure.";

    private static DecisionLetterDocument.Facts facts(LetterKind kind, Decision.Outcome outcome,
                                                      TreeMap<Integer, BigDecimal> amounts,
                                                      DecisionLetterDocument.Act act, String motivation) {
        return new DecisionLetterDocument.Facts(kind, outcome, LocalDate.of(2026, 11, 24), "AGIR-2026-000042",
                "Jardins partagés du Franc-Moisin", "Appel à Agir 2026", "Association Les Jardins", "12 rue de la Paix",
                "93200", "Saint-Denis", "Awa Diallo", "CP-2026-11-042", VOTED, amounts.size(), 2026, amounts, act,
                "https://agir.example.org/portail/candidatures/42/convention", motivation,
                "tribunal administratif de Montreuil", "Hôtel du Département, 93006 Bobigny Cedex", "Nadia Benali",
                "Directrice de l'insertion, de l'emploi et de l'économie sociale et solidaire", true, null, null);
    }

    /** A later délibération revising CP-2026-11-042 of {@link #VOTED}: CP-2027-01-007 of 14 January 2027. */
    private static DecisionLetterDocument.Facts revision(LetterKind kind, Decision.Outcome outcome,
                                                         TreeMap<Integer, BigDecimal> amounts,
                                                         DecisionLetterDocument.Act act, String motivation,
                                                         boolean delegation) {
        return new DecisionLetterDocument.Facts(kind, outcome, LocalDate.of(2027, 1, 15), "AGIR-2026-000042",
                "Jardins partagés du Franc-Moisin", "Appel à Agir 2026", "Association Les Jardins", "12 rue de la Paix",
                "93200", "Saint-Denis", "Awa Diallo", "CP-2027-01-007", LocalDate.of(2027, 1, 14), amounts.size(), 2026,
                amounts, act, "https://agir.example.org/portail/candidatures/42/convention", motivation,
                "tribunal administratif de Montreuil", "Hôtel du Département, 93006 Bobigny Cedex",
                "Le Président du Conseil départemental de la Seine-Saint-Denis", "", delegation, "CP-2026-11-042", VOTED);
    }

    /** The letter's text; each letter is PDF/A-2b first (veraPDF, zero failures). */
    private static String text(byte[] pdf) {
        fr.agir.shared.PdfAValidation.assertPdfA2b(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAttributionWithAnAgreementGivesTheAmountsInFiguresAndWordsAndTheWayToSign() {
        TreeMap<Integer, BigDecimal> amounts = new TreeMap<>();
        amounts.put(1, new BigDecimal("15000.00"));
        amounts.put(2, new BigDecimal("8081.00"));
        String pdf = text(DecisionLetterDocument.render(facts(LetterKind.ATTRIBUTION, Decision.Outcome.ADOPTED, amounts,
                new DecisionLetterDocument.Act(false, "CPO-2026-000007", true, "50"), null)));

        assertThat(pdf).contains("Département de la Seine-Saint-Denis", "(DIEESS)", "Bobigny, le 24 novembre 2026",
                "AGIR-2026-000042", "Association Les Jardins", "À l'attention de Awa Diallo", "93200 Saint-Denis",
                "Objet : Notification d'attribution de subvention",
                "Par délibération n° CP-2026-11-042 du 23 novembre 2026",
                "Année 1 (2026) : 15 000,00 € (quinze mille euros)",
                "Année 2 (2027) : 8 081,00 € (huit mille quatre-vingt-un euros)",
                "Total : 23 081,00 € (vingt-trois mille quatre-vingt-un euros)", "Durée : 2 ans",
                "Cerfa n° 15059", "convention pluriannuelle d'objectifs, n° CPO-2026-000007",
                "https://agir.example.org/portail/candidatures/42/convention",
                "Pour le Président du Conseil départemental et par délégation,", "Nadia Benali",
                "Directrice de l'insertion")
                .doesNotContain("Voies et délais de recours", "arrêté attributif n°");
    }

    @Test
    void anAmendedAttributionWithAnArreteNamesItAndItsTerms() {
        TreeMap<Integer, BigDecimal> amounts = new TreeMap<>();
        amounts.put(1, new BigDecimal("21500.50"));
        String pdf = text(DecisionLetterDocument.render(facts(LetterKind.ATTRIBUTION, Decision.Outcome.AMENDED, amounts,
                new DecisionLetterDocument.Act(true, "ARR-2026-000003", true, "50"), null)));

        assertThat(pdf).contains("a modifié la proposition",
                "21 500,50 € (vingt-et-un mille cinq cents euros et cinquante centimes)",
                "L'arrêté attributif n° ARR-2026-000003, joint à ce courrier", "versée en une fois",
                "compte-rendu financier est à déposer", "Durée : 1 an");
    }

    @Test
    void aRefusalQuotesItsMotivationVerbatimAndTheMeansAndTimeLimitOfAppeal() {
        String pdf = text(DecisionLetterDocument.render(facts(LetterKind.REFUSAL, Decision.Outcome.REJECTED,
                new TreeMap<>(), null, MOTIVATION)));

        assertThat(pdf).contains("Objet : Notification de refus de subvention",
                "a décidé de ne pas attribuer de subvention au projet « Jardins partagés du Franc-Moisin »",
                "Motif de la décision", MOTIVATION, "Voies et délais de recours", "deux mois",
                "recours gracieux auprès du Président du Conseil départemental",
                "recours contentieux devant le tribunal administratif de Montreuil",
                "Télérecours citoyens", "www.telerecours.fr",
                "Pour le Président du Conseil départemental et par délégation,", "Nadia Benali")
                .doesNotContain("Montant attribué", "€");
    }

    @Test
    void eachOutcomeCallsForItsLetter() {
        assertThat(LetterKind.of(Decision.Outcome.ADOPTED, false)).isEqualTo(LetterKind.ATTRIBUTION);
        assertThat(LetterKind.of(Decision.Outcome.AMENDED, false)).isEqualTo(LetterKind.ATTRIBUTION);
        assertThat(LetterKind.of(Decision.Outcome.REJECTED, false)).isEqualTo(LetterKind.REFUSAL);
        assertThat(LetterKind.of(Decision.Outcome.AMENDED, true)).isEqualTo(LetterKind.AMENDMENT);
        assertThat(LetterKind.of(Decision.Outcome.WITHDRAWN, true)).isEqualTo(LetterKind.WITHDRAWAL);
        assertThat(LetterKind.REFUSAL.fileName("AGIR-2026-000042")).isEqualTo("notification-refus-AGIR-2026-000042.pdf");
    }

    @Test
    void anAmendmentNamesBothDeliberationsTheNewAmountsTheUpdatedAgreementAndTheAppeal() {
        TreeMap<Integer, BigDecimal> amounts = new TreeMap<>();
        amounts.put(1, new BigDecimal("12000.00"));
        amounts.put(2, new BigDecimal("10000.00"));
        String pdf = text(DecisionLetterDocument.render(revision(LetterKind.AMENDMENT, Decision.Outcome.AMENDED, amounts,
                new DecisionLetterDocument.Act(false, "CPO-2026-000007", true, "50"), null, false)));

        assertThat(pdf).contains("Objet : Notification de modification de subvention",
                "Par délibération n° CP-2027-01-007 du 14 janvier 2027",
                "a modifié la subvention attribuée à Association Les Jardins",
                "par sa délibération n° CP-2026-11-042 du 23 novembre 2026",
                "Son montant est désormais de 22 000,00 € (vingt-deux mille euros)",
                "Année 2 (2027) : 10 000,00 € (dix mille euros)",
                "La convention pluriannuelle d'objectifs n° CPO-2026-000007 a été mise à jour",
                "https://agir.example.org/portail/candidatures/42/convention",
                "Voies et délais de recours", "tribunal administratif de Montreuil",
                "Le Président du Conseil départemental de la Seine-Saint-Denis")
                .doesNotContain("par délégation");
    }

    @Test
    void aWithdrawalQuotesItsMotivationSaysWhatBecomesOfThePaymentsAndGivesTheAppeal() {
        String motivation = "La structure a cessé l'activité financée en décembre 2026.";
        String pdf = text(DecisionLetterDocument.render(revision(LetterKind.WITHDRAWAL, Decision.Outcome.WITHDRAWN,
                new TreeMap<>(), null, motivation, true)));

        assertThat(pdf).contains("Objet : Notification de retrait de subvention",
                "Par délibération n° CP-2027-01-007 du 14 janvier 2027",
                "a retiré la subvention que sa délibération n° CP-2026-11-042 du 23 novembre 2026 avait attribuée",
                "Motif de la décision", motivation, "Les versements qui n'ont pas encore été effectués sont annulés",
                "titre de recette", "Voies et délais de recours", "Télérecours citoyens",
                "Pour le Président du Conseil départemental et par délégation,")
                .doesNotContain("Montant attribué", "€");
    }
}
