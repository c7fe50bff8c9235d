package fr.agir.vote;

import fr.agir.application.Application;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The DIEESS records a délibération modificative on a voted application: withdraw the grant or change its
 * amounts; a confirmation step, then back to the case page, which shows the decisions' history.
 */
@Controller
public class DecisionRevisionPages {
    static final String PATH = "/instruction/candidatures/{id}/decision/modification";

    private final DecisionRevisionService service;

    public DecisionRevisionPages(DecisionRevisionService service) {
        this.service = service;
    }

    @GetMapping(PATH)
    public String form(@PathVariable Long id, Model model) {
        DecisionRevisionService.Page page = service.page(id);
        Decision current = page.current();
        DecisionRevisionForm form = new DecisionRevisionForm();
        form.setDurationYears(current.getDurationYears());
        form.setAmountYear1(plain(current.getAmounts().get(1)));
        form.setAmountYear2(plain(current.getAmounts().get(2)));
        model.addAttribute("form", form);
        return page(page, model);
    }

    @PostMapping(PATH)
    public String revise(@PathVariable Long id, @ModelAttribute("form") DecisionRevisionForm form, BindingResult result,
                         @RequestParam(defaultValue = "false") boolean confirmed,
                         @RequestParam(defaultValue = "false") boolean edit, Model model, HttpServletRequest request,
                         HttpServletResponse response, RedirectAttributes redirect) {
        if (edit) {
            return page(id, model);
        }
        DecisionRevisionService.Kind kind = null;
        try {
            kind = form.getKind() == null ? null : DecisionRevisionService.Kind.valueOf(form.getKind());
        } catch (IllegalArgumentException e) {
            // a forged value: reported below as a missing choice
        }
        if (kind == null) {
            FormErrors.reject(result, "kind", "Choisissez : retrait de la subvention ou nouveaux montants");
        }
        Map<Integer, BigDecimal> amounts = new HashMap<>();
        if (kind == DecisionRevisionService.Kind.AMEND) {
            FormErrors.yearAmount(form.getAmountYear1(), 1, "amountYear1", amounts, result);
            FormErrors.yearAmount(form.getAmountYear2(), 2, "amountYear2", amounts, result);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(id, model);
        }
        DecisionRevisionService.Revision revision = new DecisionRevisionService.Revision(kind,
                form.getDeliberationNumber(), form.getDeliberationDate(),
                kind == DecisionRevisionService.Kind.AMEND ? form.getDurationYears() : null, amounts,
                kind == DecisionRevisionService.Kind.WITHDRAW ? form.getMotivation() : null);
        try {
            if (!confirmed) {
                DecisionRevisionService.Checked checked = service.check(id, revision);
                model.addAttribute("details", details(checked));
                model.addAttribute("app", checked.application());
                model.addAttribute("withdrawal", kind == DecisionRevisionService.Kind.WITHDRAW);
                return "vote/revision-confirmation";
            }
            Decision decision = service.revise(id, revision);
            var signed = decision.getOutcome() == Decision.Outcome.AMENDED
                    ? service.signedAgreement(id).orElse(null) : null;
            if (signed != null) {
                Notice.success("Délibération modificative " + decision.getDeliberationNumber() + " enregistrée.",
                        DecisionRevisionService.SIGNED_AGREEMENT_UNCHANGED + " La convention " + signed.number()
                                + " porte toujours ses montants signés ; un avenant peut aller jusqu'aux nouveaux "
                                + "montants : " + French.amountsByYear(decision.getAmounts()) + ".",
                        Notice.link(signed.amendmentPage(), "Préparer l'avenant de la convention " + signed.number()))
                        .flash(redirect);
                request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
                return "redirect:/instruction/candidatures/" + id + "#deliberations";
            }
            Notice.success(decision.getOutcome() == Decision.Outcome.WITHDRAWN
                            ? "Subvention retirée : délibération " + decision.getDeliberationNumber() + "."
                            : "Délibération modificative " + decision.getDeliberationNumber() + " enregistrée.",
                    decision.getOutcome() == Decision.Outcome.WITHDRAWN
                            ? "Le dossier est clos ; ce qui n'était pas encore payé est annulé."
                            : "L'acte juridique porte les nouveaux montants : " + French.amountsByYear(decision.getAmounts())
                            + ".").flash(redirect);
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/instruction/candidatures/" + id + "#deliberations";
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            if (e.fieldErrors().isEmpty()) {
                FormErrors.add(result, e);
            } else {
                Map<String, String> renames = Map.of("amounts.1", "amountYear1", "amounts.2", "amountYear2",
                        "amounts", "amountYear1");
                e.fieldErrors().forEach((field, message) -> FormErrors.reject(result,
                        renames.getOrDefault(field, field), message));
            }
            response.setStatus(e.httpStatus());
            return page(id, model);
        }
    }

    private static List<String> details(DecisionRevisionService.Checked c) {
        List<String> details = new ArrayList<>();
        details.add("Délibération " + c.number() + " du " + French.date(c.date()) + ", qui remplace la délibération "
                + c.current().getDeliberationNumber() + " du " + French.date(c.current().getDeliberationDate())
                + " (conservée dans l'historique).");
        if (c.outcome() == Decision.Outcome.WITHDRAWN) {
            details.add("La subvention est retirée : le dossier est clos, la signature, les années de subvention et "
                    + "les versements non encore payés sont annulés.");
            details.add("Les versements déjà payés seront indiqués sur le dossier comme à recouvrer ; le titre de "
                    + "recettes reste à émettre par les finances, en dehors d'Agir pour le moment.");
        } else {
            details.add("Nouveaux montants : " + French.amountsByYear(c.granted()) + " sur " + French.years(c.duration())
                    + " (au lieu de " + French.amountsByYear(c.current().getAmounts()) + ").");
            if (c.signedAgreement() != null) {
                details.add(DecisionRevisionService.SIGNED_AGREEMENT_UNCHANGED + " La convention "
                        + c.signedAgreement().number() + " est déjà signée par la structure : ni elle, ni son PDF, ni "
                        + "ses versements ne changent. Cette délibération fixe le plafond de l'avenant.");
            } else {
                details.add("L'acte juridique est régénéré avec ces montants ; une convention est à signer dans sa "
                        + "nouvelle version.");
            }
        }
        details.add("La structure reçoit le courrier qui lui notifie cette délibération, avec les voies et délais de "
                + "recours, et la voit dans l'historique de sa candidature.");
        return details;
    }

    private String page(Long id, Model model) {
        return page(service.page(id), model);
    }

    private String page(DecisionRevisionService.Page page, Model model) {
        Application application = page.application();
        model.addAttribute("app", application);
        model.addAttribute("decisions", page.decisions());
        model.addAttribute("deliberations", page.decisions().stream().map(DecisionDeliberations::of).toList());
        model.addAttribute("requested", page.requested());
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("AMEND", "Modifier les montants ou la durée");
        kinds.put("WITHDRAW", "Retirer la subvention");
        model.addAttribute("kindOptions", kinds);
        Map<String, String> durations = new LinkedHashMap<>();
        for (int y = 1; y <= application.getDurationYears(); y++) {
            durations.put(String.valueOf(y), French.years(y));
        }
        model.addAttribute("durationOptions", durations);
        return "vote/revision";
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : fr.agir.shared.Money.format(amount).replace(" €", "").replace(",00", "");
    }
}
