package fr.agir.payment.recovery;

import fr.agir.shared.DomainException;
import fr.agir.web.Downloads;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finance pages: the recovery orders (raise, export, follow until recovered or cancelled). */
@Controller
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
public class RecoveryController {
    static final String PAGE = "/finances/titres";
    private final RecoveryOrderService service;

    public RecoveryController(RecoveryOrderService service) {
        this.service = service;
    }

    @GetMapping(PAGE)
    public String list(@RequestParam(value = "statut", required = false) String status, Model model) {
        RecoveryOrder.Status filter = parse(status);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RecoveryForms.Raise());
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("", "Tous");
        for (RecoveryOrder.Status s : RecoveryOrder.Status.values()) {
            statuses.put(s.name(), s.label());
        }
        model.addAttribute("statuses", statuses);
        model.addAttribute("statut", filter == null ? "" : filter.name());
        model.addAttribute("orders", service.list(filter));
        model.addAttribute("toExport", service.toExportCount());
        model.addAttribute("batches", service.batches());
        return "finance/recovery";
    }

    @PostMapping(PAGE)
    public String raise(@Valid @ModelAttribute("form") RecoveryForms.Raise form, BindingResult result,
                        RedirectAttributes redirect) {
        BigDecimal amount = null;
        try {
            amount = FormErrors.decimal(form.getAmount());
        } catch (NumberFormatException e) {
            FormErrors.reject(result, "amount", "Montant en euros, par exemple 1 500 ou 1 500,50.");
        }
        if (!result.hasErrors()) {
            try {
                RecoveryOrder o = service.raiseByFinance(form.getReference(), amount, form.getReason());
                Notice.success("Titre de recettes émis", "Titre " + o.getNumber() + " de "
                        + fr.agir.shared.Money.format(o.getAmount()) + " à l'encontre de " + o.getDebtorName()
                        + " : le courrier a été envoyé à la structure. Il partira avec le prochain export des titres.",
                        Notice.link(PAGE + "/" + o.getId(), "Voir le titre " + o.getNumber())).flash(redirect);
                return "redirect:" + PAGE;
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, "form", form, result);
        return "redirect:" + PAGE + "#erreurs";
    }

    @PostMapping(PAGE + "/export")
    public String export(RedirectAttributes redirect) {
        try {
            service.export().ifPresentOrElse(b -> Notice.success("Export des titres généré", "Export n° " + b.getNumber()
                            + " de l'exercice " + b.getBudgetYear() + " : " + b.getOrderCount() + " titre"
                            + (b.getOrderCount() > 1 ? "s" : "") + ". Téléchargez le fichier et importez-le dans le "
                            + "logiciel financier.").flash(redirect),
                    () -> Notice.info("Aucun export généré", "Aucun titre n'attend d'export : rien n'a été ajouté.")
                            .flash(redirect));
        } catch (DomainException e) {
            Notice.error("Export non généré", e.getMessage()).flash(redirect);
        }
        return "redirect:" + PAGE + "#exports";
    }

    @GetMapping(PAGE + "/exports/{id}/csv")
    public ResponseEntity<InputStreamResource> download(@PathVariable Long id) {
        RecoveryBatch b = service.batch(id);
        return Downloads.attachment(b.getFileName(), RecoveryApi.CSV, b.getCsv().length,
                new ByteArrayInputStream(b.getCsv()));
    }

    @GetMapping(PAGE + "/{id}")
    public String order(@PathVariable Long id, Model model) {
        model.addAttribute("order", service.get(id));
        if (!model.containsAttribute("recoveredForm")) {
            RecoveryForms.Recovered form = new RecoveryForms.Recovered();
            model.addAttribute("recoveredForm", form);
        }
        if (!model.containsAttribute("cancelForm")) {
            model.addAttribute("cancelForm", new RecoveryForms.Cancel());
        }
        return "finance/recovery-order";
    }

    @GetMapping(PAGE + "/{id}/courrier")
    public ResponseEntity<byte[]> letter(@PathVariable Long id) {
        RecoveryOrder o = service.get(id);
        return RecoveryApi.pdf(o, service.letterForFinance(id));
    }

    @PostMapping(PAGE + "/{id}/recouvrement")
    public String recovered(@PathVariable Long id, @Valid @ModelAttribute("recoveredForm") RecoveryForms.Recovered form,
                            BindingResult result, RedirectAttributes redirect) {
        BigDecimal amount = null;
        LocalDate date = null;
        try {
            amount = FormErrors.decimal(form.getAmount());
        } catch (NumberFormatException e) {
            FormErrors.reject(result, "amount", "Montant en euros, par exemple 1 500 ou 1 500,50.");
        }
        try {
            date = form.getDate() == null || form.getDate().isBlank() ? null : LocalDate.parse(form.getDate().strip());
        } catch (DateTimeParseException e) {
            FormErrors.reject(result, "date", "Date au format AAAA-MM-JJ, par exemple 2026-11-30.");
        }
        if (!result.hasErrors()) {
            try {
                RecoveryOrder o = service.markRecovered(id, date, amount);
                Notice.success(o.getStatus() == RecoveryOrder.Status.RECOVERED ? "Titre recouvré" : "Recouvrement partiel enregistré",
                        "Titre " + o.getNumber() + " : " + fr.agir.shared.Money.format(o.getRecoveredAmount())
                                + " recouvré(s)" + (o.getRemaining().signum() > 0 ? ", reste dû "
                                + fr.agir.shared.Money.format(o.getRemaining()) + "." : ", soldé.")).flash(redirect);
                return "redirect:" + PAGE + "/" + id;
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, "recoveredForm", form, result);
        return "redirect:" + PAGE + "/" + id + "#recouvrement";
    }

    @PostMapping(PAGE + "/{id}/annulation")
    public String cancel(@PathVariable Long id, @Valid @ModelAttribute("cancelForm") RecoveryForms.Cancel form,
                         BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                RecoveryOrder o = service.cancel(id, form.getReason());
                Notice.success("Titre annulé", "Le titre " + o.getNumber() + " est annulé.").flash(redirect);
                return "redirect:" + PAGE + "/" + id;
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, "cancelForm", form, result);
        return "redirect:" + PAGE + "/" + id + "#annulation";
    }

    private static RecoveryOrder.Status parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RecoveryOrder.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
