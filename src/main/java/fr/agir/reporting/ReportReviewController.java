package fr.agir.reporting;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instructor's review of a financial report: the table with its gaps, the annex, the pieces, the earlier
 * years, the history; validate, return with comments, or validate with a recovery of the unspent part.
 */
@Controller
public class ReportReviewController {
    static final String FORM = "reviewForm";

    private final ReportReviewService reviews;
    private final ReportContentService contents;
    private final ReportRepository reports;

    public ReportReviewController(ReportReviewService reviews, ReportContentService contents, ReportRepository reports) {
        this.reviews = reviews;
        this.contents = contents;
        this.reports = reports;
    }

    @GetMapping("/instruction/comptes-rendus")
    public String list(Model model) {
        model.addAttribute("reports", reviews.awaitingReview());
        return "reporting/list";
    }

    @GetMapping("/instruction/comptes-rendus/{reportId}")
    public String page(@PathVariable Long reportId, Model model) {
        ReportReviewService.Review review = reviews.review(reportId);
        model.addAttribute("review", review);
        model.addAttribute("sheet", review.sheet());
        if (!model.containsAttribute(FORM)) {
            ReviewForm form = new ReviewForm();
            form.setRecoveryAmount(review.proposedRecovery().signum() > 0
                    ? review.proposedRecovery().toPlainString().replace('.', ',') : null);
            model.addAttribute(FORM, form);
        }
        model.addAttribute("outcomes", outcomes());
        return "reporting/review";
    }

    @PostMapping("/instruction/comptes-rendus/{reportId}/decision")
    public String decide(@PathVariable Long reportId, @Valid @ModelAttribute(FORM) ReviewForm form,
                         BindingResult result, RedirectAttributes redirect) {
        Report.Outcome outcome = null;
        BigDecimal amount = null;
        if (!result.hasFieldErrors("outcome")) {
            try {
                outcome = Report.Outcome.valueOf(form.getOutcome());
            } catch (IllegalArgumentException e) {
                FormErrors.reject(result, "outcome", "Choisissez une décision");
            }
        }
        if (outcome == Report.Outcome.RECOVERY) {
            try {
                amount = FormErrors.decimal(form.getRecoveryAmount());
            } catch (NumberFormatException e) {
                FormErrors.reject(result, "recoveryAmount", "Montant en euros, par exemple 1 500,50");
            }
        }
        if (!result.hasErrors()) {
            try {
                Report report = reviews.decide(reportId, outcome, amount, form.getReason());
                Notice.success(switch (report.getStatus()) {
                    case RETURNED -> "Compte-rendu renvoyé à la structure.";
                    case RECOVERY -> "Compte-rendu validé avec un reversement.";
                    default -> "Compte-rendu validé.";
                }, switch (report.getStatus()) {
                    case RETURNED -> "La structure voit vos commentaires et le remettra corrigé.";
                    case RECOVERY -> "Le titre de recettes part aux finances.";
                    default -> "Le solde de l'année peut être versé.";
                }).flash(redirect);
                return "redirect:/instruction/comptes-rendus/" + reportId;
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, FORM, form, result);
        Notice.error("Aucune décision n'est enregistrée.", result.getAllErrors().get(0).getDefaultMessage())
                .flash(redirect);
        return "redirect:/instruction/comptes-rendus/" + reportId + "#decision";
    }

    @GetMapping("/instruction/comptes-rendus/{reportId}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable Long reportId) {
        return ReportController.pdfResponse(contents.pdf(reportId), "compte-rendu-" + reportId + ".pdf");
    }

    private static Map<String, String> outcomes() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("VALIDATED", "Valider le compte-rendu");
        out.put("INCOMPLETE", "Renvoyer à la structure pour correction (commentaires obligatoires)");
        out.put("RECOVERY", "Valider avec un reversement de la part non employée (motif obligatoire)");
        return out;
    }
}
