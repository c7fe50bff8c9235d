package fr.agir.agreement;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The arrêté attributif as a PDF: the grant's amounts per year, its purpose, the conditions of
 * payment, use and reporting, signed in the name of the President (agir.signatory.*), with the
 * means and time limit of appeal.
 */
@Component
public class ArreteDocument {
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final PaymentTerms terms;
    private final LegalInstrumentRules rules;
    private final Signatory signatory;

    public ArreteDocument(ApplicationService applications, StructureService structures, VoteService votes,
                          PaymentTerms terms, LegalInstrumentRules rules, Signatory signatory) {
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.terms = terms;
        this.rules = rules;
        this.signatory = signatory;
    }

    @Transactional(readOnly = true)
    public byte[] render(Agreement arrete) {
        Application application = applications.get(arrete.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        Decision decision = votes.of(application.getId());
        Map<Integer, BigDecimal> granted = arrete.getEstablishedAmounts();
        if (granted.isEmpty()) {
            granted = applications.amounts(application.getId(), AmountKind.GRANTED);
        }
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Arrêté " + arrete.getNumber())
                .heading("Arrêté attributif de subvention n° " + arrete.getNumber())
                .paragraph("Département de la Seine-Saint-Denis — Appel à Agir, dossier " + application.getReference())
                .paragraph("Le Président du Conseil départemental de la Seine-Saint-Denis,")
                .paragraph("Vu le code général des collectivités territoriales ;")
                .paragraph("Vu la loi n° 2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs "
                        + "relations avec les administrations, notamment son article 10, et le décret n° 2001-495 du "
                        + "6 juin 2001 ;")
                .paragraph("Vu la délibération de la Commission permanente n° " + decision.getDeliberationNumber()
                        + " du " + French.date(decision.getDeliberationDate()) + " ;")
                .paragraph("Arrête :")
                .section("Article 1 — Bénéficiaire et objet")
                .paragraph("Une subvention est attribuée à " + structure.getName() + " ("
                        + structure.getLegalForm().label() + "), "
                        + (structure.getSiret() != null ? "SIRET " + structure.getSiret() : "RNA " + structure.getRna())
                        + ", représentée par " + structure.getLegalRepName() + ", ci-après « la structure », pour le "
                        + "projet « " + application.getTitle() + " » : " + application.getDescription())
                .section("Article 2 — Montant");
        granted.forEach((year, amount) -> pdf.field("Année " + year + " (" + (arrete.getFirstYear() + year - 1) + ")",
                Money.format(amount)));
        pdf.field("Total", Money.format(arrete.getTotalAmount()))
                .section("Article 3 — Versement")
                .paragraph(rules.isArreteSingleInstallment()
                        ? "La subvention est versée en une fois, dans les soixante jours suivant la notification du "
                        + "présent arrêté."
                        : "Une avance de " + terms.advancePercent() + " % du montant de l'année est versée dans les "
                        + "soixante jours suivant la notification du présent arrêté ; le solde est versé après "
                        + "validation du compte-rendu financier.")
                .field("Coordonnées bancaires", structure.getIban() == null ? "à fournir" : structure.getIban())
                .section("Article 4 — Conditions d'utilisation")
                .paragraph("La subvention est affectée exclusivement au projet décrit à l'article 1. La structure "
                        + "informe le Département de toute modification du projet et mentionne son soutien dans sa "
                        + "communication.")
                .section("Article 5 — Compte-rendu et contrôle")
                .paragraph("La structure produit, dans les six mois suivant la fin de l'exercice, le compte-rendu "
                        + "financier de l'action (Cerfa n° 15059), son rapport d'activité et ses comptes approuvés. "
                        + "Le Département peut contrôler l'emploi de la subvention sur pièces et sur place.")
                .section("Article 6 — Reversement")
                .paragraph("Les sommes non utilisées ou utilisées à un autre objet que celui du présent arrêté font "
                        + "l'objet d'un titre de recettes.")
                .section("Article 7 — Voies et délais de recours")
                .paragraph("Le présent arrêté peut faire l'objet d'un recours devant le " + rules.getAppealCourt()
                        + " dans un délai de deux mois à compter de sa notification, y compris par l'application "
                        + "Télérecours citoyens (www.telerecours.fr).")
                .section("Signature")
                .field("Fait le", French.date(arrete.getGeneratedAt()))
                .field(signatory.isDelegation() ? "Pour le Président du Conseil départemental et par délégation"
                        : "Signé", signatory.getName()
                        + (signatory.getTitle() == null || signatory.getTitle().isBlank() ? "" : ", " + signatory.getTitle()));
        return pdf.build();
    }
}
