package fr.agir.structure;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts for a structure. Its legal representative invites people (a one-time code, valid
 * {@value #VALIDITY_DAYS} days, e-mailed to them and also shown to him) and removes members; a member may leave; the
 * legal representative stays, so a structure always has one.
 */
@Service
public class MembershipService {
    static final int VALIDITY_DAYS = 14;
    private static final String INVALID_CODE = "Ce code d'invitation n'est pas valable : il est erroné, a expiré, "
            + "a été retiré ou a déjà servi. Demandez une nouvelle invitation au représentant légal.";

    private final StructureService structures;
    private final StructureMemberRepository members;
    private final StructureInvitationRepository invitations;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final InvitationMail invitationMail;
    private final SecureRandom random = new SecureRandom();

    public MembershipService(StructureService structures, StructureMemberRepository members,
                             StructureInvitationRepository invitations, CurrentUser currentUser, AuditTrail audit,
                             Clock clock, InvitationMail invitationMail) {
        this.structures = structures;
        this.members = members;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.invitationMail = invitationMail;
    }

    /** An invitation and its code, which is shown this once and never stored. */
    public record IssuedInvitation(StructureInvitation invitation, String code) {
    }

    public record Membership(List<StructureMember> members, List<StructureInvitation> pendingInvitations) {
    }

    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public IssuedInvitation invite(Long structureId, String email) {
        structures.checkLegalRepresentative(structureId);
        String address = email.trim(); // checked by MembershipApi.InviteInput
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        StructureInvitation invitation = invitations.save(new StructureInvitation(structureId, address, sha256(code),
                currentUser.username(), now, now.plus(Duration.ofDays(VALIDITY_DAYS))));
        audit.record(StructureService.ENTITY, structureId, null, AuditAction.MEMBER_INVITED, null, null, address);
        invitationMail.send(structures.get(structureId), invitation, code);
        return new IssuedInvitation(invitation, code);
    }

    /** The signed-in applicant joins the structure of the invitation (again: nothing changes). */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public StructureMember accept(String code) {
        Instant now = Instant.now(clock);
        StructureInvitation invitation = (code == null || code.isBlank() ? null
                : invitations.findByCodeSha256(sha256(code.trim())).orElse(null));
        if (invitation == null || !invitation.isPending(now)) {
            throw new NotFoundException(INVALID_CODE);
        }
        String username = currentUser.username();
        invitation.accept(username, now);
        StructureMember member = members.findByStructureIdAndUsername(invitation.getStructureId(), username)
                .orElse(null);
        if (member == null) {
            member = members.save(new StructureMember(invitation.getStructureId(), username,
                    StructureMember.MemberRole.MEMBER, now));
            audit.record(StructureService.ENTITY, invitation.getStructureId(), null, AuditAction.MEMBER_JOINED, null, null,
                    username + " (invité par " + invitation.getInvitedBy() + ")");
        }
        return member;
    }

    /** Members, and for the legal representative the invitations still pending. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPLICANT')")
    public Membership of(Long structureId) {
        structures.checkMember(structureId);
        Instant now = Instant.now(clock);
        return new Membership(members.findByStructureIdOrderByIdAsc(structureId),
                structures.isLegalRepresentative(structureId)
                ? invitations.findByStructureIdOrderByIdAsc(structureId).stream().filter(i -> i.isPending(now)).toList()
                : List.of());
    }

    /** The legal representative removes a member, or a member leaves. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public void remove(Long structureId, String username) {
        String caller = currentUser.username();
        if (!caller.equals(username)) {
            structures.checkLegalRepresentative(structureId);
        } else {
            structures.checkMember(structureId);
        }
        StructureMember member = members.findByStructureIdAndUsername(structureId, username)
                .orElseThrow(() -> new NotFoundException("Cette personne n'est pas membre de la structure."));
        if (member.getMemberRole() == StructureMember.MemberRole.LEGAL_REPRESENTATIVE) {
            throw new StateConflictException("Le représentant légal ne peut pas être retiré : la structure doit "
                    + "toujours en avoir un. Pour le changer, écrivez à la DIEESS.");
        }
        members.delete(member);
        audit.record(StructureService.ENTITY, structureId, null,
                caller.equals(username) ? AuditAction.MEMBER_LEFT : AuditAction.MEMBER_REMOVED, null, null, username);
    }

    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public void revoke(Long structureId, Long invitationId) {
        structures.checkLegalRepresentative(structureId);
        StructureInvitation invitation = invitations.findById(invitationId)
                .filter(i -> i.getStructureId().equals(structureId))
                .orElseThrow(NotFoundException::notYours);
        Instant now = Instant.now(clock);
        if (!invitation.isPending(now)) {
            throw new StateConflictException("Cette invitation n'est plus en attente : elle a servi, expiré ou été retirée.");
        }
        invitation.revoke(now);
        audit.record(StructureService.ENTITY, structureId, null, AuditAction.INVITATION_REVOKED, null, null,
                invitation.getEmail());
    }

    static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
