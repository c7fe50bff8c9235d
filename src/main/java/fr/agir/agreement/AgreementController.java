package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.DomainException;
import fr.agir.structure.StructureService;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's agreement page: its facts, the PDF, and for the legal representative the signature in
 * three steps (read the PDF; receive a one-time code by e-mail; type it, tick the consent box and sign),
 * then a notice saying what comes next. Other members read it and are told who signs.
 * For an arrêté attributif, the same page shows the arrêté: its facts and PDF, nothing to sign.
 */
@Controller
public class AgreementController {
    private final AgreementService agreements;
    private final ApplicationService applications;
    private final StructureService structures;
    private final PaymentTerms terms;
    private final LegalInstrumentRules instrumentRules;
    private final AmendmentService amendments;

    public AgreementController(AgreementService agreements, ApplicationService applications,
                               StructureService structures, PaymentTerms terms, LegalInstrumentRules instrumentRules,
                               AmendmentService amendments) {
        this.amendments = amendments;
        this.instrumentRules = instrumentRules;
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
        this.terms = terms;
    }

    @GetMapping("/portail/candidatures/{applicationId}/convention")
    public String page(@PathVariable("applicationId") Long id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AgreementSignatureForm());
        }
        fill(id, model);
        return "agreement/agreement";
    }

    /** Step 2: a one-time code is e-mailed to the legal representative; the notice says where (masked). */
    @PostMapping("/portail/conventions/{agreementId}/code")
    public String sendCode(@PathVariable Long agreementId, RedirectAttributes redirect) {
        Agreement agreement = agreements.visible(agreementId);
        String page = "redirect:/portail/candidatures/" + agreement.getApplicationId() + "/convention#signer";
        try {
            var sent = agreements.sendSignatureCode(agreementId);
            Notice.success("Un code a été envoyé à " + sent.maskedAddress() + ".",
                    "Il est valable jusqu’à " + fmtTime(sent.expiresAt())
                            + " et ne sert qu’une fois. Saisissez-le ci-dessous, avec votre accord, pour signer.")
                    .flash(redirect);
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            Notice.error("Le code n’a pas été envoyé.", e.getMessage()).flash(redirect);
        }
        return page;
    }

    private static String fmtTime(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH'h'mm")
                .format(at.atZone(fr.agir.shared.TimeConfig.PARIS));
    }

    @PostMapping("/portail/conventions/{agreementId}/signature")
    public String sign(@PathVariable Long agreementId, @Valid @ModelAttribute("form") AgreementSignatureForm form,
                       BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Agreement agreement = agreements.visible(agreementId);
        Long applicationId = agreement.getApplicationId();
        if (!result.hasErrors()) {
            try {
                agreements.sign(agreementId, form.getCode(), form.isAccord());
                Notice.success("Convention signée.", "Le Département la contresigne ; le premier versement suit.",
                        Notice.link("/api/agreements/" + agreementId + "/pdf", "Lire la convention signée (PDF)"))
                        .flash(redirect);
                return "redirect:/portail/candidatures/" + applicationId + "/convention";
            } catch (DomainException e) {
                if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
                fill(applicationId, model);
                return "agreement/agreement";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        fill(applicationId, model);
        return "agreement/agreement";
    }

    /** The page's facts; a member of the structure only (404 for anyone else, as for the application). */
    private void fill(Long applicationId, Model model) {
        Application application = applications.visible(applicationId);
        structures.checkMember(application.getStructureId());
        Agreement agreement = agreements.ofApplication(applicationId);
        Map<Integer, BigDecimal> granted = amendments.amountsInForce(agreement);
        Map<String, BigDecimal> years = new LinkedHashMap<>();
        granted.forEach((year, amount) -> years.put("Année " + year + " (" + (agreement.getFirstYear() + year - 1) + ")",
                amount));
        // Not "application": in templates that name is the servlet context's attributes.
        model.addAttribute("candidature", application);
        model.addAttribute("structure", structures.get(application.getStructureId()));
        model.addAttribute("agreement", agreement);
        model.addAttribute("years", years);
        model.addAttribute("status", StatusTag.of(agreement.getStatus()));
        model.addAttribute("act", agreement.getInstrument().shortLabel());
        model.addAttribute("singleInstallment", agreement.isArrete() && instrumentRules.isArreteSingleInstallment());
        model.addAttribute("advancePercent", terms.advancePercent());
        model.addAttribute("legalRepresentative", structures.isLegalRepresentative(application.getStructureId()));
        model.addAttribute("report", agreements.signatureReport(agreement));
        model.addAttribute("sealMeaning", AgreementService.SEAL_MEANING);
        // The versions (agreement, A1, A2…) and the avenant waiting for the legal representative's signature.
        model.addAttribute("versions", AmendmentPages.versions(agreement, amendments));
        Amendment toSign = amendments.of(agreement).stream()
                .filter(a -> a.getStatus() == Amendment.Status.TO_SIGN).findFirst().orElse(null);
        model.addAttribute("amendmentToSign", toSign);
        if (toSign != null && !model.containsAttribute("amendmentForm")) {
            model.addAttribute("amendmentForm", new AmendmentSignatureForm());
        }
    }

    /** The Département's signatory: the agreements signed by their structure, waiting for his countersignature. */
    @GetMapping("/signature")
    public String awaiting(Model model) {
        List<Awaiting> rows = agreements.awaitingCountersignature().stream().map(a -> {
            Application application = applications.get(a.getApplicationId());
            return new Awaiting(a, application, structures.get(application.getStructureId()).getName());
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("amendmentRows", amendments.awaitingCountersignature().stream().map(a -> {
            Agreement agreement = amendments.agreementOf(a);
            Application application = applications.get(agreement.getApplicationId());
            return new AwaitingAmendment(a, application, structures.get(application.getStructureId()).getName());
        }).toList());
        return "agreement/countersign-list";
    }

    /** One agreement for the signatory: its facts, the signed PDF, the validation report, and the confirmation. */
    @GetMapping("/signature/conventions/{agreementId}")
    public String countersignPage(@PathVariable Long agreementId, Model model) {
        fillCountersign(agreementId, model);
        return "agreement/countersign";
    }

    @PostMapping("/signature/conventions/{agreementId}/contreseing")
    public String countersign(@PathVariable Long agreementId, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        try {
            Agreement agreement = agreements.countersign(agreementId);
            Notice.success("Convention " + agreement.getNumber() + " contresignée.",
                    "Elle est en vigueur : le premier versement peut être préparé.",
                    Notice.link("/api/agreements/" + agreementId + "/pdf", "Lire la convention contresignée (PDF)"))
                    .flash(redirect);
            return "redirect:/signature";
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            model.addAttribute("error", e.getMessage());
            fillCountersign(agreementId, model);
            return "agreement/countersign";
        }
    }

    private void fillCountersign(Long agreementId, Model model) {
        Agreement agreement = agreements.visible(agreementId);
        Application application = applications.get(agreement.getApplicationId());
        model.addAttribute("agreement", agreement);
        model.addAttribute("candidature", application);
        model.addAttribute("structure", structures.get(application.getStructureId()));
        model.addAttribute("status", StatusTag.of(agreement.getStatus()));
        model.addAttribute("report", agreements.signatureReport(agreement));
        model.addAttribute("sealMeaning", AgreementService.SEAL_MEANING);
    }

    /** A row of the signatory's list. */
    public record Awaiting(Agreement agreement, Application candidature, String structureName) {
    }

    /** A row of the signatory's list of avenants. */
    public record AwaitingAmendment(Amendment amendment, Application candidature, String structureName) {
    }

    /** An agreement's status as its tag shows it. */
    record StatusTag(String label, String kind) {
        static StatusTag of(Agreement.Status status) {
            return switch (status) {
                case TO_SIGN -> new StatusTag("À signer par la structure", "attention");
                case SIGNED -> new StatusTag("Signée, en attente du Département", "info");
                case IN_FORCE -> new StatusTag("En vigueur", "succes");
                case CLOSED -> new StatusTag("Soldée", null);
            };
        }
    }
}
