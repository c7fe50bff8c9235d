package fr.agir.payment.desk;

import fr.agir.payment.PaymentService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.DomainException;
import fr.agir.shared.RecentValues;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.DocumentVault;
import fr.agir.web.Downloads;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The finance officers' workspace: the lists by tab with filters and the 60-day clock, the installment's
 * checklist page and its actions (liquidate, validate after confirmation, return with a reason), the
 * ticked rows' bulk actions with their per-row report, and the bank details changes to verify.
 */
@Controller
public class FinanceDeskController {
    private static final int PAGE_SIZE = 50;
    static final String RETURN_FORM = "returnForm";
    static final String REJECT_FORM = "rejectForm";

    private final FinanceDesk desk;
    private final InstallmentChecklist checklists;
    private final PaymentService payments;
    private final BulkPayments bulk;
    private final BankDetailsChanges changes;
    private final DocumentVault vault;
    private final CurrentUser currentUser;

    public FinanceDeskController(FinanceDesk desk, InstallmentChecklist checklists, PaymentService payments,
                                 BulkPayments bulk, BankDetailsChanges changes, DocumentVault vault,
                                 CurrentUser currentUser) {
        this.desk = desk;
        this.checklists = checklists;
        this.payments = payments;
        this.bulk = bulk;
        this.changes = changes;
        this.vault = vault;
        this.currentUser = currentUser;
    }

    private static final Map<String, String> PART_OPTIONS = new LinkedHashMap<>(Map.of("fonctionnement", "Fonctionnement"));

    static {
        PART_OPTIONS.put("investissement", "Investissement");
    }

    @GetMapping("/finances")
    public String desk(@ModelAttribute("filtres") DeskFilterForm filters, BindingResult result,
                       @RequestParam Map<String, String> params, Model model) {
        FinanceDesk.Tab tab = filters.tab();
        if (filters.getMinAmount() != null && filters.getMaxAmount() != null
                && filters.getMinAmount().compareTo(filters.getMaxAmount()) > 0) {
            FormErrors.reject(result, "maxAmount", "Le montant maximum doit être supérieur ou égal au minimum");
            filters.setMaxAmount(null);
        }
        FinanceDesk.Result found = desk.list(tab, filters.toFilter(), filters.pageNumber(), PAGE_SIZE);
        Map<String, String> tabLinks = new LinkedHashMap<>();
        for (FinanceDesk.Tab t : FinanceDesk.Tab.values()) {
            tabLinks.put(t.name(), link(params, "onglet", t.slug()));
        }
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", FinanceDesk.Tab.values());
        model.addAttribute("tabLinks", tabLinks);
        model.addAttribute("result", found);
        model.addAttribute("page", new PageImpl<>(found.rows(), PageRequest.of(filters.pageNumber(), PAGE_SIZE),
                found.total()));
        model.addAttribute("pageUrl", link(params, null, null));
        model.addAttribute("campaignOptions", desk.campaignOptions());
        model.addAttribute("delayOptions", Map.of("proche", "Proches du délai (45 jours ou plus)",
                "depasse", "Délai de 60 jours dépassé"));
        model.addAttribute("partOptions", PART_OPTIONS);
        model.addAttribute("waitingForBordereau", desk.waitingForBordereau());
        RecentValues.Stamped<List<FinanceDesk.DelayFigure>> figures = desk.recentDelayFigures();
        LocalTime at = figures.computedAt().atZone(TimeConfig.PARIS).toLocalTime();
        model.addAttribute("figures", figures.value());
        model.addAttribute("figuresComputedAt", String.format("%02d h %02d", at.getHour(), at.getMinute()));
        model.addAttribute("me", currentUser.username());
        model.addAttribute("delayDays", FinanceDesk.DELAY_DAYS);
        return "finance/desk";
    }

    @PostMapping("/finances/selection")
    public String selection(@RequestParam(defaultValue = "liquider") String action,
                            @RequestParam(required = false) List<Long> selection,
                            @RequestParam(required = false) String comment,
                            @RequestParam(required = false) String onglet, RedirectAttributes redirect) {
        String back = "redirect:/finances" + (onglet == null ? "" : "?onglet=" + FinanceDesk.Tab.of(onglet).slug());
        if (selection == null || selection.isEmpty()) {
            Notice.error("Aucune échéance traitée.", "Cochez d'abord les échéances à traiter.").flash(redirect);
            return back;
        }
        boolean validate = "valider".equals(action);
        List<BulkPayments.Outcome> outcomes = bulk.run(validate ? BulkPayments.Action.VALIDATE
                : BulkPayments.Action.LIQUIDATE, selection, comment);
        long done = outcomes.stream().filter(BulkPayments.Outcome::done).count();
        redirect.addFlashAttribute("bulkReport", outcomes);
        redirect.addFlashAttribute("bulkValidate", validate);
        String what = validate ? (done > 1 ? "validées" : "validée") : (done > 1 ? "liquidées" : "liquidée");
        String title = done + " sur " + outcomes.size() + " " + what + ".";
        (done == outcomes.size() ? Notice.success(title, "Le détail est ci-dessous.")
                : Notice.warning(title, "Certaines échéances n'ont pas été traitées : le motif est indiqué pour chacune."))
                .flash(redirect);
        return back;
    }

    @GetMapping("/finances/echeances/{id}")
    public String installment(@PathVariable Long id, Model model) {
        model.addAttribute("c", checklists.of(id));
        if (!model.containsAttribute("prepareForm")) {
            model.addAttribute("prepareForm", new CommentForm());
        }
        if (!model.containsAttribute("validateForm")) {
            model.addAttribute("validateForm", new CommentForm());
        }
        if (!model.containsAttribute(RETURN_FORM)) {
            model.addAttribute(RETURN_FORM, new ReasonForm());
        }
        model.addAttribute("delayDays", FinanceDesk.DELAY_DAYS);
        return "finance/installment";
    }

    @PostMapping("/finances/echeances/{id}/liquider")
    public String prepare(@PathVariable Long id, @Valid @ModelAttribute("prepareForm") CommentForm form,
                          BindingResult result, RedirectAttributes redirect) {
        return act(id, "prepareForm", form, result, redirect, () -> payments.prepare(id, form.getComment()),
                Notice.success("Échéance liquidée.", "Un ou une autre agente des finances doit maintenant la valider.",
                        Notice.link("/finances?onglet=a-liquider", "Retour aux échéances à liquider")),
                "L'échéance n'est pas liquidée.", "");
    }

    @PostMapping("/finances/echeances/{id}/valider")
    public String validate(@PathVariable Long id, @Valid @ModelAttribute("validateForm") CommentForm form,
                           BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && !form.isConfirmed()) {
            model.addAttribute("c", checklists.of(id));
            return "finance/confirm-validation";
        }
        return act(id, "validateForm", form, result, redirect, () -> payments.validate(id, true, form.getComment()),
                Notice.success("Mandat validé.", "Il part au logiciel financier avec le prochain bordereau ; il sera payé au retour de celui-ci.",
                        Notice.link("/finances?onglet=a-valider", "Retour aux échéances à valider")),
                "Le mandat n'est pas validé.", "");
    }

    @PostMapping("/finances/echeances/{id}/renvoyer")
    public String giveBack(@PathVariable Long id, @Valid @ModelAttribute(RETURN_FORM) ReasonForm form,
                           BindingResult result, RedirectAttributes redirect) {
        return act(id, RETURN_FORM, form, result, redirect, () -> payments.validate(id, false, form.getReason()),
                Notice.success("Échéance renvoyée en liquidation.", "Le motif est transmis à l'agent qui l'a liquidée.",
                        Notice.link("/finances?onglet=a-valider", "Retour aux échéances à valider")),
                "L'échéance n'est pas renvoyée.", "#renvoi");
    }

    /**
     * An action of the installment's page: done, its notice; refused, the form and its errors kept across the
     * redirect back to the page (at {@code anchor}) with the refusal's notice. An unknown installment stays a 404.
     */
    private String act(Long id, String formName, Object form, BindingResult result, RedirectAttributes redirect,
                       Runnable action, Notice done, String refused, String anchor) {
        if (!result.hasErrors()) {
            try {
                action.run();
                done.flash(redirect);
                return "redirect:/finances/echeances/" + id;
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, formName, form, result);
        Notice.error(refused, firstError(result)).flash(redirect);
        return "redirect:/finances/echeances/" + id + anchor;
    }

    /** The RIB piece the payment relies on: the one piece of the case file finance reads. */
    @GetMapping("/finances/echeances/{id}/rib")
    public ResponseEntity<InputStreamResource> rib(@PathVariable Long id) {
        BankDetailsCheck.Result bank = checklists.of(id).bank();
        if (bank.rib() == null) {
            throw fr.agir.shared.NotFoundException.notYours();
        }
        DocumentVault.Content content = vault.downloadLinked(bank.structureId(), bank.rib().id());
        return Downloads.attachment(content.document().getOriginalName(), content.document().getContentType(),
                content.document().getSizeBytes(), content.stream());
    }

    @GetMapping("/finances/rib")
    public String bankChanges(Model model) {
        model.addAttribute("pending", changes.pending());
        model.addAttribute("decided", changes.recentlyDecided());
        model.addAttribute("me", currentUser.username());
        if (!model.containsAttribute(REJECT_FORM)) {
            model.addAttribute(REJECT_FORM, new ReasonForm());
        }
        return "finance/bank-changes";
    }

    /** The RIB piece of a change to verify. */
    @GetMapping("/finances/rib/{id}/piece")
    public ResponseEntity<InputStreamResource> changePiece(@PathVariable Long id) {
        BankDetailsChanges.Change change = changes.get(id);
        DocumentVault.Content content = vault.downloadLinked(change.structureId(), change.ribDocumentId());
        return Downloads.attachment(content.document().getOriginalName(), content.document().getContentType(),
                content.document().getSizeBytes(), content.stream());
    }

    @PostMapping("/finances/rib/{id}/approuver")
    public String approve(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
                          RedirectAttributes redirect) {
        if (!confirmed) {
                model.addAttribute("change", changes.get(id));
            return "finance/confirm-bank-change";
        }
        try {
            BankDetailsChanges.Change change = changes.approve(id);
            Notice.success("Nouvelles coordonnées bancaires vérifiées.", "Les prochains versements à "
                    + change.structureName() + " iront sur le compte se terminant par "
                    + BankDetailsChanges.tail(change.iban()) + ".").flash(redirect);
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            Notice.error("Le changement n'est pas approuvé.", e.getMessage()).flash(redirect);
        }
        return "redirect:/finances/rib";
    }

    @PostMapping("/finances/rib/{id}/refuser")
    public String reject(@PathVariable Long id, @Valid @ModelAttribute(REJECT_FORM) ReasonForm form,
                         BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                changes.reject(id, form.getReason());
                Notice.success("Changement de coordonnées bancaires refusé.",
                        "La structure garde son compte actuel ; elle voit le motif dans son espace.").flash(redirect);
                return "redirect:/finances/rib";
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, REJECT_FORM, form, result);
        redirect.addFlashAttribute("rejecting", id);
        Notice.error("Le changement n'est pas refusé.", firstError(result)).flash(redirect);
        return "redirect:/finances/rib";
    }

    private static String firstError(BindingResult result) {
        return result.getAllErrors().isEmpty() ? "" : result.getAllErrors().get(0).getDefaultMessage();
    }

    private static String link(Map<String, String> params, String key, String value) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/finances");
        params.forEach((k, v) -> {
            if (!List.of("page", "_csrf", key == null ? "" : key).contains(k) && v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        if (key != null) {
            b.queryParam(key, value);
            return b.build().encode().toUriString();
        }
        String url = b.build().encode().toUriString();
        return url + (url.contains("?") ? "&" : "?");
    }
}
