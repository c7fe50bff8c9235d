package fr.agir.agreement;

import fr.agir.instruction.CaseAgreementVersions;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case page's list of the agreement's versions and its link to prepare (or resume) an avenant. */
@Component
class AmendmentCaseVersions implements CaseAgreementVersions {
    private final AgreementRepository agreements;
    private final AmendmentService amendments;

    AmendmentCaseVersions(AgreementRepository agreements, AmendmentService amendments) {
        this.agreements = agreements;
        this.amendments = amendments;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Versions> of(Long applicationId) {
        return agreements.findByApplicationId(applicationId).filter(a -> !a.isArrete()).map(agreement -> {
            List<Version> versions = AmendmentPages.versions(agreement, amendments).stream()
                    .map(v -> new Version(v.name(), v.date(), v.status(), v.pdf())).toList();
            Amendment open = amendments.of(agreement).stream().filter(a -> a.getStatus().open()).findFirst()
                    .orElse(null);
            String href = null;
            String label = null;
            if (open != null) {
                href = "/instruction/avenants/" + open.getId();
                label = open.getStatus() == Amendment.Status.DRAFT ? "Reprendre l’avenant " + open.getShortName()
                        + " en préparation" : "Suivre l’avenant " + open.getShortName() + " en cours de signature";
            } else if (agreement.getStatus() == Agreement.Status.IN_FORCE) {
                href = "/instruction/conventions/" + agreement.getId() + "/avenant";
                label = "Préparer un avenant";
            }
            return new Versions(versions, href, label);
        });
    }
}
