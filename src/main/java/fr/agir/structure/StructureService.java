package fr.agir.structure;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers structures and guards who may see or act for them. */
@Service
public class StructureService {
    public static final String ENTITY = "STRUCTURE";

    private final StructureRepository structures;
    private final StructureMemberRepository members;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    public StructureService(StructureRepository structures, StructureMemberRepository members,
                            CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.structures = structures;
        this.members = members;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public record Registration(String name, LegalForm legalForm, String siret, String rna, String addressLine,
                               String postalCode, String commune, String legalRepName, String legalRepEmail,
                               String iban, String bic) {
    }

    /** The caller registers a structure and becomes its legal representative in Agir. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Structure register(Registration r) {
        String siret = Identifiers.normalise(blankToNull(r.siret()));
        String rna = Identifiers.normalise(blankToNull(r.rna()));
        String iban = Identifiers.normalise(blankToNull(r.iban()));
        String bic = Identifiers.normalise(blankToNull(r.bic()));
        Map<String, String> errors = new LinkedHashMap<>();
        if (siret == null && rna == null) {
            errors.put("siret", "Indiquez le SIRET ou, pour une association sans SIRET, le numéro RNA");
        }
        if (siret != null && !Identifiers.isValidSiret(siret)) {
            errors.put("siret", "SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle");
        }
        if (rna != null && !Identifiers.isValidRna(rna)) {
            errors.put("rna", "Numéro RNA invalide : la lettre W suivie de 9 chiffres");
        }
        // An existing structure comes first: whatever else was typed, the answer is to join it.
        if (errors.isEmpty() && (siret != null && structures.findBySiret(siret).isPresent()
                || rna != null && structures.findByRna(rna).isPresent())) {
            throw new StateConflictException("Cette structure a déjà un dossier dans Agir : demandez à son "
                    + "représentant légal de vous inviter plutôt que d'en créer un second.",
                    Map.of("joinRequest", JoinRequestApi.PATH));
        }
        if (iban != null && !Identifiers.isValidIban(iban)) {
            errors.put("iban", "IBAN invalide : vérifiez sa saisie (27 caractères pour un compte français)");
        }
        if (bic != null && !Identifiers.isValidBic(bic)) {
            errors.put("bic", "BIC invalide : 8 ou 11 caractères");
        }
        Commune commune = Commune.find(r.commune()).orElse(null);
        String postalCode = r.postalCode() == null ? null : r.postalCode().strip();
        if (commune == null) {
            errors.put("commune", "Choisissez la commune du siège parmi les 40 communes de la Seine-Saint-Denis");
        } else if (postalCode == null || !commune.postalCodes().contains(postalCode)) {
            errors.put("postalCode", "Code postal de " + commune.label() + " : "
                    + String.join(" ou ", new java.util.TreeSet<>(commune.postalCodes())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Certaines informations de la structure ne sont pas valides.", errors);
        }
        Instant now = Instant.now(clock);
        Structure structure = structures.save(new Structure(r.name().trim(), r.legalForm(), siret, rna, r.addressLine(),
                postalCode, commune, r.legalRepName(), r.legalRepEmail(), iban, bic,
                currentUser.username(), now));
        members.save(new StructureMember(structure.getId(), currentUser.username(),
                StructureMember.MemberRole.LEGAL_REPRESENTATIVE, now));
        audit.record(ENTITY, structure.getId(), null, AuditAction.STRUCTURE_REGISTERED, null, null, structure.getName());
        return structure;
    }

    /**
     * A structure's case file, with its bank details: for its members, DIEESS staff and finance.
     * Anyone else gets 404, whether it exists or not (reviewers and jury members will see what they
     * need of it through the applications routed or assigned to them).
     */
    @Transactional(readOnly = true)
    public Structure visible(Long structureId) {
        Structure structure = structures.findById(structureId).orElseThrow(StructureService::notFound);
        boolean allowed = currentUser.isStaff() || currentUser.hasRole(Role.FINANCE)
                || currentUser.hasRole(Role.APPLICANT) && isMember(structureId);
        if (!allowed) {
            throw notFound();
        }
        return structure;
    }

    /** Throws 404 unless the caller is a member of the structure (acts for it). */
    public void checkMember(Long structureId) {
        if (!isMember(structureId)) {
            throw notFound();
        }
    }

    public void checkLegalRepresentative(Long structureId) {
        StructureMember member = members.findByStructureIdAndUsername(structureId, currentUser.username())
                .orElseThrow(StructureService::notFound);
        if (member.getMemberRole() != StructureMember.MemberRole.LEGAL_REPRESENTATIVE) {
            throw new ForbiddenActionException("Seul le représentant légal de la structure peut faire cela "
                    + "(signer pour elle, inviter ou retirer des membres).");
        }
    }

    public boolean isLegalRepresentative(Long structureId) {
        return currentUser.authentication().isPresent()
                && members.findByStructureIdAndUsername(structureId, currentUser.username())
                .map(m -> m.getMemberRole() == StructureMember.MemberRole.LEGAL_REPRESENTATIVE).orElse(false);
    }

    public boolean isMember(Long structureId) {
        return currentUser.authentication().isPresent()
                && members.findByStructureIdAndUsername(structureId, currentUser.username()).isPresent();
    }

    @Transactional(readOnly = true)
    public List<Long> memberStructureIds() {
        return members.findByUsername(currentUser.username()).stream().map(StructureMember::getStructureId).toList();
    }

    @Transactional(readOnly = true)
    public List<Structure> mine() {
        return structures.findByMember(currentUser.username());
    }

    /** Structures by id, for lists (the caller has checked what its user may see). */
    @Transactional(readOnly = true)
    public Map<Long, Structure> byIds(java.util.Collection<Long> structureIds) {
        Map<Long, Structure> result = new java.util.HashMap<>();
        structures.findAllById(structureIds).forEach(s -> result.put(s.getId(), s));
        return result;
    }

    /** The sign-in names of each structure's members (for conflicts of interest: a juror who is one). */
    @Transactional(readOnly = true)
    public Map<Long, java.util.Set<String>> memberUsernames(java.util.Collection<Long> structureIds) {
        Map<Long, java.util.Set<String>> result = new java.util.HashMap<>();
        if (!structureIds.isEmpty()) {
            members.findByStructureIdIn(structureIds).forEach(m -> result
                    .computeIfAbsent(m.getStructureId(), k -> new java.util.TreeSet<>()).add(m.getUsername()));
        }
        return result;
    }

    /**
     * The account payments go to from now on: only once a finance officer has verified a change
     * requested with a new RIB piece (payment/desk/BankDetailsChanges, which audits it).
     */
    @Transactional
    public void applyVerifiedBankDetails(Long structureId, String iban, String bic) {
        get(structureId).changeBankDetails(iban, bic);
    }

    /**
     * DIEESS staff mark a structure as a natural person (an individual, not a legal person), or take the mark
     * back: a natural person is never published in the open data (opendata/ScdlSubsidies). Audited on the
     * application the instructor acted from; nothing is recorded when the mark is already so.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Structure markNaturalPerson(Long structureId, boolean naturalPerson, Long applicationId) {
        Structure structure = visible(structureId);
        if (structure.isNaturalPerson() != naturalPerson) {
            structure.markNaturalPerson(naturalPerson);
            audit.record(ENTITY, structureId, applicationId, naturalPerson ? AuditAction.NATURAL_PERSON_DECLARED
                    : AuditAction.NATURAL_PERSON_CLEARED, null, null, structure.getName());
        }
        return structure;
    }

    @Transactional(readOnly = true)
    public Structure get(Long structureId) {
        return structures.findById(structureId).orElseThrow(StructureService::notFound);
    }

    private static NotFoundException notFound() {
        return NotFoundException.notYours();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
