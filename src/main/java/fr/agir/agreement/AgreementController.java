package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.structure.StructureService;
import fr.agir.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal's agreement page: read the convention (PDF) and, for the legal representative, sign it. */
@RestController
public class AgreementController {
    private final AgreementService agreements;
    private final ApplicationService applications;
    private final StructureService structures;

    public AgreementController(AgreementService agreements, ApplicationService applications,
                               StructureService structures) {
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
    }

    @GetMapping(value = "/portail/candidatures/{id}/convention", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, @PathVariable Long id, @RequestParam(required = false) String ok,
                       @RequestParam(required = false) String erreur) {
        Application application = applications.visible(id);
        structures.checkMember(application.getStructureId());
        Agreement agreement = agreements.ofApplication(id);
        StringBuilder body = new StringBuilder("<h1>Convention ").append(Page.escape(agreement.getNumber()))
                .append("</h1>");
        if (ok != null) {
            body.append("<p class=\"succes\" role=\"status\">Convention signée. Le Département la contresigne ; "
                    + "le premier versement suit.</p>");
        }
        if (erreur != null) {
            body.append("<p class=\"erreur\" role=\"alert\" id=\"erreurs\">Cochez la case pour signer la convention.</p>");
        }
        body.append("<p>Candidature ").append(Page.escape(application.getReference())).append(" « ")
                .append(Page.escape(application.getTitle())).append(" » : ")
                .append(Money.format(agreement.getTotalAmount())).append(" sur ").append(agreement.getDurationYears())
                .append(" an(s).</p><p><a href=\"/api/agreements/").append(agreement.getId())
                .append("/pdf\">Lire la convention (PDF)</a></p>");
        switch (agreement.getStatus()) {
            case TO_SIGN -> {
                if (structures.isLegalRepresentative(application.getStructureId())) {
                    body.append("<form method=\"post\" action=\"/portail/conventions/").append(agreement.getId())
                            .append("/signature\">").append(Page.csrfField(request))
                            .append("<p><input type=\"checkbox\" id=\"accord\" name=\"accord\" value=\"oui\" required")
                            .append(erreur != null ? " aria-invalid=\"true\" aria-describedby=\"erreurs\"" : "")
                            .append("> <label for=\"accord\" style=\"display:inline\">J'ai lu la convention et je la "
                                    + "signe au nom de la structure, dont je suis le représentant légal.</label></p>")
                            .append("<button type=\"submit\">Signer la convention</button></form>");
                } else {
                    body.append("<p class=\"info\">Seul le représentant légal de la structure peut la signer.</p>");
                }
            }
            case SIGNED -> body.append("<p>Signée le ").append(French.dateTime(agreement.getSignedAt()))
                    .append(" : en attente de la signature du Département.</p>");
            case IN_FORCE, CLOSED -> body.append("<p>En vigueur depuis le ")
                    .append(French.dateTime(agreement.getCountersignedAt())).append(".</p>");
        }
        body.append("<p><a href=\"/portail/candidatures/").append(id).append("\">Retour à la candidature</a></p>");
        return Page.portal(request, "Convention " + agreement.getNumber(), body.toString());
    }

    @PostMapping("/portail/conventions/{agreementId}/signature")
    public ResponseEntity<String> sign(@PathVariable Long agreementId, @RequestParam(required = false) String accord) {
        Agreement agreement = agreements.visible(agreementId);
        String page = "/portail/candidatures/" + agreement.getApplicationId() + "/convention";
        if (!"oui".equals(accord)) {
            return Page.seeOther(page + "?erreur");
        }
        agreements.sign(agreementId);
        return Page.seeOther(page + "?ok");
    }
}
