package fr.agir.payment.credit;

import fr.agir.jury.SessionApplication;
import fr.agir.shared.DomainException;
import fr.agir.shared.Money;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget credits page of finance and administrators: per campaign, part and year the AE and CP voted,
 * committed or consumed, available, as tables and a chart; the forms to open or change a credit.
 */
@Controller
public class CreditsController {
    static final String PAGE = "finance/credits";
    private final CreditService credits;

    public CreditsController(CreditService credits) {
        this.credits = credits;
    }

    @GetMapping("/finances/credits")
    public String page(Model model) {
        fill(model);
        return PAGE;
    }

    @PostMapping("/finances/credits/ae")
    public String setAe(@Valid @ModelAttribute("aeForm") CreditForms.Ae form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        BigDecimal amount = amount(form.getAmount(), result);
        if (!result.hasErrors()) {
            try {
                credits.setAe(form.getCampaignId(), form.getPart(), amount, form.getChapter(), form.getArticle(),
                        form.getFunction());
                Notice.success("Autorisation d'engagement enregistrée.", "AE " + label(form.getPart()) + " : "
                        + Money.format(amount.setScale(2)) + ". Les engagements sont contrôlés sur ce montant.")
                        .flash(redirect);
                return "redirect:/finances/credits";
            } catch (DomainException e) {
                if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
                fill(model);
                return PAGE;
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        fill(model);
        return PAGE;
    }

    @PostMapping("/finances/credits/cp")
    public String setCp(@Valid @ModelAttribute("cpForm") CreditForms.Cp form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        BigDecimal amount = amount(form.getAmount(), result);
        if (!result.hasErrors()) {
            try {
                credits.setCp(form.getCampaignId(), form.getPart(), form.getBudgetYear(), amount);
                Notice.success("Crédits de paiement enregistrés.", "CP " + form.getBudgetYear() + " "
                        + label(form.getPart()) + " : " + Money.format(amount.setScale(2))
                        + ". Les paiements validés cette année-là sont contrôlés sur ce montant.").flash(redirect);
                return "redirect:/finances/credits";
            } catch (DomainException e) {
                if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                    throw e;
                }
                response.setStatus(e.httpStatus());
                FormErrors.add(result, e);
                fill(model);
                return PAGE;
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        fill(model);
        return PAGE;
    }

    private static BigDecimal amount(String typed, BindingResult result) {
        if (result.hasFieldErrors("amount")) {
            return null;
        }
        try {
            return FormErrors.decimal(typed);
        } catch (NumberFormatException e) {
            FormErrors.reject(result, "amount", "Montant en euros, par exemple 1 200 000 ou 12 500,50");
            return null;
        }
    }

    private static String label(SessionApplication.Nature part) {
        return part == null ? "" : part.label().toLowerCase(Locale.FRENCH);
    }

    private void fill(Model model) {
        CreditService.Overview overview = credits.overview();
        model.addAttribute("overview", overview);
        model.addAttribute("chart", CreditChart.of(overview));
        if (!model.containsAttribute("aeForm")) {
            model.addAttribute("aeForm", new CreditForms.Ae());
        }
        if (!model.containsAttribute("cpForm")) {
            CreditForms.Cp cp = new CreditForms.Cp();
            cp.setBudgetYear(credits.currentBudgetYear());
            model.addAttribute("cpForm", cp);
        }
        Map<String, String> campaigns = new LinkedHashMap<>();
        credits.campaigns().forEach(c -> campaigns.put(String.valueOf(c.getId()), c.getCode() + " – " + c.getName()));
        model.addAttribute("campaigns", campaigns);
        Map<String, String> parts = new LinkedHashMap<>();
        for (SessionApplication.Nature part : SessionApplication.Nature.values()) {
            parts.put(part.name(), part.label());
        }
        model.addAttribute("parts", parts);
        model.addAttribute("imputationOperating", credits.defaultImputation(SessionApplication.Nature.OPERATING).label());
        model.addAttribute("imputationInvestment", credits.defaultImputation(SessionApplication.Nature.INVESTMENT).label());
        model.addAttribute("budgetYear", credits.currentBudgetYear());
    }
}
