package fr.agir.agreement;

import static fr.agir.shared.PdfAValidation.assertPdfA2b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.agir.agreement.signature.DssSignatureProvider;
import fr.agir.agreement.signature.SealPki;
import fr.agir.agreement.signature.SignatureReport;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.TargetPublic;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.security.People;
import fr.agir.shared.TextTemplate;
import fr.agir.structure.LegalForm;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The agreement written from the shipped template with a case's data: parties, délibération, amounts
 * in figures and words, every article; PDF/A-2b (veraPDF, zero failures) as generated, once signed by
 * the structure and once countersigned (PAdES with DSS and a test PKI).
 */
class AgreementDocumentTest {
    private static final String SHIPPED = "classpath:documents/convention-pluriannuelle.txt";

    private static AgreementDocument document(AgreementTemplate template, Map<Integer, BigDecimal> amounts,
                                              String iban) {
        Application application = mock(Application.class);
        when(application.getId()).thenReturn(42L);
        when(application.getStructureId()).thenReturn(7L);
        when(application.getCampaignId()).thenReturn(3L);
        when(application.getReference()).thenReturn("AGIR-2026-000042");
        when(application.getTitle()).thenReturn("Jardins partagés du Franc-Moisin");
        when(application.getDescription()).thenReturn("Créer trois jardins partagés {{structure.nom}} avec les "
                + "habitants ; former 20 bénévoles.");
        when(application.getThematic()).thenReturn(Thematic.TRANSITION_ECOLOGIQUE);
        when(application.getTargetPublic()).thenReturn(TargetPublic.JEUNES);
        when(application.getTerritory()).thenReturn("Saint-Denis, quartier Franc-Moisin");
        when(application.getSubmittedAt()).thenReturn(Instant.parse("2026-09-15T10:00:00Z"));
        Structure structure = mock(Structure.class);
        when(structure.getName()).thenReturn("Association Les Jardins d’Œudeville");
        when(structure.getLegalForm()).thenReturn(LegalForm.ASSOCIATION);
        when(structure.getSiret()).thenReturn("12345678900017");
        when(structure.getRna()).thenReturn("W931234567");
        when(structure.getAddressLine()).thenReturn("12 rue de la Paix");
        when(structure.getPostalCode()).thenReturn("93200");
        when(structure.getCommune()).thenReturn("Saint-Denis");
        when(structure.getLegalRepName()).thenReturn("Awa Diallo");
        when(structure.getIban()).thenReturn(iban);
        when(structure.getBic()).thenReturn(iban == null ? null : "CCOPFRPPXXX");
        Decision decision = mock(Decision.class);
        when(decision.getDeliberationNumber()).thenReturn("CP-2026-11-042");
        when(decision.getDeliberationDate()).thenReturn(LocalDate.of(2026, 11, 23));
        Campaign campaign = mock(Campaign.class);
        when(campaign.getName()).thenReturn("Appel à Agir 2026");
        ApplicationService applications = mock(ApplicationService.class);
        when(applications.get(42L)).thenReturn(application);
        when(applications.amounts(42L, AmountKind.GRANTED)).thenReturn(amounts);
        StructureService structures = mock(StructureService.class);
        when(structures.get(7L)).thenReturn(structure);
        VoteService votes = mock(VoteService.class);
        when(votes.of(42L)).thenReturn(decision);
        CampaignService campaigns = mock(CampaignService.class);
        when(campaigns.get(3L)).thenReturn(campaign);
        People people = mock(People.class);
        when(people.name(any())).thenAnswer(i -> "porteur".equals(i.getArgument(0)) ? "Awa Diallo" : "Nadia Benali");
        Signatory signatory = new Signatory();
        signatory.setName("Nadia Benali");
        signatory.setTitle("Vice-présidente chargée de l'économie sociale et solidaire");
        signatory.setDelegation(true);
        return new AgreementDocument(applications, structures, votes, campaigns, new PaymentTerms(),
                new LegalInstrumentRules(), signatory, template, people, "Hôtel du Département, 93006 Bobigny Cedex");
    }

    private static Map<Integer, BigDecimal> twoYears() {
        Map<Integer, BigDecimal> amounts = new TreeMap<>();
        amounts.put(1, new BigDecimal("18000.00"));
        amounts.put(2, new BigDecimal("15000.00"));
        return amounts;
    }

    private static AgreementTemplate shipped() {
        return new AgreementTemplate(SHIPPED, new DefaultResourceLoader());
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTwoYearAgreementCarriesThePartiesTheDeliberationTheAmountsAndEveryArticle() throws IOException {
        Agreement agreement = new Agreement(42L, "CPO-2026-000042", 2, 2027, new BigDecimal("33000.00"),
                Instant.parse("2026-11-24T09:00:00Z"));
        byte[] pdf = document(shipped(), twoYears(), "FR7630003000301234567890185").render(agreement);

        assertPdfA2b(pdf);
        if (System.getenv("AGIR_SCREENSHOTS") != null) {
            Path shots = Path.of(System.getenv("AGIR_SCREENSHOTS"));
            Files.createDirectories(shots);
            Files.write(shots.resolve("convention.pdf"), pdf);
        }
        String text = text(pdf);
        assertThat(text).contains(
                "Convention pluriannuelle d'objectifs n° CPO-2026-000042",
                "Appel à Agir « Appel à Agir 2026 » — dossier AGIR-2026-000042",
                // The parties.
                "Le Département de la Seine-Saint-Denis, dont le siège est situé Hôtel du Département, 93006 Bobigny",
                "représenté par Nadia Benali, Vice-présidente chargée de l'économie sociale et solidaire, agissant "
                        + "pour le Président du Conseil départemental et par délégation",
                "Association Les Jardins d’Œudeville, association loi 1901, immatriculée sous le numéro SIRET "
                        + "12345678900017, inscrite au répertoire national des associations sous le numéro W931234567, "
                        + "dont le siège est situé 12 rue de la Paix, 93200 Saint-Denis, représentée par Awa Diallo",
                // The preamble.
                "délibération de la Commission permanente n° CP-2026-11-042 du 23/11/2026",
                "loi n° 2000-321 du 12 avril 2000", "notamment son article 10", "décret n° 2001-495 du 6 juin 2001",
                "Vu le règlement de l'Appel à Agir", "présentée par la structure le 15/09/2026",
                // Purpose and objectives, the description as typed (its braces printed, not evaluated).
                "le projet « Jardins partagés du Franc-Moisin »",
                "Créer trois jardins partagés {{structure.nom}} avec les habitants ; former 20 bénévoles.",
                "Thématique de l'Appel à Agir : Transition écologique.", "Public visé : Jeunes.",
                "Territoire d'intervention : Saint-Denis, quartier Franc-Moisin.",
                // Duration, amounts in figures and in words, the table, the schedule.
                "une durée de deux ans, couvrant les exercices 2027 à 2028",
                "montant total de 33 000,00 € (trente-trois mille euros)",
                "exercice 2027 : 18 000,00 € (dix-huit mille euros)", "exercice 2028 : 15 000,00 € (quinze mille euros)",
                "Année Exercice Montant attribué Avance (80 %) Solde après compte-rendu",
                "Année 1 2027 18 000,00 € 14 400,00 € 3 600,00 €", "Année 2 2028 15 000,00 € 12 000,00 € 3 000,00 €",
                "Total 33 000,00 € 26 400,00 € 6 600,00 €",
                "une avance de 80 %, soit 14 400,00 €, après la signature", "une fois l'exercice 2027 soldé",
                "IBAN FR7630003000301234567890185, BIC CCOPFRPPXXX",
                // Obligations, control, unspent sums, termination, amendments, disputes, signatures.
                "Article 5 — Obligations de la structure", "six mois suivant la fin de chaque exercice",
                "Cerfa n° 15059", "rapport d'activité", "comptes annuels approuvés", "logo du Département",
                "conserve les pièces justificatives",
                "Article 6 — Contrôle", "Article 7 — Sommes non utilisées et reversement", "titre de recettes",
                "Article 8 — Résiliation", "Article 9 — Avenants", "Article 10 — Litiges",
                "devant le tribunal administratif de Montreuil",
                "Signatures", "Signature électronique du représentant légal : en attente.",
                "Ce n'est pas une signature électronique avancée au nom de la personne.",
                "page 1 / ");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            assertThat(text).contains("page " + pages + " / " + pages);
        }
    }

    @Test
    void aOneYearAgreementSaysSoAndAsksForTheBankDetailsWhenAbsent() {
        Agreement agreement = new Agreement(42L, "CPO-2026-000043", 1, 2027, new BigDecimal("27000.00"),
                Instant.parse("2026-11-24T09:00:00Z"));
        String text = text(document(shipped(), Map.of(1, new BigDecimal("27000.00")), null).render(agreement));
        assertThat(text).contains("une durée d'un an, couvrant l'exercice 2027",
                "subvention d'un montant de 27 000,00 € (vingt-sept mille euros) pour l'exercice 2027",
                "une avance de 80 %, soit 21 600,00 €", "le solde, soit 5 400,00 €",
                "dont la structure transmet le relevé d'identité bancaire")
                .doesNotContain("exercice 2028", "deux ans", "IBAN");
    }

    @Test
    void theAgreementStaysPdfA2bOnceSignedAndCountersigned() {
        Agreement agreement = new Agreement(42L, "CPO-2026-000044", 2, 2027, new BigDecimal("33000.00"),
                Instant.parse("2026-11-24T09:00:00Z"));
        agreement.sign("porteur", Instant.parse("2026-11-26T10:00:00Z"));
        byte[] original = document(shipped(), twoYears(), "FR7630003000301234567890185").render(agreement);
        assertThat(text(original)).contains("Signée électroniquement par Awa Diallo le 26/11/2026.");
        char[] password = "test-pki".toCharArray();
        DssSignatureProvider provider = new DssSignatureProvider(
                SealPki.generate("Département de test", "Cachet Agir (test)", password), password, SealPki.ALIAS, "",
                Clock.systemUTC());

        byte[] signed = provider.sign(original, "Awa Diallo",
                "Signé pour Association Les Jardins par Awa Diallo, son représentant légal", "Bobigny");
        assertPdfA2b(signed);
        byte[] countersigned = provider.sign(signed, "Nadia Benali",
                "Contresigné pour le Département de la Seine-Saint-Denis par Nadia Benali", "Bobigny");
        assertPdfA2b(countersigned);

        SignatureReport report = provider.validate(countersigned);
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.allIntact()).isTrue();
    }

    @Test
    void aTemplateFileOnDiskReplacesTheShippedOneAndIsReadAgainWhenItChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cpo.txt");
        Files.writeString(file, "# Convention {{convention.numero}}\n\nAvec {{structure.nom}}.\n");
        AgreementTemplate template = new AgreementTemplate("file:" + file, new DefaultResourceLoader());
        Agreement agreement = new Agreement(42L, "CPO-2026-000045", 1, 2027, new BigDecimal("27000.00"),
                Instant.parse("2026-11-24T09:00:00Z"));
        AgreementDocument document = document(template, Map.of(1, new BigDecimal("27000.00")), null);
        assertThat(text(document.render(agreement))).contains("Convention CPO-2026-000045",
                "Avec Association Les Jardins d’Œudeville.");

        Files.writeString(file, "# Convention modifiée {{convention.numero}}\n\n{{montant.total_lettres}}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(text(document.render(agreement))).contains("Convention modifiée CPO-2026-000045",
                "vingt-sept mille euros");

        // A mistake in a later edit is refused: the last valid wording stays in force.
        Files.writeString(file, "# Convention {{convention.numro}}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(text(document.render(agreement))).contains("Convention modifiée CPO-2026-000045");
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderStopsTheApplicationAtStartupWithTheName(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cpo.txt");
        Files.writeString(file, "# Convention {{convention.numero}}\n\n## Article 1\nLa structure {{structure.nmo}}.\n");
        assertThatThrownBy(() -> new AgreementTemplate("file:" + file, new DefaultResourceLoader()))
                .isInstanceOf(TextTemplate.TemplateException.class)
                .hasMessageContaining("ligne 4")
                .hasMessageContaining("« structure.nmo » n'est pas une donnée connue");
    }

    @Test
    void everyNameOfTheVocabularyHasAFact() {
        Agreement agreement = new Agreement(42L, "CPO-2026-000046", 2, 2027, new BigDecimal("33000.00"),
                Instant.parse("2026-11-24T09:00:00Z"));
        Map<String, Object> facts = document(shipped(), twoYears(), null).facts(agreement);
        assertThat(facts.keySet()).containsExactlyInAnyOrderElementsOf(AgreementTemplate.VOCABULARY.keySet());
    }
}
