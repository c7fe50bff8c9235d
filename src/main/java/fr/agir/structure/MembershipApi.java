package fr.agir.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Membres des structures", description = "Qui agit pour une structure : invitations, membres")
public class MembershipApi {
    private final MembershipService service;

    public MembershipApi(MembershipService service) {
        this.service = service;
    }

    public record InviteInput(
            @NotBlank(message = "Indiquez l'e-mail de la personne à inviter") @Size(max = 254)
            @Email(message = "E-mail invalide : il doit être de la forme nom@domaine.fr") String email) {
    }

    public record AcceptInput(String code) {
    }

    public record MemberView(String username, StructureMember.MemberRole role, Instant since) {
        static MemberView of(StructureMember m) {
            return new MemberView(m.getUsername(), m.getMemberRole(), m.getCreatedAt());
        }
    }

    public record InvitationView(Long id, String email, String invitedBy, Instant expiresAt, String code) {
        static InvitationView of(StructureInvitation i, String code) {
            return new InvitationView(i.getId(), i.getEmail(), i.getInvitedBy(), i.getExpiresAt(), code);
        }
    }

    public record MembershipView(List<MemberView> members, List<InvitationView> pendingInvitations) {
    }

    @GetMapping("/api/structures/{id}/members")
    @Operation(summary = "Les membres d'une structure (et, pour son représentant légal, les invitations en attente)")
    public MembershipView members(@PathVariable Long id) {
        MembershipService.Membership m = service.of(id);
        return new MembershipView(m.members().stream().map(MemberView::of).toList(),
                m.pendingInvitations().stream().map(i -> InvitationView.of(i, null)).toList());
    }

    @PostMapping("/api/structures/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Inviter une personne (représentant légal) : le code, montré une seule fois, est à lui transmettre")
    public InvitationView invite(@PathVariable Long id, @Valid @RequestBody InviteInput in) {
        MembershipService.IssuedInvitation issued = service.invite(id, in.email());
        return InvitationView.of(issued.invitation(), issued.code());
    }

    @DeleteMapping("/api/structures/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer une invitation en attente (représentant légal)")
    public void revoke(@PathVariable Long id, @PathVariable Long invitationId) {
        service.revoke(id, invitationId);
    }

    @DeleteMapping("/api/structures/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer un membre (représentant légal), ou quitter la structure soi-même")
    public void remove(@PathVariable Long id, @PathVariable String username) {
        service.remove(id, username);
    }

    @PostMapping("/api/invitations/accept")
    @Operation(summary = "Rejoindre une structure avec le code d'invitation reçu")
    public MemberView accept(@RequestBody AcceptInput in) {
        return MemberView.of(service.accept(in.code()));
    }
}
