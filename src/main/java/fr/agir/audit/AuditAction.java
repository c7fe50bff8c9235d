package fr.agir.audit;

import static fr.agir.audit.AuditReader.APPLICANT;
import static fr.agir.audit.AuditReader.FINANCE;
import static fr.agir.audit.AuditReader.REVIEWER;
import static fr.agir.audit.AuditReader.STAFF;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of audit event, declared once: its code (stored in {@code audit_event.action}), its
 * words for people, who may read it ({@link AuditReader}) and whether the structure may read its
 * recorded details (the reason). {@link AuditTrail#record} takes only these, so a new kind of event
 * cannot be recorded without an audience; every history, list and export reads {@link #readableBy}.
 *
 * <p>The audience of one event is its kind's, narrowed by what it is about ({@link #narrowing}):
 * an opinion is never the structure's, the jury's own records (sessions, results with their remarks,
 * scores, conflicts, grids) and the DIEESS's task handling are staff's only. A jury member reads
 * nothing of the history: his jury pages show what is his. The structure reads its stages in words
 * ("Avis du jury rendu — en attente du vote", recorded on the application itself).
 */
public enum AuditAction {
    // The application's stages: the structure's, the consulted directorates', the DIEESS's.
    DRAFT_CREATED("Brouillon créé", false, APPLICANT, STAFF),
    DRAFT_DELETED("Brouillon supprimé", false, APPLICANT, STAFF),
    SUBMITTED("Candidature déposée", false, APPLICANT, REVIEWER, STAFF),
    WITHDRAWN("Candidature retirée par la structure", true, APPLICANT, REVIEWER, STAFF),
    DECLARED_COMPLETE("Pièces complètes — candidature recevable", false, APPLICANT, REVIEWER, STAFF),
    MISSING_PIECES_REQUESTED("Pièces complémentaires demandées", true, APPLICANT, REVIEWER, STAFF),
    MISSING_PIECES_PROVIDED("Pièces complémentaires déposées", true, APPLICANT, REVIEWER, STAFF),
    DECLARED_INADMISSIBLE("Candidature déclarée irrecevable", true, APPLICANT, REVIEWER, STAFF),
    REOPENED("Recevabilité réexaminée", true, APPLICANT, REVIEWER, STAFF),
    SYNTHESIS_WRITTEN("Instruction terminée — dossier transmis au jury", false, APPLICANT, REVIEWER, STAFF),
    JURY_RESULT_RECORDED("Avis du jury rendu — en attente du vote", false, APPLICANT, REVIEWER, STAFF),
    GRANT_VOTED("Subvention votée par la Commission permanente", true, APPLICANT, REVIEWER, FINANCE, STAFF),
    REJECTED("Candidature rejetée par la Commission permanente", true, APPLICANT, REVIEWER, STAFF),
    CLOSED("Dossier clôturé", false, APPLICANT, REVIEWER, FINANCE, STAFF),
    // A later délibération: the structure reads that its grant was amended or withdrawn, and by which one.
    DECISION_REVISED("Décision modifiée par une nouvelle délibération de la Commission permanente", true,
            APPLICANT, REVIEWER, FINANCE, STAFF),
    GRANT_WITHDRAWN("Subvention retirée par délibération de la Commission permanente", true,
            APPLICANT, REVIEWER, FINANCE, STAFF),

    // The consulted directorates (an opinion is never the structure's: see narrowing).
    ROUTING_ADJUSTED("Directions consultées choisies", false, REVIEWER, STAFF),
    OPINION_REQUESTED("Avis demandé à une direction", false, REVIEWER, STAFF),
    OPINION_REMINDED("Relance envoyée à une direction", false, REVIEWER, STAFF),
    OPINION_GIVEN("Avis d'une direction reçu", false, REVIEWER, STAFF),
    OPINION_EXPIRED("Délai d'avis dépassé : sans avis", false, REVIEWER, STAFF),

    // The jury's work: the DIEESS's only (members, scores, conflicts, proposals).
    JURY_SESSION_CREATED("Séance de jury créée", false, STAFF),
    JURY_MEMBER_ADDED("Membre ajouté à une séance de jury", false, STAFF),
    JURY_MEMBER_UPDATED("Membre d'une séance de jury modifié", false, STAFF),
    JURY_MEMBER_REMOVED("Membre retiré d'une séance de jury", false, STAFF),
    JURY_APPLICATION_TAKEN("Inscrite à une séance de jury", false, STAFF),
    JURY_APPLICATION_RELEASED("Retirée d'une séance de jury", false, STAFF),
    JURY_ASSIGNED_AUTOMATICALLY("Dossiers répartis entre les membres du jury", false, STAFF),
    JURY_ASSIGNED_MANUALLY("Membre du jury affecté", false, STAFF),
    JURY_UNASSIGNED("Membre du jury retiré du dossier", false, STAFF),
    JURY_SCORING_OPENED("Notation du jury ouverte", false, STAFF),
    JURY_REMINDED("Relance envoyée aux membres du jury", false, STAFF),
    JURY_REMINDER_SKIPPED("Relance du jury sans destinataire", false, STAFF),
    JURY_SCORE_SUBMITTED("Note d'un membre du jury remise", false, STAFF),
    JURY_DELIBERATION_OPENED("Délibération du jury ouverte", false, STAFF),
    JURY_PROPOSAL_RECORDED("Proposition du jury enregistrée", false, STAFF),
    JURY_SESSION_CLOSED("Séance de jury close", false, STAFF),
    SCORING_GRID_SAVED("Grille de notation enregistrée", false, STAFF),
    SCORING_GRID_FROZEN("Grille de notation figée", false, STAFF),
    CONFLICT_DECLARED("Conflit d'intérêts déclaré", false, STAFF),
    CONFLICT_SUGGESTED("Conflit d'intérêts suggéré", false, STAFF),
    CONFLICT_WITHDRAWN("Conflit d'intérêts retiré", false, STAFF),
    CONFLICT_CONFIRMED("Conflit d'intérêts confirmé", false, STAFF),
    CONFLICT_PINNED("Conflit d'intérêts maintenu par un administrateur", false, STAFF),
    CONFLICT_DISMISSED("Conflit d'intérêts levé par un administrateur", false, STAFF),
    MANDATE_DECLARED("Mandat déclaré par un membre du jury", false, STAFF),

    // The Commission permanente's sittings, their reports and its elected members: the DIEESS's
    // only (the structure learns the outcome when the vote is recorded: VOTE_RECORDED, GRANT_VOTED, REJECTED).
    CP_SITTING_CREATED("Séance de la Commission permanente créée", false, STAFF),
    CP_REPORT_BUILT("Rapport à la Commission permanente constitué", false, STAFF),
    CP_LINE_ADJUSTED("Proposition ajustée dans le rapport à la Commission permanente", false, STAFF),
    CP_REPORT_SENT("Rapport envoyé aux élus de la Commission permanente", false, STAFF),
    CP_LINE_ADJOURNED("Dossier ajourné par la Commission permanente", false, STAFF),
    CP_SITTING_VOTED("Délibération de la Commission permanente enregistrée", false, STAFF),
    ELECTED_MEMBER_ADDED("Élu ajouté à la Commission permanente", false, STAFF),
    ELECTED_MEMBER_UPDATED("Élu de la Commission permanente modifié", false, STAFF),
    ELECTED_LINK_DECLARED("Lien d'un élu avec une structure déclaré", false, STAFF),
    ELECTED_LINK_REMOVED("Lien d'un élu avec une structure retiré", false, STAFF),

    // The vote, the agreement, the payments and the reports: finance follows them.
    VOTE_RECORDED("Vote de la Commission permanente enregistré", false, FINANCE, STAFF),
    LETTER_SENT("Courrier de décision envoyé", true, APPLICANT, STAFF),
    AGREEMENT_GENERATED("Convention prête à signer", false, APPLICANT, FINANCE, STAFF),
    AGREEMENT_SIGNATURE_REMINDED("Relance pour la signature de la convention", false, APPLICANT, STAFF),
    AGREEMENT_SIGNATURE_OVERDUE("Convention toujours pas signée après les relances", false, APPLICANT, STAFF),
    AGREEMENT_SIGNED("Convention signée par la structure", false, APPLICANT, FINANCE, STAFF),
    AGREEMENT_COUNTERSIGNED("Convention contresignée par le Département", false, APPLICANT, FINANCE, STAFF),
    AGREEMENT_IN_FORCE("Convention en vigueur", false, APPLICANT, REVIEWER, FINANCE, STAFF),
    AGREEMENT_CLOSED("Convention terminée", false, APPLICANT, FINANCE, STAFF),
    AMENDMENT_DRAFTED("Avenant préparé par l'instruction", false, STAFF),
    AMENDMENT_CANCELLED("Avenant abandonné avant signature", false, STAFF),
    AMENDMENT_TO_SIGN("Avenant à signer par la structure", true, APPLICANT, FINANCE, STAFF),
    AMENDMENT_SIGNED("Avenant signé par la structure", true, APPLICANT, FINANCE, STAFF),
    AMENDMENT_IN_FORCE("Avenant contresigné — en vigueur", true, APPLICANT, FINANCE, STAFF),
    // The one-time code e-mailed to the signer before a signature (the structure's own; the DIEESS audits it).
    SIGNATURE_CODE_SENT("Code de signature envoyé par e-mail", true, APPLICANT, STAFF),
    SIGNATURE_CODE_REFUSED("Code de signature refusé", true, APPLICANT, STAFF),
    ARRETE_ISSUED("Arrêté attributif établi", false, APPLICANT, FINANCE, STAFF),
    ARRETE_IN_FORCE("Arrêté attributif en vigueur", false, APPLICANT, REVIEWER, FINANCE, STAFF),
    ARRETE_CLOSED("Arrêté attributif soldé", false, APPLICANT, FINANCE, STAFF),
    INSTALLMENT_SCHEDULED("Versement prévu", true, APPLICANT, FINANCE, STAFF),
    INSTALLMENT_PREPARED("Versement liquidé", false, FINANCE, STAFF),
    INSTALLMENT_CANCELLED("Versement annulé", true, APPLICANT, FINANCE, STAFF),
    PAYMENT_VALIDATED("Versement validé", false, FINANCE, STAFF),
    PAYMENT_RETURNED("Versement renvoyé pour correction", false, FINANCE, STAFF),
    PAYMENT_ORDER_ISSUED("Versement mis en paiement", true, APPLICANT, FINANCE, STAFF),
    PAYMENT_CONFIRMED("Versement payé", true, APPLICANT, FINANCE, STAFF),
    REPORT_EXPECTED("Compte rendu financier attendu", true, APPLICANT, FINANCE, STAFF),
    REPORT_SUBMITTED("Compte rendu financier remis", false, APPLICANT, FINANCE, STAFF),
    REPORT_REVIEWED("Compte rendu financier examiné", true, APPLICANT, FINANCE, STAFF),
    REPORT_OVERDUE("Compte rendu financier en retard", true, APPLICANT, FINANCE, STAFF),
    REPORT_REMINDED("Rappel de l'échéance du compte rendu financier", true, APPLICANT, FINANCE, STAFF),
    REPORT_FORMAL_NOTICE("Mise en demeure de déposer le compte rendu financier", true, APPLICANT, FINANCE, STAFF),
    // The DIEESS's own follow-up of a late report (whom it called, what was said): staff's only.
    REPORT_FOLLOWED_UP("Relance du compte rendu financier en retard effectuée", false, STAFF),
    GRANT_CLOSED("Subvention soldée : versements et comptes rendus terminés", true, APPLICANT, FINANCE, STAFF),
    PAYMENT_VALIDATION_REFUSED("Validation refusée : même agent que la liquidation", false, FINANCE, STAFF),
    RECOVERY_ORDER_ISSUED("Titre de recette émis (reversement demandé)", true, APPLICANT, FINANCE, STAFF),
    RECOVERY_ORDER_EXPORTED("Titre de recette transmis au logiciel financier", false, FINANCE, STAFF),
    RECOVERY_ORDER_RECOVERED("Titre de recette recouvré", true, APPLICANT, FINANCE, STAFF),
    RECOVERY_ORDER_CANCELLED("Titre de recette annulé", true, APPLICANT, FINANCE, STAFF),
    // Budget credits (payment.credit): the finance's and the DIEESS's, never the structure's.
    CREDIT_SET("Crédit budgétaire (AE ou CP) ouvert ou modifié", false, FINANCE, STAFF),
    COMMITMENT_RECORDED("Subvention engagée sur l'autorisation d'engagement", false, FINANCE, STAFF),
    COMMITMENT_CHANGED("Engagement modifié", false, FINANCE, STAFF),

    // The DIEESS's handling of its queue.
    TASK_CLAIMED("Étape prise en charge", false, STAFF),
    TASK_ASSIGNED("Étape confiée à un agent", false, STAFF),
    TASK_RELEASED("Étape remise dans la file de l'équipe", false, STAFF),

    // The structure's case file and its members.
    STRUCTURE_REGISTERED("Structure inscrite", true, APPLICANT, STAFF),
    DOCUMENT_UPLOADED("Pièce déposée au dossier de la structure", true, APPLICANT, STAFF),
    MEMBER_INVITED("Membre invité", true, APPLICANT, STAFF),
    MEMBER_JOINED("Membre ajouté à la structure", true, APPLICANT, STAFF),
    MEMBER_LEFT("Membre parti de la structure", true, APPLICANT, STAFF),
    MEMBER_REMOVED("Membre retiré de la structure", true, APPLICANT, STAFF),
    INVITATION_REVOKED("Invitation annulée", true, APPLICANT, STAFF),
    BANK_DETAILS_CHANGE_REQUESTED("Changement de coordonnées bancaires demandé", true, APPLICANT, FINANCE, STAFF),
    BANK_DETAILS_CHANGE_APPROVED("Nouvelles coordonnées bancaires vérifiées par les finances", true, APPLICANT, FINANCE, STAFF),
    BANK_DETAILS_CHANGE_REJECTED("Changement de coordonnées bancaires refusé par les finances", true, APPLICANT, FINANCE, STAFF),
    BANK_DETAILS_CHANGE_SELF_REFUSED("Vérification refusée : l'agent a lui-même demandé le changement", false, FINANCE, STAFF),
    JOIN_REQUESTED("Demande à rejoindre la structure", true, APPLICANT, STAFF),
    // Open data (fr.agir.opendata): a natural person is never published.
    NATURAL_PERSON_DECLARED("Structure déclarée personne physique : absente des données ouvertes", false, STAFF),
    NATURAL_PERSON_CLEARED("Structure déclarée personne morale : publiée dans les données ouvertes", false, STAFF),

    // Campaigns and refused accesses: the DIEESS's.
    CAMPAIGN_CREATED("Appel à projets créé", false, STAFF),
    CAMPAIGN_OPENED("Appel à projets ouvert", false, STAFF),
    CAMPAIGN_CLOSED("Appel à projets clos", false, STAFF),
    CAMPAIGN_UPDATED("Appel à projets modifié", false, STAFF),
    // The directorates kept by the administrator (/administration/directions).
    DIRECTORATE_CREATED("Direction ajoutée", false, STAFF),
    DIRECTORATE_UPDATED("Direction modifiée", false, STAFF),
    ACCESS_DENIED("Accès refusé", false, STAFF),
    // Webhooks (fr.agir.webhook): the administrators' registrations and replays.
    WEBHOOK_REGISTERED("Point de réception de webhooks enregistré", false, STAFF),
    WEBHOOK_SECRET_ROTATED("Secret d'un webhook renouvelé", false, STAFF),
    WEBHOOK_ENABLED("Webhook réactivé", false, STAFF),
    WEBHOOK_DISABLED("Webhook désactivé", false, STAFF),
    WEBHOOK_REPLAYED("Livraison de webhook relancée", false, STAFF),
    UPLOAD_REFUSED_MALWARE("Fichier refusé par l'antivirus", false, STAFF);

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    /** Entity types whose events are staff's only, whatever their kind. */
    private static final Set<String> STAFF_ONLY = Set.of("JURY_RESULT", "JURY_SESSION", "JURY_CONFLICT",
            "SCORING_GRID", "TASK", "ACCESS");

    private final String words;
    private final boolean detailsForApplicant;
    private final Set<AuditReader> audience;

    AuditAction(String words, boolean detailsForApplicant, AuditReader first, AuditReader... others) {
        this.words = words;
        this.detailsForApplicant = detailsForApplicant;
        this.audience = Collections.unmodifiableSet(EnumSet.of(first, others));
    }

    /** The code stored in {@code audit_event.action}. */
    public String code() {
        return name();
    }

    /** What happened, in French, as the histories say it. */
    public String words() {
        return words;
    }

    /** Whether the structure may read the event's recorded reason (a refusal's motive, an amount it is owed). */
    public boolean detailsForApplicant() {
        return detailsForApplicant;
    }

    /** Who may read this kind of event, before narrowing by what it is about. */
    public Set<AuditReader> audience() {
        return audience;
    }

    /** Who may read an event of this kind about an entity of this type. */
    public Set<AuditReader> audienceAbout(String entityType) {
        Set<AuditReader> result = EnumSet.copyOf(audience);
        result.retainAll(narrowing(entityType));
        return result;
    }

    /**
     * The readers an entity type allows: an opinion is the directorates' and the DIEESS's; the jury's
     * records, the task queue and refused accesses are staff's; anything else allows everyone.
     */
    public static Set<AuditReader> narrowing(String entityType) {
        if ("OPINION".equals(entityType)) {
            return EnumSet.of(REVIEWER, STAFF);
        }
        return STAFF_ONLY.contains(entityType) ? EnumSet.of(STAFF) : EnumSet.allOf(AuditReader.class);
    }

    /** The declared kind of this code, if any. */
    public static Optional<AuditAction> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** Whether this reader may read this event; an event of no declared kind is nobody's but staff's. */
    public static boolean readableBy(AuditEvent event, AuditReader reader) {
        if (reader == null) {
            return false;
        }
        return of(event.getAction()).map(a -> a.audienceAbout(event.getEntityType()).contains(reader))
                .orElse(reader == STAFF);
    }
}
