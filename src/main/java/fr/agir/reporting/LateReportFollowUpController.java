package fr.agir.reporting;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instructor's follow-up page of a late report: whom to call, then « Relance effectuée ». */
@Controller
public class LateReportFollowUpController {
    static final String FORM = "followUpForm";

    private final LateReportFollowUp followUps;

    public LateReportFollowUpController(LateReportFollowUp followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/instruction/comptes-rendus/{reportId}/relance")
    public String page(@PathVariable Long reportId, Model model) {
        model.addAttribute("view", followUps.view(reportId));
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new FollowUpForm());
        }
        model.addAttribute("channels", channels());
        return "reporting/follow-up";
    }

    @PostMapping("/instruction/comptes-rendus/{reportId}/relance")
    public String done(@PathVariable Long reportId, @Valid @ModelAttribute(FORM) FollowUpForm form,
                       BindingResult result, RedirectAttributes redirect) {
        LateReportFollowUp.Channel channel = null;
        if (form.getChannel() != null && !form.getChannel().isBlank()) {
            try {
                channel = LateReportFollowUp.Channel.valueOf(form.getChannel());
            } catch (IllegalArgumentException e) {
                FormErrors.reject(result, "channel", "Choisissez un moyen de contact de la liste");
            }
        }
        LocalDate contactedOn = null;
        if (form.getContactedOn() != null && !form.getContactedOn().isBlank()) {
            try {
                contactedOn = LocalDate.parse(form.getContactedOn().strip());
            } catch (DateTimeParseException e) {
                FormErrors.reject(result, "contactedOn", "Date au format jj/mm/aaaa, par exemple 03/12/2026");
            }
        }
        if (!result.hasErrors()) {
            try {
                followUps.done(reportId, channel, contactedOn, form.getComment());
                Notice.success("Relance enregistrée.", "La tâche de suivi est terminée. Si le compte-rendu n'arrive "
                        + "pas, la mise en demeure part tout de même à la date prévue.").flash(redirect);
                return "redirect:/instruction/comptes-rendus/" + reportId + "/relance";
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, FORM, form, result);
        Notice.error("La relance n'est pas enregistrée.", result.getAllErrors().get(0).getDefaultMessage())
                .flash(redirect);
        return "redirect:/instruction/comptes-rendus/" + reportId + "/relance#relance";
    }

    private static Map<String, String> channels() {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(LateReportFollowUp.Channel.values()).forEach(c -> out.put(c.name(), c.label()));
        return out;
    }
}
