package fr.agir.structure;

import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.shared.French;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.TimeConfig;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Who acts for a structure, in the portal: every member sees the list; the legal representative
 * invites by e-mail, withdraws a pending invitation and removes a member (after a confirmation); a
 * member may leave. The rules are {@link MembershipService}'s: anyone else gets its 404 or 403.
 */
@Controller
public class MembersController {
    private static final String PAGE = "/portail/structures/{structureId}/membres";

    private final MembershipService memberships;
    private final StructureService structures;
    private final CurrentUser currentUser;
    private final People people;

    public MembersController(MembershipService memberships, StructureService structures, CurrentUser currentUser,
                             People people) {
        this.memberships = memberships;
        this.structures = structures;
        this.currentUser = currentUser;
        this.people = people;
    }

    @GetMapping(PAGE)
    public String page(@PathVariable("structureId") Long id, Model model) {
        fill(id, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InviteForm());
        }
        return "structure/members";
    }

    @PostMapping(PAGE + "/invitations")
    public String invite(@PathVariable("structureId") Long id, @Valid @ModelAttribute("form") InviteForm form, BindingResult result,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            fill(id, model);
            return "structure/members";
        }
        MembershipService.IssuedInvitation issued = memberships.invite(id, form.getEmail().strip());
        StructureInvitation invitation = issued.invitation();
        Notice.success("Invitation envoyée à " + invitation.getEmail() + ".",
                "Cette personne reçoit par e-mail un code valable " + MembershipService.VALIDITY_DAYS + " jours, "
                        + "jusqu'au " + French.longDate(invitation.getExpiresAt()
                        .atZone(TimeConfig.PARIS).toLocalDate()) + ". Elle rejoindra la structure "
                        + "en le saisissant dans Agir. Si l'e-mail ne lui parvient pas, transmettez-lui ce code, "
                        + "montré cette seule fois : " + issued.code())
                .flash(redirect);
        return "redirect:/portail/structures/" + id + "/membres";
    }

    @PostMapping(PAGE + "/invitations/{invitationId}/retrait")
    public String revoke(@PathVariable("structureId") Long id, @PathVariable Long invitationId, RedirectAttributes redirect) {
        String email = memberships.of(id).pendingInvitations().stream()
                .filter(i -> i.getId().equals(invitationId)).map(StructureInvitation::getEmail).findFirst()
                .orElse(null);
        memberships.revoke(id, invitationId);
        Notice.success("Invitation retirée" + (email == null ? "." : " : " + email + "."),
                "Son code ne permet plus de rejoindre la structure. Vous pouvez inviter cette personne à nouveau "
                        + "plus tard.").flash(redirect);
        return "redirect:/portail/structures/" + id + "/membres";
    }

    /** The confirmation step before removing a member (legal representative only). */
    @GetMapping(PAGE + "/retrait")
    public String confirmRemoval(@PathVariable("structureId") Long id, @RequestParam String membre, Model model) {
        structures.checkLegalRepresentative(id);
        StructureMember member = memberOf(id, membre);
        model.addAttribute("structure", structures.get(id));
        model.addAttribute("memberName", people.name(member.getUsername()));
        model.addAttribute("username", member.getUsername());
        model.addAttribute("leaving", false);
        return "structure/member-confirmation";
    }

    @PostMapping(PAGE + "/retrait")
    public String remove(@PathVariable("structureId") Long id, @RequestParam String membre,
                         @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/portail/structures/" + id + "/membres/retrait?membre="
                    + UriUtils.encodeQueryParam(membre, StandardCharsets.UTF_8);
        }
        String name = people.name(membre);
        memberships.remove(id, membre);
        Notice.success(name + " ne fait plus partie de la structure.",
                "Cette personne n'a plus accès à son dossier unique ni à ses candidatures.").flash(redirect);
        return "redirect:/portail/structures/" + id + "/membres";
    }

    /** The confirmation step before leaving the structure (a member other than its legal representative). */
    @GetMapping(PAGE + "/depart")
    public String confirmLeaving(@PathVariable("structureId") Long id, Model model) {
        StructureMember me = memberOf(id, currentUser.username());
        if (me.getMemberRole() == StructureMember.MemberRole.LEGAL_REPRESENTATIVE) {
            throw new StateConflictException("Le représentant légal ne peut pas quitter la structure : elle doit "
                    + "toujours en avoir un. Pour le changer, écrivez à la DIEESS.");
        }
        model.addAttribute("structure", structures.get(id));
        model.addAttribute("leaving", true);
        return "structure/member-confirmation";
    }

    @PostMapping(PAGE + "/depart")
    public String leave(@PathVariable("structureId") Long id, @RequestParam(defaultValue = "false") boolean confirmed,
                        RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/portail/structures/" + id + "/membres/depart";
        }
        String name = structures.get(id).getName();
        memberships.remove(id, currentUser.username());
        Notice.success("Vous avez quitté la structure « " + name + " ».",
                "Son dossier et ses candidatures ne sont plus dans votre espace. Pour y revenir, demandez une "
                        + "invitation à son représentant légal.").flash(redirect);
        return "redirect:/portail";
    }

    /** The page's facts; the membership's own check (404 for a stranger) comes first. */
    private void fill(Long id, Model model) {
        MembershipService.Membership membership = memberships.of(id);
        model.addAttribute("structure", structures.get(id));
        model.addAttribute("members", membership.members());
        model.addAttribute("invitations", membership.pendingInvitations());
        model.addAttribute("legalRepresentative", structures.isLegalRepresentative(id));
        model.addAttribute("me", currentUser.username());
    }

    private StructureMember memberOf(Long id, String username) {
        List<StructureMember> members = memberships.of(id).members();
        return members.stream().filter(m -> m.getUsername().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("Cette personne n'est pas membre de la structure."));
    }
}
