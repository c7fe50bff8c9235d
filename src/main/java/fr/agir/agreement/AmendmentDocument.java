package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.security.People;
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
 * The avenant as a PDF/A-2b (through {@link PdfDocumentBuilder}): the agreement and the délibération it
 * amends, the articles it changes (duration, amounts per year and schedule, bank details), its object and
 * reason, and the signature page. Its wording lives here, apart from the agreement's.
 */
@Component
public class AmendmentDocument {
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final PaymentTerms terms;
    private final People people;

    public AmendmentDocument(ApplicationService applications, StructureService structures, VoteService votes,
                             PaymentTerms terms, People people) {
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.terms = terms;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public byte[] render(Amendment amendment, Agreement agreement) {
        Application application = applications.get(agreement.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        Decision decision = votes.of(application.getId());
        Map<Integer, BigDecimal> amounts = amendment.getAmounts();
        int duration = amendment.getDurationYears();
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Avenant " + amendment.getNumber())
                .heading("Avenant n° " + amendment.getRank() + " à la convention pluriannuelle d'objectifs n° "
                        + agreement.getNumber())
                .paragraph("Avenant " + amendment.getNumber() + " — Appel à Agir, dossier " + application.getReference())
                .section("Entre")
                .paragraph("Le Département de la Seine-Saint-Denis, représenté par le Président du Conseil "
                        + "départemental, agissant en vertu de la délibération de la Commission permanente n° "
                        + decision.getDeliberationNumber() + " du " + French.date(decision.getDeliberationDate())
                        + ", qui a attribué à la structure une subvention de " + Money.format(decision.getTotal())
                        + " sur " + French.years(decision.getDurationYears()) + ",")
                .paragraph("et " + structure.getName() + " (" + structure.getLegalForm().label() + "), "
                        + (structure.getSiret() != null ? "SIRET " + structure.getSiret() : "RNA " + structure.getRna())
                        + ", représentée par " + structure.getLegalRepName() + ", ci-après « la structure ».")
                .section("Préambule")
                .paragraph("La convention n° " + agreement.getNumber() + " a été signée par la structure"
                        + (agreement.getSignedAt() == null ? "" : " le " + French.date(agreement.getSignedAt()))
                        + " et contresignée par le Département"
                        + (agreement.getCountersignedAt() == null ? "" : " le " + French.date(agreement.getCountersignedAt()))
                        + ". Le présent avenant la modifie dans la limite du montant voté ; ses autres stipulations "
                        + "demeurent inchangées.")
                .section("Article 1 — Objet de l'avenant")
                .paragraph(amendment.getObject())
                .field("Motif", amendment.getReason())
                .section("Article 2 — Durée (modifie l'article 2 de la convention)")
                .paragraph(duration > 1
                        ? "La convention porte sur " + duration + " années, de " + agreement.getFirstYear() + " à "
                        + (agreement.getFirstYear() + duration - 1) + "."
                        : "La convention porte sur l'année " + agreement.getFirstYear() + ".")
                .section("Article 3 — Montant de la subvention (modifie l'article 3 de la convention)");
        amounts.forEach((year, amount) -> pdf.field("Année " + year + " (" + (agreement.getFirstYear() + year - 1) + ")",
                Money.format(amount)));
        pdf.field("Total", Money.format(amendment.getTotalAmount()))
                .field("Montant voté par la Commission permanente", Money.format(decision.getTotal()))
                .section("Article 4 — Modalités de versement (modifie l'article 4 de la convention)")
                .paragraph("Les versements déjà liquidés ou payés restent acquis et ne sont pas modifiés. Pour chaque "
                        + "année, les versements restant à effectuer sont recalculés sur le nouveau montant : une avance "
                        + "de " + terms.advancePercent() + " % du montant de l'année lorsqu'elle n'a pas encore été "
                        + "versée, puis le solde, après validation du compte-rendu financier de l'année.");
        if (amendment.isBankDetailsChanged()) {
            pdf.section("Article 5 — Coordonnées bancaires")
                    .paragraph("La structure ayant changé de compte bancaire, les versements restant à effectuer sont "
                            + "faits sur le compte suivant, repris de son dossier :")
                    .field("IBAN", amendment.getIban());
        }
        pdf.section("Article " + (amendment.isBankDetailsChanged() ? 6 : 5) + " — Entrée en vigueur")
                .paragraph("Le présent avenant entre en vigueur à la date de sa contresignature par le Département.")
                .section("Signatures")
                .field("Pour la structure", amendment.getSignedAt() == null ? "non signé"
                        : "signé par " + people.name(amendment.getSignedBy()) + " le " + French.date(amendment.getSignedAt()))
                .field("Pour le Département", amendment.getCountersignedAt() == null ? "non signé"
                        : "signé par " + people.name(amendment.getCountersignedBy()) + " le "
                        + French.date(amendment.getCountersignedAt()))
                .paragraph(AgreementService.SEAL_MEANING.replace("de la convention", "de l'avenant"));
        return pdf.build();
    }
}
