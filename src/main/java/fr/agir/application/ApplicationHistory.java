package fr.agir.application;

import fr.agir.audit.AuditEvent;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.web.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's history written for people ("Pièces complètes — candidature recevable", "Avis de
 * la DTER reçu"), never audit codes, with names instead of sign-in names, and only what the reader
 * may see. The structure sees an allow-list of its own steps (never opinions, the jury's work, its
 * members or scores, nor the DIEESS's internal task handling); a directorate sees the instruction
 * without the jury; DIEESS staff see everything.
 */
@Service
public class ApplicationHistory {
    /** Who may read an event: the structure and everyone, the back office (staff and directorates), or staff only. */
    enum Audience { STRUCTURE, BACK_OFFICE, STAFF }

    /** The words of one kind of event, and whether its recorded details may be shown to the structure. */
    record Words(String what, Audience audience, boolean detailForStructure) {
    }

    static final Map<String, Words> WORDS = Map.ofEntries(
            Map.entry("DRAFT_CREATED", new Words("Brouillon créé", Audience.STRUCTURE, false)),
            Map.entry("DRAFT_DELETED", new Words("Brouillon supprimé", Audience.STRUCTURE, false)),
            Map.entry("SUBMITTED", new Words("Candidature déposée", Audience.STRUCTURE, false)),
            Map.entry("WITHDRAWN", new Words("Candidature retirée par la structure", Audience.STRUCTURE, true)),
            Map.entry("DECLARED_COMPLETE", new Words("Pièces complètes — candidature recevable", Audience.STRUCTURE, false)),
            Map.entry("MISSING_PIECES_REQUESTED", new Words("Pièces complémentaires demandées", Audience.STRUCTURE, true)),
            Map.entry("MISSING_PIECES_PROVIDED", new Words("Pièces complémentaires déposées", Audience.STRUCTURE, true)),
            Map.entry("DECLARED_INADMISSIBLE", new Words("Candidature déclarée irrecevable", Audience.STRUCTURE, true)),
            Map.entry("REOPENED", new Words("Recevabilité réexaminée", Audience.STRUCTURE, true)),
            Map.entry("ROUTING_ADJUSTED", new Words("Directions consultées choisies", Audience.BACK_OFFICE, false)),
            Map.entry("OPINION_REQUESTED", new Words("Avis demandé à une direction", Audience.BACK_OFFICE, false)),
            Map.entry("OPINION_REMINDED", new Words("Relance envoyée à une direction", Audience.BACK_OFFICE, false)),
            Map.entry("OPINION_GIVEN", new Words("Avis d'une direction reçu", Audience.BACK_OFFICE, false)),
            Map.entry("OPINION_EXPIRED", new Words("Délai d'avis dépassé : sans avis", Audience.BACK_OFFICE, false)),
            Map.entry("SYNTHESIS_WRITTEN", new Words("Instruction terminée — dossier transmis au jury", Audience.STRUCTURE, false)),
            Map.entry("JURY_APPLICATION_TAKEN", new Words("Inscrite à une séance de jury", Audience.STAFF, false)),
            Map.entry("JURY_APPLICATION_RELEASED", new Words("Retirée d'une séance de jury", Audience.STAFF, false)),
            Map.entry("JURY_ASSIGNED_MANUALLY", new Words("Membre du jury affecté", Audience.STAFF, false)),
            Map.entry("JURY_UNASSIGNED", new Words("Membre du jury retiré du dossier", Audience.STAFF, false)),
            Map.entry("JURY_SCORE_SUBMITTED", new Words("Note d'un membre du jury remise", Audience.STAFF, false)),
            Map.entry("JURY_PROPOSAL_RECORDED", new Words("Proposition du jury enregistrée", Audience.STAFF, false)),
            Map.entry("JURY_RESULT_RECORDED", new Words("Avis du jury rendu — en attente du vote", Audience.STRUCTURE, false)),
            Map.entry("VOTE_RECORDED", new Words("Vote de la Commission permanente enregistré", Audience.STAFF, false)),
            Map.entry("GRANT_VOTED", new Words("Subvention votée par la Commission permanente", Audience.STRUCTURE, true)),
            Map.entry("REJECTED", new Words("Candidature rejetée par la Commission permanente", Audience.STRUCTURE, true)),
            Map.entry("AGREEMENT_GENERATED", new Words("Convention prête à signer", Audience.STRUCTURE, false)),
            Map.entry("AGREEMENT_SIGNED", new Words("Convention signée par la structure", Audience.STRUCTURE, false)),
            Map.entry("AGREEMENT_COUNTERSIGNED", new Words("Convention contresignée par le Département", Audience.STRUCTURE, false)),
            Map.entry("AGREEMENT_IN_FORCE", new Words("Convention en vigueur", Audience.STRUCTURE, false)),
            Map.entry("AGREEMENT_CLOSED", new Words("Convention terminée", Audience.STRUCTURE, false)),
            Map.entry("INSTALLMENT_SCHEDULED", new Words("Versement prévu", Audience.STRUCTURE, true)),
            Map.entry("INSTALLMENT_PREPARED", new Words("Versement liquidé", Audience.STAFF, false)),
            Map.entry("INSTALLMENT_CANCELLED", new Words("Versement annulé", Audience.STRUCTURE, true)),
            Map.entry("PAYMENT_VALIDATED", new Words("Versement validé", Audience.STAFF, false)),
            Map.entry("PAYMENT_RETURNED", new Words("Versement renvoyé pour correction", Audience.STAFF, false)),
            Map.entry("PAYMENT_ORDER_ISSUED", new Words("Versement mis en paiement", Audience.STRUCTURE, true)),
            Map.entry("REPORT_EXPECTED", new Words("Compte rendu financier attendu", Audience.STRUCTURE, true)),
            Map.entry("REPORT_SUBMITTED", new Words("Compte rendu financier remis", Audience.STRUCTURE, false)),
            Map.entry("REPORT_REVIEWED", new Words("Compte rendu financier examiné", Audience.STRUCTURE, true)),
            Map.entry("REPORT_OVERDUE", new Words("Compte rendu financier en retard", Audience.STRUCTURE, true)),
            Map.entry("RECOVERY_ORDER_ISSUED", new Words("Titre de recette émis (reversement demandé)", Audience.STRUCTURE, true)),
            Map.entry("CLOSED", new Words("Dossier clôturé", Audience.STRUCTURE, false)),
            Map.entry("TASK_CLAIMED", new Words("Étape prise en charge", Audience.STAFF, true)),
            Map.entry("TASK_ASSIGNED", new Words("Étape confiée à un agent", Audience.STAFF, true)),
            Map.entry("TASK_RELEASED", new Words("Étape remise dans la file de l'équipe", Audience.STAFF, true)));

    private final ApplicationService applications;
    private final CurrentUser currentUser;
    private final People people;

    public ApplicationHistory(ApplicationService applications, CurrentUser currentUser, People people) {
        this.applications = applications;
        this.currentUser = currentUser;
        this.people = people;
    }

    /** The history of an application the caller may see, oldest first, in words. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(Long applicationId) {
        Audience reader = currentUser.isStaff() ? Audience.STAFF
                : currentUser.hasRole(Role.REVIEWER) ? Audience.BACK_OFFICE : Audience.STRUCTURE;
        List<TimelineEntry> entries = new ArrayList<>();
        for (AuditEvent e : applications.history(applicationId)) {
            Words words = WORDS.get(e.getAction());
            if (words == null || !visible(audience(e, words), reader)) {
                continue;
            }
            boolean details = reader != Audience.STRUCTURE || words.detailForStructure();
            entries.add(new TimelineEntry(e.getOccurredAt(), words.what(), who(e.getActor(), reader),
                    details ? e.getReason() : null));
        }
        return entries;
    }

    /** Whether the structure may read this event (the API's history uses the same rule). */
    static boolean forStructure(AuditEvent e) {
        Words words = WORDS.get(e.getAction());
        return words != null && audience(e, words) == Audience.STRUCTURE;
    }

    /**
     * Who may read an event: its kind's audience, narrowed by what it is about — an opinion is the
     * back office's, the jury's own records (its result with its remarks, its sessions) are the
     * DIEESS's; the structure reads the stage they lead to ("Avis du jury rendu"), recorded apart.
     */
    private static Audience audience(AuditEvent e, Words words) {
        Audience about = "JURY_RESULT".equals(e.getEntityType()) || "JURY_SESSION".equals(e.getEntityType())
                ? Audience.STAFF : "OPINION".equals(e.getEntityType()) ? Audience.BACK_OFFICE : Audience.STRUCTURE;
        return about.ordinal() > words.audience().ordinal() ? about : words.audience();
    }

    private static boolean visible(Audience of, Audience reader) {
        return of.ordinal() <= reader.ordinal();
    }

    /** Names for the back office; for the structure, its own people by name and the Département's as a service. */
    private String who(String actor, Audience reader) {
        if (actor == null || CurrentUser.SYSTEM.equals(actor)) {
            return null;
        }
        if (reader != Audience.STRUCTURE) {
            return people.name(actor);
        }
        Optional<People.Person> person = people.find(actor);
        if (person.isPresent() && person.get().roles().contains(Role.APPLICANT)) {
            return person.get().name();
        }
        return person.isPresent() && person.get().roles().stream().anyMatch(r -> r == Role.INSTRUCTOR || r == Role.ADMIN)
                ? "DIEESS" : null;
    }
}
