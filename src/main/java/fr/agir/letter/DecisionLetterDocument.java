package fr.agir.letter;

import fr.agir.agreement.AgreementRepository;
import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.agreement.PaymentTerms;
import fr.agir.agreement.Signatory;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.campaign.CampaignService;
import fr.agir.mail.PublicLinks;
import fr.agir.security.Directorate;
import fr.agir.shared.French;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decision letter as a PDF: letterhead (Département, DIEESS, date, reference, addressee, object),
 * then what the Commission permanente decided — the amounts in figures and in words, the conditions and
 * what comes next (sign the agreement in Agir, or the arrêté attached) — or the refusal, its motivation
 * verbatim and the means and time limit of appeal; signed by delegation of the President.
 * {@link #render(Facts)} is pure: the facts are gathered by {@link #facts}.
 */
@Component
public class DecisionLetterDocument {
    static final String DELEGATION = "Pour le Président du Conseil départemental et par délégation,";
    /** "23 novembre 2026": a letter's dates, without the weekday. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final ApplicationService applications;
    private final StructureService structures;
    private final CampaignService campaigns;
    private final AgreementRepository agreements;
    private final LegalInstrumentRules rules;
    private final PaymentTerms terms;
    private final Signatory signatory;
    private final PublicLinks links;
    private final String departmentAddress;

    public DecisionLetterDocument(ApplicationService applications, StructureService structures,
                                  CampaignService campaigns, AgreementRepository agreements, LegalInstrumentRules rules,
                                  PaymentTerms terms, Signatory signatory, PublicLinks links,
                                  @Value("${agir.contact.address:Hôtel du Département, 93006 Bobigny Cedex}")
                                  String departmentAddress) {
        this.applications = applications;
        this.structures = structures;
        this.campaigns = campaigns;
        this.agreements = agreements;
        this.rules = rules;
        this.terms = terms;
        this.signatory = signatory;
        this.links = links;
        this.departmentAddress = departmentAddress;
    }

    /** The legal act that follows an attribution, as the letter names it. */
    public record Act(boolean arrete, String number, boolean singleInstallment, String advancePercent,
                      boolean signed) {
        /** An act not yet signed by the structure (or an arrêté). */
        public Act(boolean arrete, String number, boolean singleInstallment, String advancePercent) {
            this(arrete, number, singleInstallment, advancePercent, false);
        }
    }

    /** Everything a letter prints. */
    public record Facts(LetterKind kind, Decision.Outcome outcome, LocalDate letterDate, String reference,
                        String projectTitle, String campaignName, String structureName, String addressLine,
                        String postalCode, String commune, String legalRepName, String deliberationNumber,
                        LocalDate deliberationDate, int durationYears, int firstYear,
                        SortedMap<Integer, BigDecimal> amounts, Act act, String agreementLink, String motivation,
                        String appealCourt, String departmentAddress, String signatoryName, String signatoryTitle,
                        boolean delegation, String revisedNumber, LocalDate revisedDate) {
        public BigDecimal total() {
            return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * The facts of the letter of {@code decision} (which revises {@code revised}, if not null), as of today.
     * The act is read if it exists already.
     */
    Facts facts(Decision decision, Decision revised, LetterKind kind, LocalDate today) {
        Application application = applications.get(decision.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        Map<Integer, BigDecimal> granted = kind.grants()
                ? applications.amounts(application.getId(), AmountKind.GRANTED) : Map.of();
        Act act = null;
        if (kind.grants()) {
            act = agreements.findByApplicationId(application.getId()).map(a -> new Act(a.isArrete(), a.getNumber(),
                    rules.isArreteSingleInstallment(), terms.advancePercent(), a.isSignedAgreement())).orElse(null);
        }
        return new Facts(kind, decision.getOutcome(), today, application.getReference(), application.getTitle(),
                campaigns.get(application.getCampaignId()).getName(), structure.getName(), structure.getAddressLine(),
                structure.getPostalCode(), structure.getCommune(), structure.getLegalRepName(),
                decision.getDeliberationNumber(), decision.getDeliberationDate(), decision.getDurationYears(),
                decision.getDeliberationDate().getYear(), new TreeMap<>(granted), act,
                links.to("/portail/candidatures/" + application.getId() + "/convention"), decision.getMotivation(),
                rules.getAppealCourt(), departmentAddress, signatory.getName(), signatory.getTitle(),
                signatory.isDelegation(), revised == null ? null : revised.getDeliberationNumber(),
                revised == null ? null : revised.getDeliberationDate());
    }

    static byte[] render(Facts f) {
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(f.kind().title() + " " + f.reference())
                .heading("Département de la Seine-Saint-Denis")
                .paragraph(Directorate.DIEESS.label() + " (DIEESS)")
                .paragraph(f.departmentAddress())
                .paragraph("Bobigny, le " + f.letterDate().format(DAY))
                .field("Référence", f.reference() + " — délibération n° " + f.deliberationNumber())
                .section("Destinataire")
                .paragraph(addressee(f))
                .section("Objet : " + f.kind().title() + " — projet « " + f.projectTitle() + " »")
                .paragraph("Madame, Monsieur,");
        switch (f.kind()) {
            case ATTRIBUTION -> attribution(pdf, f);
            case REFUSAL -> refusal(pdf, f);
            case AMENDMENT -> amendment(pdf, f);
            case WITHDRAWAL -> withdrawal(pdf, f);
        }
        pdf.paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.")
                .paragraph(" ");
        if (f.delegation()) {
            pdf.paragraph(DELEGATION);
        }
        pdf.paragraph(f.signatoryName() + (f.signatoryTitle() == null || f.signatoryTitle().isBlank() ? ""
                        : "\n" + f.signatoryTitle()));
        return pdf.build();
    }

    private static String addressee(Facts f) {
        StringBuilder to = new StringBuilder(f.structureName());
        if (f.legalRepName() != null && !f.legalRepName().isBlank()) {
            to.append("\nÀ l'attention de ").append(f.legalRepName()).append(", représentant légal");
        }
        if (f.addressLine() != null && !f.addressLine().isBlank()) {
            to.append("\n").append(f.addressLine());
        }
        String town = ((f.postalCode() == null ? "" : f.postalCode()) + " " + (f.commune() == null ? "" : f.commune()))
                .strip();
        if (!town.isEmpty()) {
            to.append("\n").append(town);
        }
        return to.toString();
    }

    private static void attribution(PdfDocumentBuilder pdf, Facts f) {
        pdf.paragraph("Par délibération n° " + f.deliberationNumber() + " du " + f.deliberationDate().format(DAY)
                + ", la Commission permanente du Conseil départemental a décidé d'attribuer à " + f.structureName()
                + " une subvention de " + French.eurosInFiguresAndWords(f.total()) + " pour le projet « "
                + f.projectTitle() + " », présenté dans le cadre de l'appel à projets « " + f.campaignName()
                + " » (dossier " + f.reference() + ").");
        if (f.outcome() == Decision.Outcome.AMENDED) {
            pdf.paragraph("La Commission permanente a modifié la proposition qui lui était soumise : le montant et la "
                    + "durée ci-dessous sont ceux qu'elle a votés.");
        }
        amountsAndConditions(pdf, f);
        Act act = f.act();
        if (act == null) {
            pdf.paragraph("L'acte juridique de cette subvention (convention ou arrêté attributif) vous sera notifié "
                    + "dans votre espace sur Agir ; les versements interviennent ensuite.");
        } else if (act.arrete()) {
            pdf.paragraph("L'arrêté attributif n° " + act.number() + ", joint à ce courrier, notifie cette subvention. "
                    + arreteTerms(act));
        } else {
            pdf.paragraph("Une convention pluriannuelle d'objectifs, n° " + act.number() + ", fixe nos engagements "
                    + "réciproques. Le représentant légal de la structure la signe dans votre espace sur Agir :")
                    .paragraph(f.agreementLink())
                    .paragraph("Le Département la contresigne ensuite ; elle entre alors en vigueur et l'avance de "
                            + act.advancePercent() + " % du montant de la première année vous est versée.");
        }
    }

    /** A later délibération sets new amounts or a new duration: the act follows, the structure may appeal. */
    private static void amendment(PdfDocumentBuilder pdf, Facts f) {
        pdf.paragraph("Par délibération n° " + f.deliberationNumber() + " du " + f.deliberationDate().format(DAY)
                + ", la Commission permanente du Conseil départemental a modifié la subvention attribuée à "
                + f.structureName() + " pour le projet « " + f.projectTitle() + " » (dossier " + f.reference()
                + ") par sa délibération n° " + f.revisedNumber() + " du " + f.revisedDate().format(DAY)
                + ". Son montant est désormais de " + French.eurosInFiguresAndWords(f.total()) + ".");
        amountsAndConditions(pdf, f);
        Act act = f.act();
        if (act != null && act.arrete()) {
            pdf.paragraph("L'arrêté attributif n° " + act.number() + ", joint à ce courrier, remplace le précédent et "
                    + "notifie ces montants. " + arreteTerms(act));
        } else if (act != null && act.signed()) {
            pdf.paragraph("La convention pluriannuelle d'objectifs n° " + act.number() + ", déjà signée, n'est pas "
                    + "modifiée par cette délibération : un avenant, que le représentant légal de la structure signera "
                    + "dans votre espace sur Agir, y portera ces montants. Jusqu'à son entrée en vigueur, les versements "
                    + "suivent la convention signée :")
                    .paragraph(f.agreementLink());
        } else if (act != null) {
            pdf.paragraph("La convention pluriannuelle d'objectifs n° " + act.number() + " a été mise à jour avec ces "
                    + "montants. Le représentant légal de la structure signe cette nouvelle version dans votre espace "
                    + "sur Agir :")
                    .paragraph(f.agreementLink());
        }
        appeal(pdf, f);
    }

    /** A later délibération withdraws the grant: nothing more is paid; what was paid is to be returned. */
    private static void withdrawal(PdfDocumentBuilder pdf, Facts f) {
        pdf.paragraph("Par délibération n° " + f.deliberationNumber() + " du " + f.deliberationDate().format(DAY)
                        + ", la Commission permanente du Conseil départemental a retiré la subvention que sa délibération "
                        + "n° " + f.revisedNumber() + " du " + f.revisedDate().format(DAY) + " avait attribuée à "
                        + f.structureName() + " pour le projet « " + f.projectTitle() + " » (dossier " + f.reference()
                        + ").")
                .section("Motif de la décision")
                .paragraph(f.motivation())
                .section("Conséquences")
                .paragraph("Les versements qui n'ont pas encore été effectués sont annulés. Les sommes déjà versées au "
                        + "titre de cette subvention sont à reverser au Département : un titre de recette vous sera "
                        + "adressé à cet effet.");
        appeal(pdf, f);
    }

    private static void amountsAndConditions(PdfDocumentBuilder pdf, Facts f) {
        pdf.section("Montant attribué");
        f.amounts().forEach((year, amount) -> pdf.field("Année " + year + " (" + (f.firstYear() + year - 1) + ")",
                French.eurosInFiguresAndWords(amount)));
        pdf.field("Total", French.eurosInFiguresAndWords(f.total()))
                .field("Durée", French.years(f.durationYears()))
                .section("Conditions")
                .paragraph("La subvention est affectée exclusivement au projet décrit dans votre candidature. Vous "
                        + "informez le Département de toute modification du projet et mentionnez son soutien dans "
                        + "votre communication. Vous produisez, dans les six mois suivant la fin de chaque exercice, le "
                        + "compte-rendu financier de l'action (Cerfa n° 15059), votre rapport d'activité et vos "
                        + "comptes approuvés. Les sommes non utilisées, ou utilisées à un autre objet, sont à reverser.")
                .section("La suite");
    }

    private static String arreteTerms(Act act) {
        return (act.singleInstallment()
                ? "Elle vous est versée en une fois, dans les soixante jours suivant sa notification."
                : "Une avance de " + act.advancePercent() + " % du montant de l'année vous est versée dans les "
                + "soixante jours suivant sa notification, le solde après validation du compte-rendu financier.")
                + " Le compte-rendu financier est à déposer dans votre espace sur Agir dans les six mois suivant "
                + "la fin de l'exercice.";
    }

    private static void refusal(PdfDocumentBuilder pdf, Facts f) {
        pdf.paragraph("Par délibération n° " + f.deliberationNumber() + " du " + f.deliberationDate().format(DAY)
                        + ", la Commission permanente du Conseil départemental a décidé de ne pas attribuer de subvention "
                        + "au projet « " + f.projectTitle() + " » présenté par " + f.structureName()
                        + " dans le cadre de l'appel à projets « " + f.campaignName() + " » (dossier " + f.reference()
                        + ").")
                .section("Motif de la décision")
                .paragraph(f.motivation())
                .paragraph("Cette décision ne préjuge pas des candidatures futures de votre structure.");
        appeal(pdf, f);
    }

    /** The mandatory mention of the means and time limit of appeal, on every decision that may harm. */
    private static void appeal(PdfDocumentBuilder pdf, Facts f) {
        pdf.section("Voies et délais de recours")
                .paragraph("Si vous entendez contester cette décision, vous pouvez, dans un délai de deux mois à "
                        + "compter de sa notification :")
                .paragraph("- former un recours gracieux auprès du Président du Conseil départemental de la "
                        + "Seine-Saint-Denis (" + f.departmentAddress() + ") ; le silence gardé pendant deux mois "
                        + "vaut rejet, et le délai du recours contentieux court à nouveau à compter de la réponse ou "
                        + "de ce rejet ;")
                .paragraph("- former un recours contentieux devant le " + f.appealCourt() + ", y compris par "
                        + "l'application Télérecours citoyens accessible sur le site www.telerecours.fr.");
    }
}
