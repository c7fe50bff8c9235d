package fr.agir.campaign.admin;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignSettings;
import fr.agir.campaign.CampaignStatus;
import fr.agir.campaign.Thematic;
import fr.agir.shared.DomainException;
import fr.agir.shared.InvalidInputException;
import fr.agir.structure.DocumentType;
import fr.agir.structure.LegalForm;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import fr.agir.workflow.Deadlines;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's home ({@code /administration}): the campaigns with their stage and counts, and
 * the form to schedule, edit or duplicate an edition. The service checks and audits; this page shows
 * its refusals next to their fields, keeping what was typed.
 */
@Controller
public class CampaignAdminController {
    static final String BASE = "/administration";
    private static final String FORM = "administration/campaign-form";
    /** The service's field names → the form's, where the form types them differently (days, months). */
    private static final Map<String, String> FIELD = Map.of("deadlineMissingPieces", "deadlineMissingPiecesDays",
            "deadlineOpinion", "deadlineOpinionDays", "deadlineReport", "deadlineReportMonths");

    private final CampaignService campaigns;
    private final Deadlines deadlines;

    public CampaignAdminController(CampaignService campaigns, Deadlines deadlines) {
        this.campaigns = campaigns;
        this.deadlines = deadlines;
    }

    public record Row(Campaign campaign, long submitted, boolean editable) {
    }

    @GetMapping(BASE)
    public String home(Model model) {
        Map<Long, Long> submitted = campaigns.submittedByCampaign();
        List<Row> rows = campaigns.all().stream().map(c -> new Row(c, submitted.getOrDefault(c.getId(), 0L),
                c.getStatus() != CampaignStatus.CLOSED)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("latest", rows.isEmpty() ? null : rows.get(0).campaign());
        return "administration/home";
    }

    @GetMapping(BASE + "/campagnes/nouvelle")
    public String newForm(@RequestParam(name = "depuis", required = false) Long from, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", from == null ? new CampaignForm() : CampaignForm.of(campaigns.duplicateOf(from)));
        }
        if (from != null) {
            model.addAttribute("duplicatedFrom", campaigns.get(from));
        }
        return fill(model, null);
    }

    @PostMapping(BASE + "/campagnes")
    public String create(@ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        CampaignSettings settings = form.toSettings(result);
        if (!result.hasErrors()) {
            try {
                Campaign created = campaigns.create(settings);
                Notice.success("Campagne programmée : « " + created.getName() + " ».", "Elle s'ouvrira le "
                        + fr.agir.shared.French.date(created.getOpeningDate()) + " à "
                        + time(created) + " et acceptera les candidatures jusqu'à sa clôture.").flash(redirect);
                return "redirect:" + BASE;
            } catch (DomainException e) {
                return refused(e, result, model, response, null);
            }
        }
        return unreadable(settings, result, model, response, null);
    }

    @GetMapping(BASE + "/campagnes/{id}")
    public String editForm(@PathVariable Long id, Model model) {
        Campaign campaign = campaigns.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CampaignForm.of(campaign.settings()));
        }
        return fill(model, campaign);
    }

    @PostMapping(BASE + "/campagnes/{id}")
    public String update(@PathVariable Long id, @ModelAttribute("form") CampaignForm form, BindingResult result,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(id);
        CampaignSettings settings = form.toSettings(result);
        if (!result.hasErrors()) {
            try {
                campaigns.update(id, settings);
                Notice.success("Campagne modifiée.", "Les changements sont enregistrés et tracés dans l'historique "
                        + "de la campagne.").flash(redirect);
                return "redirect:" + BASE;
            } catch (DomainException e) {
                return refused(e, result, model, response, campaign);
            }
        }
        return unreadable(settings, result, model, response, campaign);
    }

    /**
     * Something typed could not be read (an amount, an unknown thematic…): its error is on its field; the
     * campaign's other rules are checked too, so that every error shows at once. Nothing is saved.
     */
    private String unreadable(CampaignSettings settings, BindingResult result, Model model, HttpServletResponse response,
                              Campaign campaign) {
        fr.agir.campaign.CampaignRules.check(settings).forEach((field, message) -> {
            String name = FIELD.getOrDefault(field, field);
            if (!result.hasFieldErrors(name)) {
                FormErrors.reject(result, name, message);
            }
        });
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return fill(model, campaign);
    }

    private String refused(DomainException e, BindingResult result, Model model, HttpServletResponse response,
                           Campaign campaign) {
        if (e.httpStatus() == 404 || e.httpStatus() == 403) {
            throw e;
        }
        response.setStatus(e.httpStatus());
        Map<String, String> fields = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> fields.put(FIELD.getOrDefault(field, field), message));
        FormErrors.add(result, new InvalidInputException(e.getMessage(), fields));
        model.addAttribute("refusal", e.getMessage());
        return fill(model, campaign);
    }

    private String fill(Model model, Campaign campaign) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("open", campaign != null && campaign.getStatus() != CampaignStatus.SCHEDULED);
        model.addAttribute("closed", campaign != null && campaign.getStatus() == CampaignStatus.CLOSED);
        model.addAttribute("applicationCount", campaign == null ? 0 : campaigns.applicationCount(campaign.getId()));
        model.addAttribute("thematicOptions", options(Thematic.values(), Thematic::label));
        model.addAttribute("thematics", Thematic.values());
        model.addAttribute("legalFormOptions", options(LegalForm.values(), LegalForm::label));
        model.addAttribute("documentOptions", options(DocumentType.values(), DocumentType::label));
        Map<String, String> durations = new LinkedHashMap<>();
        durations.put("1", "1 an");
        durations.put("2", "2 ans");
        model.addAttribute("durationOptions", durations);
        model.addAttribute("defaultMissingPieces", CampaignForm.days(deadlines.getMissingPieces()));
        model.addAttribute("defaultOpinion", CampaignForm.days(deadlines.getOpinion()));
        model.addAttribute("defaultReport", CampaignForm.months(deadlines.getReportAfterYearEnd()));
        return FORM;
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values, java.util.function.Function<E, String> label) {
        Map<String, String> options = new LinkedHashMap<>();
        for (E value : values) {
            options.put(value.name(), label.apply(value));
        }
        return options;
    }

    private static String time(Campaign c) {
        return String.format("%02d h %02d", c.getOpeningTime().getHour(), c.getOpeningTime().getMinute());
    }
}
