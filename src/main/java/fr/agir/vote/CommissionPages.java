package fr.agir.vote;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.shared.DomainException;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The DIEESS's pages for the Commission permanente: the sittings, a sitting's report (adjust a
 * line, totals against the envelope, déports, send the report), the vote (délibération, exceptions,
 * déports, confirmed before it is recorded), and the elected members with their links.
 */
@Controller
public class CommissionPages {
    static final String BASE = "/instruction/commission";
    private static final int DEFAULT_ROWS = 5;

    private final CommissionService service;
    private final ElectedMemberService electedMembers;
    private final CampaignService campaigns;

    public CommissionPages(CommissionService service, ElectedMemberService electedMembers, CampaignService campaigns) {
        this.service = service;
        this.electedMembers = electedMembers;
        this.campaigns = campaigns;
    }

    private static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }

    private static String sittingPath(Long id) {
        return BASE + "/seances/" + id;
    }

    // ---- the sittings

    @GetMapping(BASE)
    public String sittings(@ModelAttribute("form") CommissionForms.NewSitting form, Model model) {
        return sittingsPage(model);
    }

    @PostMapping(BASE + "/seances")
    public String create(@ModelAttribute("form") CommissionForms.NewSitting form, BindingResult result, Model model,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Long campaignId = form.getCampaignId() == null || form.getCampaignId().isBlank() ? null
                    : Long.valueOf(form.getCampaignId());
            CommissionSitting s = service.create(campaignId, form.getNumber(), form.getSittingDate());
            Notice.success("La séance " + s.getNumber() + " est créée.",
                    "Constituez maintenant son rapport à partir des propositions du jury.",
                    Notice.link(sittingPath(s.getId()), "Ouvrir la séance")).flash(redirect);
            return seeOther(request, sittingPath(s.getId()));
        } catch (NumberFormatException e) {
            FormErrors.reject(result, "campaignId", "Choisissez l'appel à projets");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        } catch (DomainException e) {
            FormErrors.add(result, e);
            response.setStatus(e.httpStatus());
        }
        return sittingsPage(model);
    }

    private String sittingsPage(Model model) {
        List<Campaign> all = campaigns.all().stream()
                .sorted(Comparator.comparing(Campaign::getOpeningDate).reversed()).toList();
        Map<Long, String> campaignNames = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Campaign c : all) {
            campaignNames.put(c.getId(), c.getName());
            options.put(String.valueOf(c.getId()), c.getName() + " (" + c.getCode() + ")");
        }
        model.addAttribute("sittings", service.list());
        model.addAttribute("lineCounts", service.lineCounts());
        model.addAttribute("campaignNames", campaignNames);
        model.addAttribute("campaignOptions", options);
        return "vote/sittings";
    }

    // ---- one sitting and its report

    @GetMapping(BASE + "/seances/{id}")
    public String sitting(@PathVariable Long id, Model model) {
        model.addAttribute("report", service.report(id));
        return "vote/sitting";
    }

    @PostMapping(BASE + "/seances/{id}/rapport")
    public String build(@PathVariable Long id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            int added = service.buildReport(id);
            (added == 0 ? Notice.info("Aucun dossier à ajouter.", "Toutes les propositions du jury en attente de vote "
                    + "sont déjà dans un rapport.") : Notice.success(CommissionService.count(added, "dossier ajouté",
                    "dossiers ajoutés") + " au rapport.", "Vérifiez les lignes signalées pour un déport et ajustez "
                    + "les propositions si besoin, puis envoyez le rapport aux élus.")).flash(redirect);
        } catch (DomainException e) {
            Notice.error("Le rapport n'a pas été modifié.", e.getMessage()).flash(redirect);
        }
        return seeOther(request, sittingPath(id));
    }

    @GetMapping(BASE + "/seances/{id}/lignes/{applicationId}")
    public String line(@PathVariable Long id, @PathVariable Long applicationId, Model model) {
        CommissionService.LineView line = lineOf(id, applicationId);
        CommissionForms.Adjustment form = new CommissionForms.Adjustment();
        form.setDurationYears(line.line().reportDuration());
        form.setAmountYear1(plain(line.line().reportAmounts().get(1)));
        form.setAmountYear2(plain(line.line().reportAmounts().get(2)));
        model.addAttribute("form", form);
        return linePage(id, line, model);
    }

    @PostMapping(BASE + "/seances/{id}/lignes/{applicationId}")
    public String adjust(@PathVariable Long id, @PathVariable Long applicationId,
                         @ModelAttribute("form") CommissionForms.Adjustment form, BindingResult result, Model model,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Map<Integer, BigDecimal> amounts = new HashMap<>();
        FormErrors.yearAmount(form.getAmountYear1(), 1, "amountYear1", amounts, result);
        FormErrors.yearAmount(form.getAmountYear2(), 2, "amountYear2", amounts, result);
        if (!result.hasErrors()) {
            try {
                service.adjust(id, applicationId, form.getDurationYears(), amounts, form.getReason());
                Notice.success("Proposition ajustée.", "La proposition du jury reste affichée à côté de l'ajustement.")
                        .flash(redirect);
                return seeOther(request, sittingPath(id) + "#ligne-" + applicationId);
            } catch (DomainException e) {
                addErrors(result, e, Map.of("amounts.1", "amountYear1", "amounts.2", "amountYear2"));
                response.setStatus(e.httpStatus());
                return linePage(id, lineOf(id, applicationId), model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return linePage(id, lineOf(id, applicationId), model);
    }

    private String linePage(Long id, CommissionService.LineView line, Model model) {
        model.addAttribute("sitting", service.get(id));
        model.addAttribute("line", line);
        model.addAttribute("durationOptions", durationOptions(line.application().getDurationYears()));
        return "vote/line";
    }

    private static Map<String, String> durationOptions(int max) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int y = 1; y <= max; y++) {
            options.put(String.valueOf(y), French.years(y));
        }
        return options;
    }

    private CommissionService.LineView lineOf(Long id, Long applicationId) {
        return service.report(id).lines().stream().filter(l -> l.line().getApplicationId().equals(applicationId))
                .findFirst().orElseThrow(() -> new fr.agir.shared.NotFoundException(
                        "Ce dossier n'est pas dans le rapport de cette séance."));
    }

    @PostMapping(BASE + "/seances/{id}/envoi")
    public String send(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
                       HttpServletRequest request, RedirectAttributes redirect) {
        if (!confirmed) {
            CommissionService.Report report = service.report(id);
            model.addAttribute("sitting", report.sitting());
            model.addAttribute("details", List.of(
                    CommissionService.count(report.lines().size(), "dossier est", "dossiers sont") + " au rapport ; "
                            + CommissionService.count((int) report.flaggedCount(), "ligne appelle", "lignes appellent")
                            + " un déport.",
                    "Le rapport ne pourra plus être modifié : ni ligne ajoutée, ni proposition ajustée.",
                    "Le vote s'enregistre ensuite sur la page de la séance."));
            return "vote/send-confirmation";
        }
        try {
            service.sendReport(id);
            Notice.success("Rapport envoyé aux élus.", "Après la séance, enregistrez le vote de la Commission.",
                    Notice.link(sittingPath(id) + "/vote", "Enregistrer le vote")).flash(redirect);
        } catch (DomainException e) {
            Notice.error("Le rapport n'a pas été envoyé.", e.getMessage()).flash(redirect);
        }
        return seeOther(request, sittingPath(id));
    }

    // ---- the vote

    @GetMapping(BASE + "/seances/{id}/vote")
    public String voteForm(@PathVariable Long id, @RequestParam(name = "lignes", defaultValue = "" + DEFAULT_ROWS) int rows,
                           Model model) {
        CommissionForms.Vote form = new CommissionForms.Vote();
        for (int i = 0; i < Math.max(1, Math.min(rows, 60)); i++) {
            form.getRows().add(new CommissionForms.ExceptionRow());
        }
        CommissionService.Report report = service.report(id);
        report.lines().stream().filter(CommissionService.LineView::flagged).forEach(l -> l.recusalsDue()
                .forEach(d -> form.getRecusals().add(l.line().getApplicationId() + ":" + d.memberId())));
        model.addAttribute("form", form);
        return votePage(report, model);
    }

    @PostMapping(BASE + "/seances/{id}/vote")
    public String vote(@PathVariable Long id, @ModelAttribute("form") CommissionForms.Vote form, BindingResult result,
                       @RequestParam(defaultValue = "false") boolean confirmed,
                       @RequestParam(defaultValue = "false") boolean edit, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        CommissionService.Report report = service.report(id);
        if (edit) {
            // Back from the confirmation step: the form again, as it was typed.
            for (int i = 0; i < form.getRows().size(); i++) {
                if (form.getRows().get(i) == null) {
                    form.getRows().set(i, new CommissionForms.ExceptionRow());
                }
            }
            while (form.getRows().size() < DEFAULT_ROWS) {
                form.getRows().add(new CommissionForms.ExceptionRow());
            }
            return votePage(report, model);
        }
        Map<String, Long> byReference = new HashMap<>();
        report.lines().forEach(l -> byReference.put(l.application().getReference(), l.line().getApplicationId()));
        List<CommissionService.LineException> exceptions = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        Map<ReportLine.Outcome, Integer> counts = new EnumMap<>(ReportLine.Outcome.class);
        for (int i = 0; i < form.getRows().size(); i++) {
            CommissionForms.ExceptionRow row = form.getRows().get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            String prefix = "rows[" + i + "].";
            Long applicationId = row.getReference() == null ? null : byReference.get(row.getReference().strip().toUpperCase());
            if (applicationId == null) {
                FormErrors.reject(result, prefix + "reference", "Ligne " + (i + 1) + " : ce dossier n'est pas dans le rapport");
                continue;
            }
            ReportLine.Outcome outcome;
            try {
                outcome = ReportLine.Outcome.valueOf(row.getOutcome());
            } catch (RuntimeException e) {
                FormErrors.reject(result, prefix + "outcome", "Ligne " + (i + 1) + " : choisissez la décision");
                continue;
            }
            Map<Integer, BigDecimal> amounts = new HashMap<>();
            if (outcome == ReportLine.Outcome.AMENDED) {
                FormErrors.yearAmount(row.getAmountYear1(), 1, prefix + "amountYear1", amounts, result);
                FormErrors.yearAmount(row.getAmountYear2(), 2, prefix + "amountYear2", amounts, result);
            }
            exceptions.add(new CommissionService.LineException(applicationId, outcome,
                    outcome == ReportLine.Outcome.AMENDED ? row.getDurationYears() : null, amounts, row.getMotivation()));
            rowOf.add(i);
            counts.merge(outcome, 1, Integer::sum);
        }
        List<CommissionService.RecusalInput> recusals = new ArrayList<>();
        for (String pair : form.getRecusals()) {
            String[] parts = pair.split(":");
            if (parts.length == 2) {
                try {
                    recusals.add(new CommissionService.RecusalInput(Long.valueOf(parts[0]), Long.valueOf(parts[1])));
                } catch (NumberFormatException ignored) {
                    // a forged value: nothing to record
                }
            }
        }
        service.deliberationErrors(report.sitting(), form.getDeliberationNumber(), form.getDeliberationDate())
                .forEach((field, message) -> FormErrors.reject(result, field, message));
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return votePage(report, model);
        }
        if (!confirmed) {
            int exceptional = counts.values().stream().mapToInt(Integer::intValue).sum();
            List<String> details = new ArrayList<>();
            details.add("Délibération " + form.getDeliberationNumber().strip() + " du "
                    + French.date(form.getDeliberationDate()) + ".");
            details.add(CommissionService.count(report.lines().size() - exceptional, "dossier adopté", "dossiers adoptés")
                    + " tels que le rapport les propose.");
            counts.forEach((outcome, n) -> details.add(dossiers(outcome, n) + "."));
            details.add(CommissionService.count(recusals.size(), "déport enregistré", "déports enregistrés") + ".");
            details.add("Chaque structure verra la décision sur sa candidature dès l'enregistrement.");
            model.addAttribute("details", details);
            model.addAttribute("report", report);
            return "vote/vote-confirmation";
        }
        try {
            CommissionService.VoteSummary summary = service.recordVote(id, new CommissionService.VoteInput(
                    form.getDeliberationNumber(), form.getDeliberationDate(), exceptions, recusals));
            Notice.success("Vote enregistré : délibération " + summary.sitting().getDeliberationNumber() + ".",
                    summary.outcomes().entrySet().stream().map(e -> dossiers(e.getKey(), e.getValue()))
                            .reduce((a, b) -> a + ", " + b).orElse("") + ".")
                    .flash(redirect);
            return seeOther(request, sittingPath(id));
        } catch (DomainException e) {
            Map<String, String> renames = new HashMap<>();
            for (int k = 0; k < rowOf.size(); k++) {
                renames.put("exceptions[" + k + "].", "rows[" + rowOf.get(k) + "].");
            }
            addVoteErrors(result, e, renames);
            response.setStatus(e.httpStatus());
            return votePage(service.report(id), model);
        }
    }

    /** "1 dossier rejeté", "3 dossiers amendés". */
    private static String dossiers(ReportLine.Outcome outcome, int n) {
        String participle = switch (outcome) {
            case ADOPTED -> "adopté";
            case AMENDED -> "amendé";
            case REJECTED -> "rejeté";
            case ADJOURNED -> "ajourné";
        };
        return CommissionService.count(n, "dossier " + participle, "dossiers " + participle + "s");
    }

    private static final Pattern EXCEPTION_FIELD = Pattern.compile("^(exceptions\\[\\d+]\\.)(.*)$");

    /** The service's field names ("exceptions[2].amounts.1") as the form's ("rows[5].amountYear1"). */
    private static void addVoteErrors(BindingResult result, DomainException e, Map<String, String> renames) {
        if (e.fieldErrors().isEmpty() || !(e instanceof InvalidInputException)) {
            result.addError(new org.springframework.validation.ObjectError(result.getObjectName(), e.getMessage()));
            return;
        }
        result.addError(new org.springframework.validation.ObjectError(result.getObjectName(), e.getMessage()));
        e.fieldErrors().forEach((field, message) -> {
            Matcher m = EXCEPTION_FIELD.matcher(field);
            String name = field;
            if (m.matches() && renames.containsKey(m.group(1))) {
                String rest = m.group(2).replace("amounts.1", "amountYear1").replace("amounts.2", "amountYear2")
                        .replace("applicationId", "reference");
                name = renames.get(m.group(1)) + rest;
            }
            if (name.startsWith("rows[") || name.equals("deliberationNumber") || name.equals("deliberationDate")) {
                FormErrors.reject(result, name, message);
            }
        });
    }

    private String votePage(CommissionService.Report report, Model model) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (ReportLine.Outcome o : List.of(ReportLine.Outcome.AMENDED, ReportLine.Outcome.REJECTED,
                ReportLine.Outcome.ADJOURNED, ReportLine.Outcome.ADOPTED)) {
            outcomes.put(o.name(), o.label());
        }
        model.addAttribute("report", report);
        model.addAttribute("outcomeOptions", outcomes);
        model.addAttribute("flagged", report.lines().stream().filter(CommissionService.LineView::flagged).toList());
        return "vote/vote";
    }

    // ---- elected members

    @GetMapping(BASE + "/elus")
    public String members(Model model) {
        model.addAttribute("form", new CommissionForms.Member());
        model.addAttribute("linkForm", new CommissionForms.Link());
        return membersPage(model);
    }

    @PostMapping(BASE + "/elus")
    public String addMember(@ModelAttribute("form") CommissionForms.Member form, BindingResult result, Model model,
                            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ElectedMember m = electedMembers.add(form.getFullName());
            Notice.success(m.getFullName() + " est ajouté·e aux élus de la Commission.",
                    "Déclarez ses liens avec des structures : ses déports en découlent.").flash(redirect);
            return seeOther(request, BASE + "/elus#elu-" + m.getId());
        } catch (DomainException e) {
            FormErrors.add(result, e);
            response.setStatus(e.httpStatus());
            model.addAttribute("linkForm", new CommissionForms.Link());
            return membersPage(model);
        }
    }

    @PostMapping(BASE + "/elus/liens")
    public String declareLink(@ModelAttribute("linkForm") CommissionForms.Link form, BindingResult result, Model model,
                              HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Long memberId = form.getMemberId() == null || form.getMemberId().isBlank() ? null : Long.valueOf(form.getMemberId());
            ElectedMemberLink.Kind kind = form.getKind() == null || form.getKind().isBlank() ? null
                    : ElectedMemberLink.Kind.valueOf(form.getKind());
            electedMembers.declareLink(memberId, null, form.getSiretOrRna(), kind, form.getDescription());
            Notice.success("Lien enregistré.", "Les lignes des rapports concernant cette structure sont signalées pour un déport.")
                    .flash(redirect);
            return seeOther(request, BASE + "/elus#elu-" + memberId);
        } catch (DomainException e) {
            addErrors(result, e, Map.of("structure", "siretOrRna"));
            response.setStatus(e.httpStatus());
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, "kind", "Choisissez la nature du lien");
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("form", new CommissionForms.Member());
        return membersPage(model);
    }

    @PostMapping(BASE + "/elus/statut")
    public String setActive(@RequestParam Long memberId, @RequestParam boolean active, HttpServletRequest request,
                            RedirectAttributes redirect) {
        ElectedMember m = electedMembers.setActive(memberId, active);
        Notice.success(m.getFullName() + (active ? " siège de nouveau à la Commission." : " ne siège plus à la Commission."),
                active ? "Ses liens signalent de nouveau des déports." : "Ses liens ne signalent plus de déport.")
                .flash(redirect);
        return seeOther(request, BASE + "/elus#elu-" + memberId);
    }

    @PostMapping(BASE + "/elus/liens/retrait")
    public String removeLink(@RequestParam Long linkId, HttpServletRequest request, RedirectAttributes redirect) {
        electedMembers.removeLink(linkId);
        Notice.success("Lien retiré.", "Les déports qu'il signalait ne le sont plus.").flash(redirect);
        return seeOther(request, BASE + "/elus");
    }

    private String membersPage(Model model) {
        List<ElectedMemberService.MemberView> members = electedMembers.list();
        Map<String, String> memberOptions = new LinkedHashMap<>();
        members.stream().filter(m -> m.member().isActive())
                .forEach(m -> memberOptions.put(String.valueOf(m.member().getId()), m.member().getFullName()));
        Map<String, String> kinds = new LinkedHashMap<>();
        for (ElectedMemberLink.Kind k : ElectedMemberLink.Kind.values()) {
            kinds.put(k.name(), k.label());
        }
        model.addAttribute("members", members);
        model.addAttribute("memberOptions", memberOptions);
        model.addAttribute("kindOptions", kinds);
        return "vote/members";
    }

    // ---- helpers

    private static void addErrors(BindingResult result, DomainException e, Map<String, String> renames) {
        if (e.fieldErrors().isEmpty()) {
            FormErrors.add(result, e);
            return;
        }
        e.fieldErrors().forEach((field, message) -> FormErrors.reject(result, renames.getOrDefault(field, field), message));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : Money.format(amount).replace(" €", "").replace(",00", "");
    }
}
