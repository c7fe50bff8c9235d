package fr.agir.reporting;

import fr.agir.agreement.Signatory;
import fr.agir.application.Application;
import fr.agir.application.ApplicationLetters;
import fr.agir.application.ApplicationService;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formal reminder letter (mise en demeure) of an overdue financial report: a PDF/A kept with the
 * report, e-mailed to the legal representative and listed among the application's letters (its
 * structure and DIEESS staff; anyone else: not found).
 */
@Component
public class OverdueReportLetter implements ApplicationLetters {
    static final String TITLE = "Mise en demeure — compte rendu financier";

    private final ReportRepository reports;
    private final ApplicationService applications;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final Signatory signatory;
    private final String departmentAddress;

    OverdueReportLetter(ReportRepository reports, ApplicationService applications, StructureService structures,
                        CurrentUser currentUser, Signatory signatory,
                        @Value("${agir.contact.address:Hôtel du Département, 93006 Bobigny Cedex}") String departmentAddress) {
        this.reports = reports;
        this.applications = applications;
        this.structures = structures;
        this.currentUser = currentUser;
        this.signatory = signatory;
        this.departmentAddress = departmentAddress;
    }

    static String fileName(Report report) {
        return "mise-en-demeure-compte-rendu-annee-" + report.getGrantYear() + ".pdf";
    }

    byte[] render(Report report, LocalDate today) {
        Application application = applications.get(report.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        StringBuilder to = new StringBuilder(structure.getName());
        if (structure.getLegalRepName() != null && !structure.getLegalRepName().isBlank()) {
            to.append("\nÀ l'attention de ").append(structure.getLegalRepName()).append(", représentant légal");
        }
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(TITLE + " " + application.getReference())
                .heading("Département de la Seine-Saint-Denis")
                .paragraph(Directorate.DIEESS.label() + " (DIEESS)")
                .paragraph(departmentAddress)
                .paragraph("Bobigny, le " + ReportReminders.day(today))
                .field("Référence", application.getReference() + " — compte rendu financier de l'année "
                        + report.getGrantYear())
                .section("Destinataire")
                .paragraph(to.toString())
                .section("Objet : mise en demeure de produire le compte rendu financier — projet « "
                        + application.getTitle() + " »")
                .paragraph("Madame, Monsieur,")
                .paragraph("La subvention accordée à votre structure pour le projet « " + application.getTitle()
                        + " » l'oblige à produire, dans les six mois suivant la fin de chaque exercice, un compte "
                        + "rendu financier conforme à l'arrêté du 11 octobre 2006 (formulaire Cerfa n° 15059), "
                        + "article 10 de la loi n° 2000-321 du 12 avril 2000.")
                .paragraph("Le compte rendu de l'année " + report.getGrantYear() + " était attendu au plus tard le "
                        + ReportReminders.day(report.getDueDate()) + ". Malgré nos rappels, le Département ne l'a "
                        + "pas reçu : il est en retard de " + ReportReminders.lateDays(report, today) + " jours.")
                .paragraph("Je vous mets en demeure de le déposer sans délai sur le portail Agir, rubrique « Mes "
                        + "candidatures », dossier " + application.getReference() + ", avec le rapport d'activité et "
                        + "les comptes approuvés de l'exercice.")
                .paragraph("À défaut, le Département ne pourra faire aucun nouveau versement, votre structure ne "
                        + "pourra déposer aucune nouvelle candidature, et le reversement des sommes déjà versées "
                        + "pourra être demandé par titre de recettes.");
        return signatory.closeLetter(pdf).build();
    }

    /** The letter of one report of the application, for its structure or DIEESS staff; not found otherwise. */
    @Transactional(readOnly = true)
    public Report letterOf(Long applicationId, Long reportId) {
        Application application = applications.lettersReadable(applicationId);
        Report report = reports.findById(reportId).filter(r -> r.getApplicationId().equals(application.getId()))
                .filter(r -> r.getFormalNoticeAt() != null).orElseThrow(NotFoundException::notYours);
        report.getFormalNoticePdf();
        return report;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Letter> of(Long applicationId) {
        if (applications.lettersReadableIfAny(applicationId).isEmpty()) {
            return List.of();
        }
        return reports.findByApplicationIdOrderByGrantYear(applicationId).stream()
                .filter(r -> r.getFormalNoticeAt() != null)
                .map(r -> new Letter(r.getId(), TITLE + " (année " + r.getGrantYear() + ")", r.getFormalNoticeAt(),
                        "/portail/candidatures/" + applicationId + "/comptes-rendus/" + r.getId() + "/mise-en-demeure"))
                .toList();
    }
}
