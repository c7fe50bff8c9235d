package fr.agir.application;

import fr.agir.campaign.CampaignService;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dated receipt (accusé de réception) of a submitted application, as PDF. */
@Component
public class SubmissionReceipt {
    private final ApplicationService applications;
    private final StructureService structures;
    private final CampaignService campaigns;

    public SubmissionReceipt(ApplicationService applications, StructureService structures, CampaignService campaigns) {
        this.applications = applications;
        this.structures = structures;
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public byte[] render(Long applicationId) {
        Application application = applications.visible(applicationId);
        if (application.getSubmittedAt() == null) {
            throw new StateConflictException("Cette candidature n'est pas encore déposée : pas d'accusé de réception.");
        }
        Structure structure = structures.get(application.getStructureId());
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Accusé de réception " + application.getReference())
                .heading("Accusé de réception de votre candidature")
                .paragraph(campaigns.get(application.getCampaignId()).getName())
                .field("Référence", application.getReference())
                .field("Déposée le", French.dateTime(application.getSubmittedAt()))
                .field("Déposée par", application.getSubmittedBy())
                .field("Structure", structure.getName() + (structure.getSiret() != null
                        ? " (SIRET " + structure.getSiret() + ")" : " (RNA " + structure.getRna() + ")"))
                .field("Projet", application.getTitle())
                .field("Thématique", application.getThematic().label())
                .field("Durée", fr.agir.shared.French.years(application.getDurationYears()));
        for (YearBudget budget : applications.budgets(applicationId)) {
            pdf.field("Montant demandé, année " + budget.year(), Money.format(budget.requestedAmount()));
        }
        return pdf.paragraph("Votre candidature est enregistrée. Le service instructeur vérifie maintenant qu'elle est "
                        + "complète ; s'il manque une pièce, vous serez prévenu·e et pourrez la déposer dans votre "
                        + "dossier. Cet accusé de réception ne vaut pas décision d'attribution.")
                .build();
    }
}
