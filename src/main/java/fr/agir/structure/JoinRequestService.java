package fr.agir.structure;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project leader whose structure already has a case file asks its legal representative, by
 * e-mail through Agir, to invite him. The caller learns nothing about whether the structure
 * exists: the answer is the same either way ({@link #NEUTRAL_ANSWER}).
 */
@Service
public class JoinRequestService {
    public static final String NEUTRAL_ANSWER = "Demande enregistrée. Si une structure portant cet identifiant a "
            + "un dossier dans Agir, son représentant légal est prévenu par e-mail : s'il accepte, il vous "
            + "enverra une invitation. Vous ne recevrez pas d'autre réponse à cette demande.";

    private final StructureRepository structures;
    private final StructureMemberRepository members;
    private final StructureJoinRequestRepository requests;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    public JoinRequestService(StructureRepository structures, StructureMemberRepository members,
                              StructureJoinRequestRepository requests, MailOutbox outbox, MailTemplates mails,
                              CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.structures = structures;
        this.members = members;
        this.requests = requests;
        this.outbox = outbox;
        this.mails = mails;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Mails the legal representative of the structure with this SIRET (or RNA), unless there is
     * none, the caller is already a member, or he already asked today.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public void request(String siretInput, String rnaInput, String messageInput) {
        String siret = Identifiers.normalise(blank(siretInput) ? null : siretInput);
        String rna = Identifiers.normalise(blank(rnaInput) ? null : rnaInput);
        String message = Texts.optional(messageInput, "message", 1000);
        if (siret == null && rna == null) {
            throw new InvalidInputException("Indiquez la structure à rejoindre.",
                    Map.of("siret", "Indiquez le SIRET ou, pour une association sans SIRET, le numéro RNA"));
        }
        if (siret != null && !Identifiers.isValidSiret(siret)) {
            throw new InvalidInputException("Le SIRET n'est pas valide.",
                    Map.of("siret", "SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle"));
        }
        if (rna != null && !Identifiers.isValidRna(rna)) {
            throw new InvalidInputException("Le numéro RNA n'est pas valide.",
                    Map.of("rna", "Numéro RNA invalide : la lettre W suivie de 9 chiffres"));
        }
        Optional<Structure> found = siret != null ? structures.findBySiret(siret) : Optional.empty();
        if (found.isEmpty() && rna != null) {
            found = structures.findByRna(rna);
        }
        String username = currentUser.username();
        LocalDate today = LocalDate.now(clock);
        if (found.isEmpty()
                || members.findByStructureIdAndUsername(found.get().getId(), username).isPresent()
                || requests.existsByStructureIdAndUsernameAndRequestDay(found.get().getId(), username, today)) {
            return;
        }
        Structure structure = found.get();
        requests.save(new StructureJoinRequest(structure.getId(), username, today, message, Instant.now(clock)));
        audit.record(StructureService.ENTITY, structure.getId(), null, AuditAction.JOIN_REQUESTED, null, null, username);
        Map<String, Object> values = new HashMap<>();
        values.put("structure", structure);
        values.put("name", currentUser.displayName());
        values.put("email", currentUser.email().orElse(null));
        values.put("message", message);
        values.put("validityDays", MembershipService.VALIDITY_DAYS);
        outbox.enqueue(mails.mail("join-request", List.of(structure.getLegalRepEmail()), values));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
