package fr.agir.agreement;

import fr.agir.vote.SignedAgreements;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SignedAgreements} for the délibération modificative: an agreement signed by its structure. */
@Component
public class AgreementSignatures implements SignedAgreements {
    private final AgreementRepository agreements;

    public AgreementSignatures(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SignedAgreement> of(Long applicationId) {
        return agreements.findByApplicationId(applicationId).filter(Agreement::isSignedAgreement)
                .map(a -> new SignedAgreement(a.getId(), a.getNumber(),
                        AmendmentPages.FORM.replace("{agreementId}", String.valueOf(a.getId()))));
    }
}
