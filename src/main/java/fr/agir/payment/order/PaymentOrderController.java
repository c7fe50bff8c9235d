package fr.agir.payment.order;

import fr.agir.shared.DomainException;
import fr.agir.web.Downloads;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finance pages: the bordereaux (generate today's, download) and the import of the return file. */
@Controller
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
public class PaymentOrderController {
    static final String BORDEREAUX = "/finances/bordereaux";
    static final String RETURNS = "/finances/retours";
    private final PaymentOrderService service;

    public PaymentOrderController(PaymentOrderService service) {
        this.service = service;
    }

    @InitBinder("form")
    void fileIsNotAFormValue(WebDataBinder binder) {
        binder.setDisallowedFields("file");
    }

    @GetMapping(BORDEREAUX)
    public String bordereaux(Model model) {
        model.addAttribute("bordereaux", service.list());
        model.addAttribute("waiting", service.waitingCount());
        return "finance/orders";
    }

    @PostMapping(BORDEREAUX)
    public String export(RedirectAttributes redirect) {
        try {
            List<Bordereau> created = service.exportToday();
            (created.isEmpty()
                    ? Notice.info("Aucun bordereau généré", "Aucune échéance validée n'attend d'export : rien n'a été ajouté.")
                    : Notice.success(created.size() == 1 ? "Bordereau généré" : created.size() + " bordereaux générés",
                    created.stream().map(b -> "n° " + b.getNumber() + " (" + b.getBudgetPartLabel() + ", "
                            + b.getOrderCount() + " mandat" + (b.getOrderCount() > 1 ? "s" : "") + ")")
                            .reduce((a, b) -> a + ", " + b).orElse("")
                            + ". Téléchargez le fichier et importez-le dans le logiciel financier.",
                    Notice.link(RETURNS, "Importer ensuite le retour du logiciel financier"))).flash(redirect);
        } catch (DomainException e) {
            Notice.error("Bordereaux non générés", e.getMessage()).flash(redirect);
        }
        return "redirect:" + BORDEREAUX;
    }

    @GetMapping(BORDEREAUX + "/{id}/csv")
    public ResponseEntity<InputStreamResource> download(@PathVariable Long id) {
        Bordereau b = service.bordereau(id);
        return Downloads.attachment(b.getFileName(), PaymentOrderApi.CSV, b.getCsv().length,
                new ByteArrayInputStream(b.getCsv()));
    }

    @GetMapping(BORDEREAUX + "/{id}")
    public String bordereau(@PathVariable Long id, Model model) {
        model.addAttribute("bordereau", service.bordereau(id));
        model.addAttribute("orders", service.ordersOf(id));
        return "finance/orders-bordereau";
    }

    @GetMapping(RETURNS)
    public String returns(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReturnUploadForm());
        }
        java.util.Map<String, String> modes = new java.util.LinkedHashMap<>();
        modes.put("APPLY_VALID", "Appliquer les lignes correctes");
        modes.put("ALL_OR_NOTHING", "Ne rien appliquer si une ligne est en erreur");
        model.addAttribute("modes", modes);
        model.addAttribute("modeHints", java.util.Map.of(
                "APPLY_VALID", "Les lignes en erreur sont listées : importez-les plus tard, corrigées.",
                "ALL_OR_NOTHING", "Le fichier est refusé en entier : corrigez-le puis importez-le de nouveau."));
        return "finance/orders-returns";
    }

    @PostMapping(RETURNS)
    public String importReturn(@Valid @ModelAttribute("form") ReturnUploadForm form, BindingResult result,
                               @RequestParam(value = "file", required = false) MultipartFile file,
                               RedirectAttributes redirect) throws IOException {
        if (!result.hasErrors()) {
            try {
                PaymentOrderService.ReturnReport report = service.importReturn(
                        file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
                        form.getMode());
                redirect.addFlashAttribute("report", report);
                notice(report).flash(redirect);
                return "redirect:" + RETURNS + "#resultat";
            } catch (DomainException e) {
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, "form", form, result);
        return "redirect:" + RETURNS + "#erreurs";
    }

    private static Notice notice(PaymentOrderService.ReturnReport r) {
        String already = r.alreadyApplied() == 0 ? "" : " " + count(r.alreadyApplied(), "ligne déjà appliquée",
                "lignes déjà appliquées") + " par un import précédent : rien n'a changé pour elles.";
        if (r.nothingApplied()) {
            return Notice.error("Retour non appliqué", count(r.errors().size(), "ligne en erreur", "lignes en erreur")
                    + " : comme demandé, "
                    + "aucune ligne n'a été appliquée. Corrigez le fichier puis importez-le de nouveau.");
        }
        if (r.hasErrors()) {
            return Notice.warning("Retour appliqué en partie", count(r.applied(), "échéance payée", "échéances payées")
                    + ", " + count(r.errors().size(), "ligne en erreur", "lignes en erreur") + ", détaillées ci-dessous."
                    + already);
        }
        if (r.applied() == 0) {
            return Notice.info("Retour déjà appliqué", "Toutes les lignes de ce fichier ont déjà été appliquées : "
                    + "rien n'a changé.");
        }
        return Notice.success("Retour appliqué", count(r.applied(), "échéance payée", "échéances payées") + "."
                + already);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n > 1 ? many : one);
    }
}
