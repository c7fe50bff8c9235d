package fr.agir.web;

import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, the home page (one card per space of the user's roles, linking to real pages
 * only), and the pages every site of a French public service owes its users (legal notice,
 * personal data, accessibility statement, contact).
 */
@Controller
public class HomeController {
    /** A card of the home page: a space of one of the user's roles and its pages. */
    public record Space(String title, String text, List<Notice.Link> links) {
    }

    /** Who users write to (agir.contact.*), shown by the footer's pages. */
    public record Contact(String email, String service, String address) {
    }

    private final CurrentUser currentUser;
    private final boolean keycloak;
    private final Contact contact;

    public HomeController(CurrentUser currentUser, @Value("${agir.security.mode:local}") String mode,
                          @Value("${agir.contact.email}") String email, @Value("${agir.contact.service}") String service,
                          @Value("${agir.contact.address}") String address) {
        this.currentUser = currentUser;
        this.keycloak = "keycloak".equals(mode);
        this.contact = new Contact(email, service, address);
    }

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                        Model model) {
        model.addAttribute("keycloak", keycloak);
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "home/login";
    }

    @GetMapping("/")
    public String home(Model model) {
        model.addAttribute("spaces", spaces());
        return "home/index";
    }

    @GetMapping({"/mentions-legales", "/donnees-personnelles", "/accessibilite", "/contact"})
    public String legal(jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("contact", contact);
        return "legal" + request.getServletPath();
    }

    private List<Space> spaces() {
        List<Space> spaces = new ArrayList<>();
        if (currentUser.hasRole(Role.APPLICANT)) {
            spaces.add(new Space("Espace porteur de projet",
                    "Vos structures et leur dossier unique, vos candidatures à l'Appel à Agir et ce qui est attendu de vous.",
                    List.of(Notice.link("/portail", "Mon espace"),
                            Notice.link("/portail/structures/nouvelle", "Enregistrer une structure"),
                            Notice.link("/portail/invitations", "Rejoindre une structure avec un code"))));
        }
        if (currentUser.isStaff()) {
            spaces.add(new Space("Instruction des candidatures",
                    "Les dossiers à instruire par la DIEESS, du contrôle de complétude au jury.",
                    List.of(Notice.link("/instruction", "Ma file de travail"),
                            Notice.link("/instruction/candidatures", "Toutes les candidatures"),
                            Notice.link("/instruction/commission", "Commission permanente"),
                            Notice.link("/instruction/comptes-rendus", "Comptes rendus financiers à examiner"),
                            Notice.link("/pilotage", "Pilotage : tableau de bord, carte et processus"))));
            spaces.add(new Space("Jury", "Grilles de notation, séances, conflits d'intérêts, délibération et procès-verbal.",
                    List.of(Notice.link("/instruction/jury", "Séances de jury et grilles"))));
        }
        if (currentUser.hasRole(Role.REVIEWER)) {
            String directorates = currentUser.directorates().stream().map(Enum::name).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("aucune direction");
            spaces.add(new Space("Avis de la direction " + directorates,
                    "Les candidatures transmises à votre direction pour avis, avec leur date limite.",
                    List.of(Notice.link("/avis", "Avis à donner et avis donnés"))));
        }
        if (currentUser.hasRole(Role.JURY)) {
            spaces.add(new Space("Espace jury",
                    "Vos séances : conflits d'intérêts à déclarer, dossiers à noter, délibération.",
                    List.of(Notice.link("/jury", "Mes séances de jury"))));
        }
        if (currentUser.hasRole(Role.FINANCE)) {
            spaces.add(new Space("Versements",
                    "Les échéances à liquider puis à valider, par deux agents différents, les bordereaux et les "
                            + "retours du logiciel financier, les titres de recettes et les crédits.",
                    List.of(Notice.link("/finances", "Échéances à payer"),
                            Notice.link("/finances/rib", "Changements de RIB à vérifier"),
                            Notice.link("/finances/bordereaux", "Bordereaux de mandatement"),
                            Notice.link("/finances/titres", "Titres de recettes"),
                            Notice.link("/finances/credits", "Crédits (AE/CP)"))));
        }
        if (currentUser.hasRole(Role.SIGNATORY)) {
            spaces.add(new Space("Signature du Département",
                    "Les conventions et avenants signés par leur structure, à contresigner au nom du Département.",
                    List.of(Notice.link("/signature", "Conventions à contresigner"))));
        }
        if (currentUser.hasRole(Role.ADMIN)) {
            spaces.add(new Space("Administration",
                    "Préparer chaque édition de l'appel, suivre les directions et la table de routage, raccorder les "
                            + "autres systèmes, décider des conflits d'intérêts signalés dans les séances de jury.",
                    List.of(Notice.link("/administration", "Campagnes"),
                            Notice.link("/administration/directions", "Directions et table de routage"),
                            Notice.link("/administration/webhooks", "Webhooks"),
                            Notice.link("/finances/credits", "Crédits (AE/CP)"),
                            Notice.link("/instruction/jury", "Séances de jury : conflits à trancher"),
                            Notice.link("/camunda/app/cockpit/default/", "Suivi technique des processus (Cockpit, en anglais)"))));
        }
        return spaces;
    }
}
