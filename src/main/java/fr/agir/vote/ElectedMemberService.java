package fr.agir.vote;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureRepository;
import fr.agir.structure.StructureService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elected members of the Commission permanente and the links they declared with structures
 * (mandate, employment, family, other): an active member linked to a structure must step aside
 * (déport, CGCT L1111-6) on its applications, and the report flags those lines.
 */
@Service
public class ElectedMemberService {
    public static final String ENTITY = "ELECTED_MEMBER";

    private final ElectedMemberRepository members;
    private final ElectedMemberLinkRepository links;
    private final StructureService structures;
    private final StructureRepository structureRepository;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ElectedMemberService(ElectedMemberRepository members, ElectedMemberLinkRepository links,
                                StructureService structures, StructureRepository structureRepository,
                                AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.members = members;
        this.links = links;
        this.structures = structures;
        this.structureRepository = structureRepository;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public ElectedMember add(String fullName) {
        String name = Texts.required(fullName, "fullName", 200, "Indiquez le nom de l'élu");
        ElectedMember member = members.save(new ElectedMember(name, currentUser.username(), Instant.now(clock)));
        audit.record(ENTITY, member.getId(), null, AuditAction.ELECTED_MEMBER_ADDED, null, null, name);
        return member;
    }

    /** An elected member leaves (or comes back to) the Commission: an inactive one flags nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public ElectedMember setActive(Long memberId, boolean active) {
        ElectedMember member = member(memberId);
        member.setActive(active);
        audit.record(ENTITY, memberId, null, AuditAction.ELECTED_MEMBER_UPDATED, null, null,
                member.getFullName() + (active ? " : siège à la Commission" : " : ne siège plus à la Commission"));
        return member;
    }

    /**
     * A declared link with the structure given by its id, or else by its SIRET or RNA (as the
     * pages ask for it).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public ElectedMemberLink declareLink(Long memberId, Long structureId, String siretOrRna, ElectedMemberLink.Kind kind,
                                         String description) {
        ElectedMember member = member(memberId);
        Map<String, String> errors = new LinkedHashMap<>();
        Structure structure = null;
        if (structureId != null) {
            structure = structures.get(structureId);
        } else {
            String key = siretOrRna == null ? "" : siretOrRna.replace(" ", "").toUpperCase();
            if (key.isEmpty()) {
                errors.put("structure", "Indiquez le SIRET ou le RNA de la structure");
            } else {
                structure = (key.startsWith("W") ? structureRepository.findByRna(key) : structureRepository.findBySiret(key))
                        .orElse(null);
                if (structure == null) {
                    errors.put("structure", "Aucune structure inscrite avec ce SIRET ou ce RNA");
                }
            }
        }
        if (kind == null) {
            errors.put("kind", "Choisissez la nature du lien");
        }
        String text = Texts.optional(description, "description", 500);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le lien ne peut pas être enregistré : vérifiez les champs signalés.", errors);
        }
        if (links.existsByMemberIdAndStructureIdAndKind(memberId, structure.getId(), kind)) {
            throw new StateConflictException("Ce lien de " + member.getFullName() + " avec " + structure.getName()
                    + " est déjà déclaré.");
        }
        ElectedMemberLink link = links.save(new ElectedMemberLink(memberId, structure.getId(), kind, text,
                currentUser.username(), Instant.now(clock)));
        audit.record(ENTITY, memberId, null, AuditAction.ELECTED_LINK_DECLARED, null, kind,
                member.getFullName() + " — " + structure.getName() + (text == null ? "" : " : " + text));
        return link;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void removeLink(Long linkId) {
        ElectedMemberLink link = links.findById(linkId)
                .orElseThrow(() -> new NotFoundException("Lien introuvable."));
        links.delete(link);
        audit.record(ENTITY, link.getMemberId(), null, AuditAction.ELECTED_LINK_REMOVED, link.getKind(), null,
                member(link.getMemberId()).getFullName() + " — structure n° " + link.getStructureId());
    }

    private ElectedMember member(Long memberId) {
        return members.findById(memberId == null ? -1L : memberId)
                .orElseThrow(() -> new NotFoundException("Élu introuvable."));
    }

    /** A member with his declared links and the structures they name. */
    public record MemberView(ElectedMember member, List<LinkView> links) {
    }

    public record LinkView(ElectedMemberLink link, Structure structure) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<MemberView> list() {
        List<ElectedMember> all = members.findAllByOrderByFullName();
        List<ElectedMemberLink> allLinks = links.findAll();
        Map<Long, Structure> byId = structures.byIds(allLinks.stream().map(ElectedMemberLink::getStructureId)
                .collect(Collectors.toSet()));
        Map<Long, List<LinkView>> byMember = allLinks.stream().collect(Collectors.groupingBy(
                ElectedMemberLink::getMemberId, Collectors.mapping(l -> new LinkView(l, byId.get(l.getStructureId())),
                        Collectors.toList())));
        return all.stream().map(m -> new MemberView(m, byMember.getOrDefault(m.getId(), List.of()))).toList();
    }

    /** Every member's name by id (the recorded déports name them, active or not). */
    Map<Long, String> names() {
        return members.findAll().stream().collect(Collectors.toMap(ElectedMember::getId, ElectedMember::getFullName));
    }

    /** An active member who must step aside on a structure's applications, and why ("Mme X (emploi)"). */
    public record Due(Long memberId, String label) {
    }

    /** Per structure, the active members who must step aside on its applications, with the link's nature. */
    Map<Long, List<Due>> activeLinkedNames(Collection<Long> structureIds) {
        if (structureIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ElectedMember> active = members.findAll().stream().filter(ElectedMember::isActive)
                .collect(Collectors.toMap(ElectedMember::getId, m -> m));
        return links.findByStructureIdIn(structureIds).stream().filter(l -> active.containsKey(l.getMemberId()))
                .collect(Collectors.groupingBy(ElectedMemberLink::getStructureId, Collectors.mapping(
                        l -> new Due(l.getMemberId(), active.get(l.getMemberId()).getFullName() + " ("
                                + l.getKind().label().toLowerCase() + ")"),
                        Collectors.toList())));
    }
}
