package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.DomainException;
import fr.agir.shared.Money;
import fr.agir.structure.StructureService;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Avenants in the pages: the instructor drafts one (form, then a preview to submit or abandon), the structure's
 * legal representative signs it from the portal's agreement page, the Département's signatory countersigns it
 * from {@code /signature}.
 */
@Controller
public class AmendmentPages {
    static final String FORM = "/instruction/conventions/{agreementId}/avenant";
    static final String PREVIEW = "/instruction/avenants/{id}";

    private final AmendmentService amendments;
    private final ApplicationService applications;
    private final StructureService structures;

    public AmendmentPages(AmendmentService amendments, ApplicationService applications, StructureService structures) {
        this.amendments = amendments;
        this.applications = applications;
        this.structures = structures;
    }

    @GetMapping(FORM)
    public String form(@PathVariable Long agreementId, Model model) {
        AmendmentService.Context context = amendments.context(agreementId);
        if (!model.containsAttribute("form")) {
            AmendmentForm form = new AmendmentForm();
            Map<Integer, BigDecimal> start = context.open().map(Amendment::getAmounts).orElse(context.inForce());
            form.setDurationYears(context.open().map(Amendment::getDurationYears)
                    .orElse(context.agreement().getDurationYears()));
            form.setAmountYear1(plain(start.get(1)));
            form.setAmountYear2(plain(start.get(2)));
            context.open().ifPresent(open -> {
                form.setObject(open.getObject());
                form.setReason(open.getReason());
                form.setBankDetailsChanged(open.isBankDetailsChanged());
            });
            model.addAttribute("form", form);
        }
        return formPage(context, model);
    }

    @PostMapping(FORM)
    public String draft(@PathVariable Long agreementId, @Valid @ModelAttribute("form") AmendmentForm form,
                        BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
        Map<Integer, BigDecimal> amounts = new HashMap<>();
        FormErrors.yearAmount(form.getAmountYear1(), 1, "amountYear1", amounts, result);
        FormErrors.yearAmount(form.getAmountYear2(), 2, "amountYear2", amounts, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return formPage(amendments.context(agreementId), model);
        }
        try {
            Amendment amendment = amendments.draft(agreementId, new AmendmentService.Draft(amounts,
                    form.getDurationYears(), form.getObject(), form.getReason(), form.isBankDetailsChanged()));
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/instruction/avenants/" + amendment.getId();
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            Map<String, String> renames = Map.of("amounts.1", "amountYear1", "amounts.2", "amountYear2");
            if (e.fieldErrors().isEmpty()) {
                FormErrors.add(result, e);
            } else {
                e.fieldErrors().forEach((field, message) -> FormErrors.reject(result,
                        renames.getOrDefault(field, field), message));
            }
            model.addAttribute("refusal", e.getMessage());
            response.setStatus(e.httpStatus());
            return formPage(amendments.context(agreementId), model);
        }
    }

    private String formPage(AmendmentService.Context context, Model model) {
        model.addAttribute("ctx", context);
        model.addAttribute("app", context.application());
        Map<String, String> durations = new LinkedHashMap<>();
        // From one year (an avenant may take away a year not yet opened) to the duration voted and established.
        int established = context.agreement().getEstablishedAmounts().isEmpty() ? context.decision().getDurationYears()
                : context.agreement().getEstablishedAmounts().size();
        int longest = Math.max(context.agreement().getDurationYears(),
                Math.min(context.decision().getDurationYears(), established));
        for (int y = 1; y <= longest; y++) {
            durations.put(String.valueOf(y), fr.agir.shared.French.years(y));
        }
        model.addAttribute("durationOptions", durations);
        return "agreement/amendment-form";
    }

    /** The draft's preview for the instructor: what changes, the PDF, submit or abandon. */
    @GetMapping(PREVIEW)
    public String preview(@PathVariable Long id, Model model) {
        Amendment amendment = amendments.visible(id);
        AmendmentService.Context context = amendments.context(amendment.getAgreementId());
        model.addAttribute("amendment", amendment);
        model.addAttribute("ctx", context);
        model.addAttribute("app", context.application());
        model.addAttribute("versions", versions(context.agreement()));
        return "agreement/amendment-preview";
    }

    @PostMapping(PREVIEW + "/soumission")
    public String submit(@PathVariable Long id, Model model, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        try {
            Amendment amendment = amendments.submit(id);
            Notice.success("Avenant " + amendment.getNumber() + " soumis à la signature.",
                    "Le représentant légal de la structure le signe depuis son espace ; le signataire du Département "
                            + "le contresigne ensuite.").flash(redirect);
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/instruction/avenants/" + id;
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            model.addAttribute("error", e.getMessage());
            return preview(id, model);
        }
    }

    @PostMapping(PREVIEW + "/abandon")
    public String cancel(@PathVariable Long id, Model model, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        try {
            Amendment amendment = amendments.cancel(id);
            Notice.info("Avenant " + amendment.getNumber() + " abandonné.", "La convention reste inchangée.")
                    .flash(redirect);
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/instruction/candidatures/" + amendments.agreementOf(amendment).getApplicationId();
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            model.addAttribute("error", e.getMessage());
            return preview(id, model);
        }
    }

    /** The legal representative signs the avenant from the portal's agreement page (explicit consent). */
    /** The one-time code e-mailed to the legal representative; the notice says where (masked). */
    @PostMapping("/portail/avenants/{id}/code")
    public String sendCode(@PathVariable Long id, HttpServletRequest request, RedirectAttributes redirect) {
        Amendment amendment = amendments.visible(id);
        Long applicationId = amendments.agreementOf(amendment).getApplicationId();
        try {
            var sent = amendments.sendSignatureCode(id);
            Notice.success("Un code a été envoyé à " + sent.maskedAddress() + ".",
                    "Il est valable jusqu’à " + java.time.format.DateTimeFormatter.ofPattern("HH'h'mm")
                            .format(sent.expiresAt().atZone(fr.agir.shared.TimeConfig.PARIS))
                            + " et ne sert qu’une fois. Saisissez-le ci-dessous, avec votre accord, pour signer l’avenant.")
                    .flash(redirect);
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            Notice.error("Le code n’a pas été envoyé.", e.getMessage()).flash(redirect);
        }
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:/portail/candidatures/" + applicationId + "/convention#avenant-a-signer";
    }

    @PostMapping("/portail/avenants/{id}/signature")
    public String sign(@PathVariable Long id, @Valid @ModelAttribute("amendmentForm") AmendmentSignatureForm form,
                       BindingResult result, HttpServletRequest request, RedirectAttributes redirect) {
        Amendment amendment = amendments.visible(id);
        Long applicationId = amendments.agreementOf(amendment).getApplicationId();
        if (!result.hasErrors()) {
            try {
                amendments.sign(id, form.getCode(), form.isAccord());
                Notice.success("Avenant " + amendment.getNumber() + " signé.",
                        "Le Département le contresigne ; il entre alors en vigueur.",
                        Notice.link("/api/amendments/" + id + "/pdf", "Lire l’avenant signé (PDF)")).flash(redirect);
                request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
                return "redirect:/portail/candidatures/" + applicationId + "/convention";
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        // Back to the agreement page with the refusal next to the box (post/redirect/get).
        FormErrors.keepAcrossRedirect(redirect, "amendmentForm", form, result);
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:/portail/candidatures/" + applicationId + "/convention#avenant-a-signer";
    }

    @GetMapping("/signature/avenants/{id}")
    public String countersignPage(@PathVariable Long id, Model model) {
        fillCountersign(id, model);
        return "agreement/amendment-countersign";
    }

    @PostMapping("/signature/avenants/{id}/contreseing")
    public String countersign(@PathVariable Long id, Model model, HttpServletRequest request,
                              HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Amendment amendment = amendments.countersign(id);
            Notice.success("Avenant " + amendment.getNumber() + " contresigné.",
                    "Il est en vigueur : les versements restant à faire suivent ses montants.",
                    Notice.link("/api/amendments/" + id + "/pdf", "Lire l’avenant contresigné (PDF)")).flash(redirect);
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/signature";
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            model.addAttribute("error", e.getMessage());
            fillCountersign(id, model);
            return "agreement/amendment-countersign";
        }
    }

    private void fillCountersign(Long id, Model model) {
        Amendment amendment = amendments.visible(id);
        Agreement agreement = amendments.agreementOf(amendment);
        Application application = applications.get(agreement.getApplicationId());
        model.addAttribute("amendment", amendment);
        model.addAttribute("agreement", agreement);
        model.addAttribute("candidature", application);
        model.addAttribute("structure", structures.get(application.getStructureId()));
        model.addAttribute("report", amendments.signatureReport(amendment));
        model.addAttribute("sealMeaning", AgreementService.SEAL_MEANING.replace("de la convention", "de l'avenant"));
    }

    /** The agreement and its avenants, as the pages list them: name, date, status, PDF. */
    public record Version(String name, java.time.Instant date, String status, String kind, String pdf,
                          BigDecimal total) {
    }

    java.util.List<Version> versions(Agreement agreement) {
        return versions(agreement, amendments);
    }

    static java.util.List<Version> versions(Agreement agreement, AmendmentService amendments) {
        java.util.List<Version> versions = new java.util.ArrayList<>();
        AgreementController.StatusTag tag = AgreementController.StatusTag.of(agreement.getStatus());
        java.util.List<Amendment> all = amendments.of(agreement);
        String lastInForce = all.stream().filter(a -> a.getStatus() == Amendment.Status.IN_FORCE)
                .reduce((first, second) -> second).map(Amendment::getShortName).orElse(null);
        versions.add(new Version("Convention " + agreement.getNumber(), agreement.getCountersignedAt() != null
                ? agreement.getCountersignedAt() : agreement.getGeneratedAt(),
                lastInForce == null || agreement.getStatus() != Agreement.Status.IN_FORCE ? tag.label()
                        : "En vigueur, modifiée par l’avenant " + lastInForce, tag.kind(),
                "/api/agreements/" + agreement.getId() + "/pdf", null));
        for (Amendment a : all) {
            versions.add(new Version("Avenant " + a.getShortName() + " (" + a.getNumber() + ")",
                    a.getCountersignedAt() != null ? a.getCountersignedAt()
                            : a.getSignedAt() != null ? a.getSignedAt()
                            : a.getSubmittedAt() != null ? a.getSubmittedAt() : a.getDraftedAt(),
                    a.getStatus().label(), a.getStatus().kind(),
                    a.getStatus() == Amendment.Status.CANCELLED ? null : "/api/amendments/" + a.getId() + "/pdf",
                    a.getTotalAmount()));
        }
        return versions;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : Money.format(amount).replace(" €", "").replace(",00", "");
    }
}
