package fr.agir.payment.desk;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refused attempts of the four-eyes rules, each in its own transaction: the refused action
 * changes nothing (its transaction is rolled back), the attempt stays in the audit trail.
 */
@Service
public class FourEyesAudit {
    private final AuditTrail audit;

    public FourEyesAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** An officer tried to validate the installment he liquidated himself. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refusedValidation(String entity, Long installmentId, Long applicationId, Enum<?> status) {
        audit.record(entity, installmentId, applicationId, AuditAction.PAYMENT_VALIDATION_REFUSED, status, status,
                "Tentative de validation par l'agent qui a liquidé l'échéance : refusée (séparation des tâches)");
    }

    /** An officer tried to verify a bank details change he requested himself. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refusedBankApproval(Long structureId, Long changeId) {
        audit.record(BankDetailsChanges.ENTITY, structureId, null, AuditAction.BANK_DETAILS_CHANGE_SELF_REFUSED,
                null, null, "Demande n° " + changeId + " : la personne qui l'a faite ne peut pas la vérifier");
    }
}
