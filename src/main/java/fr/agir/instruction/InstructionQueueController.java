package fr.agir.instruction;

import fr.agir.application.ApplicationService;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.shared.DomainException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import fr.agir.workflow.Workflow;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
 * The instructors' work queue: filters, counts per stage, the tasks with Prendre / Remettre dans la
 * file / Confier à a colleague chosen by name, and one message (or the jury) for the ticked ones.
 */
@Controller
public class InstructionQueueController {
    private static final int PAGE_SIZE = 50;
    /** Parameters that are not filters: left out of the links the page builds. */
    private static final List<String> NOT_FILTERS = List.of("page", "_overdue", "_csrf");

    private final InstructionQueue queue;
    private final CampaignService campaigns;
    private final MassMessage massMessage;
    private final ApplicationService applications;
    private final People people;
    private final CurrentUser currentUser;

    public InstructionQueueController(InstructionQueue queue, CampaignService campaigns, MassMessage massMessage,
                                      ApplicationService applications, People people, CurrentUser currentUser) {
        this.queue = queue;
        this.applications = applications;
        this.campaigns = campaigns;
        this.massMessage = massMessage;
        this.people = people;
        this.currentUser = currentUser;
    }

    /** What the last grouped sending did to each application, shown on the queue after the redirect. */
    public record MassReport(boolean jury, long sent, List<Line> lines) implements Serializable {
        public record Line(String reference, boolean sent, String error) implements Serializable {
        }
    }

    @GetMapping("/instruction")
    public String queuePage(@ModelAttribute("filtres") QueueFilterForm filters, BindingResult result,
                            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        InstructionQueue.Result found;
        try {
            found = queue.queue(filters.toFilter(), filters.pageNumber(), PAGE_SIZE);
        } catch (InvalidInputException e) {
            // An impossible amount range: shown next to the amounts, and the queue without them.
            FormErrors.add(result, e);
            filters.setMinAmount(null);
            filters.setMaxAmount(null);
            found = queue.queue(filters.toFilter(), filters.pageNumber(), PAGE_SIZE);
        }
        Map<String, String> stageLinks = new LinkedHashMap<>();
        found.countsByStage().keySet().forEach(stage -> stageLinks.put(stage.name(), link(params, "stage", stage.name())));
        model.addAttribute("result", found);
        model.addAttribute("page", new PageImpl<>(found.items(), PageRequest.of(found.page(), PAGE_SIZE), found.total()));
        model.addAttribute("pageUrl", link(params, null, null));
        model.addAttribute("stageLinks", stageLinks);
        model.addAttribute("here", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("me", currentUser.username());
        model.addAttribute("campaignOptions", Choices.campaigns(campaigns.all()));
        model.addAttribute("thematicOptions", Choices.thematics());
        model.addAttribute("stageOptions", Choices.statuses(InstructionQueue.STEPS_OF_STAGE.keySet()));
        model.addAttribute("eptOptions", Choices.epts());
        model.addAttribute("assignmentOptions", Map.of("MINE", "Mes tâches", "UNASSIGNED", "Non attribuées"));
        model.addAttribute("sortOptions", sorts());
        model.addAttribute("colleagues", Choices.colleagues(people));
        model.addAttribute("agreementsToSign", queue.agreementsToSignCount());
        return "instruction/queue";
    }

    /** "Conventions à signer": the agreements waiting for a signature, since when, the reminders sent. */
    @GetMapping("/instruction/conventions-a-signer")
    public String agreementsToSign(Model model) {
        List<AgreementsAwaitingSignature.Waiting> waiting = queue.agreementsToSign();
        model.addAttribute("waiting", waiting);
        model.addAttribute("overdue", waiting.stream().filter(AgreementsAwaitingSignature.Waiting::overdue).count());
        return "instruction/agreements-to-sign";
    }

    @PostMapping("/instruction/taches/{taskId}/{action}")
    public String taskAction(@PathVariable String taskId, @PathVariable String action,
                             @RequestParam(required = false) String assignee,
                             @RequestParam(required = false) String retour, RedirectAttributes redirect) {
        String back = back(retour);
        try {
            switch (action) {
                case "prendre" -> {
                    Workflow.TeamTask t = queue.claim(taskId);
                    Notice.success("Tâche prise : elle est dans votre file.", what(t)
                                    + ". Vous la retrouvez avec le filtre « Mes tâches ».",
                            Notice.link(caseOf(t), "Ouvrir le dossier " + t.businessKey())).flash(redirect);
                }
                case "liberer" -> {
                    Workflow.TeamTask t = queue.release(taskId);
                    Notice.success("Tâche remise dans la file de l'équipe.", what(t)
                            + " : un ou une collègue peut maintenant la prendre.").flash(redirect);
                }
                case "confier" -> {
                    if (assignee == null || !Choices.colleagues(people).containsKey(assignee)) {
                        Notice.error("La tâche n'est pas confiée.",
                                "Choisissez dans la liste le ou la collègue à qui la confier.").flash(redirect);
                        return "redirect:" + back;
                    }
                    Workflow.TeamTask t = queue.assignTo(taskId, assignee);
                    Notice.success("Tâche confiée à " + people.name(assignee) + ".", what(t)
                            + " : elle est maintenant dans sa file (« Mes tâches »).").flash(redirect);
                }
                default -> throw new NotFoundException("Action inconnue.");
            }
        } catch (DomainException e) {
            if (e.httpStatus() == 404) {
                throw e;
            }
            Notice.error("La tâche n'a pas changé.", e.getMessage()).flash(redirect);
        }
        return "redirect:" + back;
    }

    @PostMapping("/instruction/messages-groupes")
    public String messageMany(@RequestParam(required = false) List<Long> selection,
                              @RequestParam(defaultValue = "") String message,
                              @RequestParam(defaultValue = "message") String action,
                              @RequestParam(required = false) String retour, RedirectAttributes redirect) {
        boolean jury = "jury".equals(action);
        String back = back(retour);
        try {
            List<MassMessage.Outcome> outcomes = jury ? massMessage.sendToJury(selection)
                    : massMessage.send(selection, message);
            long sent = outcomes.stream().filter(MassMessage.Outcome::sent).count();
            List<MassReport.Line> lines = outcomes.stream().map(o -> new MassReport.Line(
                    o.reference() == null ? "Candidature n° " + o.applicationId() : o.reference(), o.sent(),
                    o.error())).toList();
            redirect.addFlashAttribute("massReport", new MassReport(jury, sent, lines));
            String done = jury ? sent + " sur " + outcomes.size() + " " + (sent > 1 ? "transmises" : "transmise")
                    + " au jury" : sent + " sur " + outcomes.size() + " " + (sent > 1 ? "envoyés" : "envoyé");
            Notice notice = sent == outcomes.size()
                    ? Notice.success(jury ? "Candidatures transmises au jury : " + done + "."
                            : "Message envoyé aux candidatures cochées : " + done + ".", jury
                            ? "Elles attendent maintenant une séance de jury, avec la synthèse proposée."
                            : "Chaque structure le lit dans sa candidature et en est prévenue par e-mail.")
                    : Notice.warning((jury ? "Transmission au jury incomplète : " : "Envoi incomplet : ") + done + ".",
                            "Le compte rendu ci-dessous dit pourquoi pour chaque candidature.");
            notice.flash(redirect);
        } catch (DomainException e) {
            redirect.addFlashAttribute("massMessage", message);
            Notice.error("Rien n'a été envoyé.", e.fieldErrors().isEmpty() ? e.getMessage()
                    : String.join(" ; ", e.fieldErrors().values()) + ".").flash(redirect);
        }
        return "redirect:" + back + "#action-groupee";
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("DEADLINE", "Échéance la plus proche");
        sorts.put("AMOUNT", "Montant demandé, décroissant");
        return sorts;
    }

    private static String what(Workflow.TeamTask t) {
        return "« " + t.name() + " » — " + t.businessKey();
    }

    private String caseOf(Workflow.TeamTask t) {
        return applications.byReferences(java.util.Set.of(t.businessKey())).stream().findFirst()
                .map(a -> "/instruction/candidatures/" + a.getId()).orElse("/instruction");
    }

    /**
     * The queue's address with one parameter changed (back to the first page when a filter
     * changes); with {@code name} null, the address for the pagination, ending with ? or &.
     */
    static String link(Map<String, String> params, String name, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/instruction");
        params.forEach((k, v) -> {
            if (!k.equals(name) && !NOT_FILTERS.contains(k) && v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        if (name == null) {
            String query = uri.encode().build().toUriString();
            return query + (query.contains("?") ? "&" : "?");
        }
        return uri.queryParam(name, value).encode().build().toUriString();
    }

    /** Back to the page the button was on (the queue with its filters, or a case page), never elsewhere. */
    static String back(String retour) {
        if (retour != null && (retour.equals("/instruction") || retour.startsWith("/instruction?")
                || retour.matches("/instruction/candidatures/\\d+")) && !retour.contains("//")
                && !retour.contains("\\") && retour.chars().noneMatch(Character::isISOControl)) {
            return retour;
        }
        return "/instruction";
    }
}
