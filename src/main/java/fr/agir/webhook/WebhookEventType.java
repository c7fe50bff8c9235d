package fr.agir.webhook;

import fr.agir.audit.AuditAction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The events other systems can subscribe to, each derived from the audit events its business step
 * already records ({@link fr.agir.audit.AuditTrail#record}): no service had to change to emit them.
 */
public enum WebhookEventType {
    APPLICATION_SUBMITTED("application.submitted", "Candidature déposée", EnumSet.of(AuditAction.SUBMITTED)),
    /** The Commission permanente's vote, and a later délibération that amends or withdraws the grant. */
    APPLICATION_DECIDED("application.decided", "Décision de la Commission permanente",
            EnumSet.of(AuditAction.GRANT_VOTED, AuditAction.REJECTED, AuditAction.DECISION_REVISED,
                    AuditAction.GRANT_WITHDRAWN)),
    AGREEMENT_SIGNED("agreement.signed", "Convention signée par la structure", EnumSet.of(AuditAction.AGREEMENT_SIGNED)),
    AGREEMENT_COUNTERSIGNED("agreement.countersigned", "Convention contresignée par le Département",
            EnumSet.of(AuditAction.AGREEMENT_COUNTERSIGNED)),
    INSTALLMENT_PAID("installment.paid", "Versement payé", EnumSet.of(AuditAction.PAYMENT_CONFIRMED)),
    REPORT_SUBMITTED("report.submitted", "Compte rendu financier remis", EnumSet.of(AuditAction.REPORT_SUBMITTED)),
    REPORT_REVIEWED("report.reviewed", "Compte rendu financier examiné", EnumSet.of(AuditAction.REPORT_REVIEWED));

    private final String code;
    private final String label;
    private final Set<AuditAction> actions;

    WebhookEventType(String code, String label, Set<AuditAction> actions) {
        this.code = code;
        this.label = label;
        this.actions = actions;
    }

    /** The {@code type} of the payload, as subscribed: "application.submitted". */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Set<AuditAction> actions() {
        return actions;
    }

    public static Optional<WebhookEventType> of(AuditAction action) {
        return Arrays.stream(values()).filter(t -> t.actions.contains(action)).findFirst();
    }

    public static Optional<WebhookEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
