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

/** The agreement as a PDF, written from the decision, the granted amounts and the case file. */
@Component
public class AgreementDocument {
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final PaymentTerms terms;
    private final fr.agir.security.People people;

    public AgreementDocument(ApplicationService applications, StructureService structures, VoteService votes,
                             PaymentTerms terms,
                             fr.agir.security.People people) {
        this.people = people;
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.terms = terms;
    }

    @Transactional(readOnly = true)
    public byte[] render(Agreement agreement) {
        Application application = applications.get(agreement.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        Decision decision = votes.of(application.getId());
        Map<Integer, BigDecimal> granted = applications.amounts(application.getId(), AmountKind.GRANTED);
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Convention " + agreement.getNumber())
                .heading("Convention pluriannuelle d'objectifs n° " + agreement.getNumber())
                .paragraph("Appel à Agir — dossier " + application.getReference())
                .section("Entre")
                .paragraph("Le Département de la Seine-Saint-Denis, représenté par le Président du Conseil "
                        + "départemental, autorisé par la délibération de la Commission permanente n° "
                        + decision.getDeliberationNumber() + " du " + French.date(decision.getDeliberationDate()) + ",")
                .paragraph("et " + structure.getName() + " (" + structure.getLegalForm().label() + "), "
                        + (structure.getSiret() != null ? "SIRET " + structure.getSiret() : "RNA " + structure.getRna())
                        + ", représentée par " + structure.getLegalRepName() + ", ci-après « la structure ».")
                .section("Article 1 — Objet")
                .paragraph("La structure s'engage à mettre en œuvre le projet « " + application.getTitle() + " » : "
                        + application.getDescription())
                .section("Article 2 — Durée")
                .paragraph(agreement.getDurationYears() > 1
                        ? "La présente convention porte sur " + agreement.getDurationYears() + " années, de "
                        + agreement.getFirstYear() + " à " + (agreement.getFirstYear() + agreement.getDurationYears() - 1) + "."
                        : "La présente convention porte sur l'année " + agreement.getFirstYear() + ".")
                .section("Article 3 — Montant de la subvention");
        granted.forEach((year, amount) -> pdf.field("Année " + year + " (" + (agreement.getFirstYear() + year - 1) + ")",
                Money.format(amount)));
        pdf.field("Total", Money.format(agreement.getTotalAmount()))
                .section("Article 4 — Modalités de versement")
                .paragraph("Chaque année, une avance de " + terms.advancePercent() + " % du montant de l'année est "
                        + "versée à la signature de la convention (année 1) ou, pour l'année 2, une fois l'année 1 "
                        + "soldée ; le solde est versé après validation du compte-rendu financier de l'année. "
                        + "L'année 2 n'est versée que sous réserve de l'inscription des crédits au budget départemental.")
                .field("Coordonnées bancaires", structure.getIban() == null ? "à fournir" : structure.getIban())
                .section("Article 5 — Compte-rendu et contrôle")
                .paragraph("La structure produit, dans les six mois suivant la fin de chaque exercice, le compte-rendu "
                        + "financier de l'action (Cerfa n° 15059), son rapport d'activité et ses comptes approuvés.")
                .section("Article 6 — Reversement")
                .paragraph("Les sommes non utilisées ou utilisées à un autre objet que celui de la convention font "
                        + "l'objet d'un titre de recettes.")
                .section("Signatures")
                .field("Pour la structure", agreement.getSignedAt() == null ? "non signée"
                        : "signée par " + people.name(agreement.getSignedBy()) + " le " + French.date(agreement.getSignedAt()))
                .field("Pour le Département", agreement.getCountersignedAt() == null ? "non signée"
                        : "signée par " + people.name(agreement.getCountersignedBy()) + " le "
                        + French.date(agreement.getCountersignedAt()));
        return pdf.build();
    }
}
