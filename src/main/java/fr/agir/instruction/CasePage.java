package fr.agir.instruction;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationHistory;
import fr.agir.application.ApplicationLetters;
import fr.agir.application.ApplicationProgress;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.MessageForm;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.security.People;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureDocument;
import fr.agir.workflow.Deadlines;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the instructor's case page shows ({@code instruction/case}), filled in one place for its
 * GET and for the forms re-shown with their errors: the case, where it stands, its history in
 * words, the actions of the current step and each form of the page (kept when already in the
 * model, as typed).
 */
@Component
class CasePage {
    static final String VIEW = "instruction/case";

    private final CaseView cases;
    private final InstructionQueue queue;
    private final InstructionService instruction;
    private final ApplicationHistory history;
    private final CampaignService campaigns;
    private final DocumentVault vault;
    private final Deadlines deadlines;
    private final People people;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectProvider<ApplicationLetters> letters;
    private final ObjectProvider<CaseDeliberations> deliberations;
    private final ObjectProvider<CaseAgreementVersions> agreementVersions;
    private final ObjectProvider<ReportingRecord> reportingRecord;

    CasePage(CaseView cases, InstructionQueue queue, InstructionService instruction, ApplicationHistory history,
             CampaignService campaigns, DocumentVault vault, Deadlines deadlines, People people,
             CurrentUser currentUser, Clock clock, ObjectProvider<ApplicationLetters> letters,
             ObjectProvider<CaseDeliberations> deliberations,
             ObjectProvider<CaseAgreementVersions> agreementVersions,
             ObjectProvider<ReportingRecord> reportingRecord) {
        this.agreementVersions = agreementVersions;
        this.reportingRecord = reportingRecord;
        this.cases = cases;
        this.queue = queue;
        this.instruction = instruction;
        this.history = history;
        this.campaigns = campaigns;
        this.vault = vault;
        this.deadlines = deadlines;
        this.people = people;
        this.currentUser = currentUser;
        this.clock = clock;
        this.letters = letters;
        this.deliberations = deliberations;
    }

    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put(InstructionService.Completeness.COMPLETE.name(),
                "Dossier complet et recevable : l'instruction commence");
        OUTCOMES.put(InstructionService.Completeness.MISSING_PIECES.name(),
                "Pièces manquantes : les demander à la structure");
        OUTCOMES.put(InstructionService.Completeness.INELIGIBLE.name(),
                "Irrecevable ou inéligible : un courrier motivé est envoyé à la structure");
    }

    /** One kind of amount (requested, proposed…) by year, and its total. */
    record AmountRow(String label, List<BigDecimal> byYear, BigDecimal total) {
    }

    String fill(Model model, Long applicationId) {
        CaseView.Case c = cases.of(applicationId);
        Application a = c.application();
        List<Workflow.TeamTask> open = queue.tasksOf(a.getReference());
        boolean checking = open.stream().anyMatch(t -> ProcessKeys.TASK_CHECK_COMPLETENESS.equals(t.taskKey()));
        model.addAttribute("c", c);
        model.addAttribute("app", a);
        model.addAttribute("structure", c.structure());
        model.addAttribute("steps", ApplicationProgress.of(a.getStatus()));
        model.addAttribute("history", history.of(applicationId));
        model.addAttribute("letters", letters.stream().flatMap(l -> l.of(applicationId).stream()).toList());
        model.addAttribute("deliberations", deliberations.stream().flatMap(d -> d.of(applicationId).stream()).toList());
        model.addAttribute("agreementVersions", agreementVersions.stream().flatMap(v -> v.of(applicationId).stream())
                .findFirst().orElse(null));
        model.addAttribute("reportingRecord", reportingRecord.stream()
                .flatMap(r -> r.of(a.getStructureId()).stream()).toList());
        model.addAttribute("campaignName", campaigns.get(a.getCampaignId()).getName());
        model.addAttribute("openTasks", open);
        model.addAttribute("checking", checking);
        model.addAttribute("writingSynthesis",
                open.stream().anyMatch(t -> ProcessKeys.TASK_WRITE_SYNTHESIS.equals(t.taskKey())));
        model.addAttribute("linkedIds", c.linkedPieces().stream().map(StructureDocument::getId)
                .collect(Collectors.toSet()));
        model.addAttribute("years", years(a.getDurationYears()));
        model.addAttribute("budgetSides", BudgetLineCode.Side.values());
        model.addAttribute("amountRows", amountRows(c.amounts(), a.getDurationYears()));
        model.addAttribute("colleagues", Choices.colleagues(people));
        model.addAttribute("me", currentUser.username());
        model.addAttribute("here", "/instruction/candidatures/" + a.getId());
        model.addAttribute("fileHelp", vault.fileHelp());
        if (checking) {
            List<Directorate> proposal = instruction.routingProposal(applicationId);
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("outcomeOptions", OUTCOMES);
            model.addAttribute("directorateOptions", directorateOptions(proposal));
            model.addAttribute("missingPiecesDue", deadlines.missingPiecesDueFrom(today, a.getCampaignId()));
            model.addAttribute("opinionsDue", deadlines.opinionDueFrom(today, a.getCampaignId()));
            if (!model.containsAttribute("decision")) {
                CompletenessForm form = new CompletenessForm();
                form.setDirectorates(new ArrayList<>(proposal));
                model.addAttribute("decision", form);
            }
        }
        addIfAbsent(model, "noteForm", new NoteForm());
        addIfAbsent(model, "reopenForm", new ReopenForm());
        addIfAbsent(model, "messageForm", new MessageForm());
        return VIEW;
    }

    /** Every directorate but the DIEESS (which instructs), those the routing table proposes marked so. */
    private static Map<String, String> directorateOptions(List<Directorate> proposal) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Directorate d : Directorate.values()) {
            if (d != Directorate.DIEESS) {
                options.put(d.name(), d.name() + " — " + d.label() + (proposal.contains(d) ? " (proposée)" : ""));
            }
        }
        return options;
    }

    private static List<Integer> years(int duration) {
        List<Integer> years = new ArrayList<>();
        for (int y = 1; y <= duration; y++) {
            years.add(y);
        }
        return years;
    }

    private static List<AmountRow> amountRows(Map<AmountKind, Map<Integer, BigDecimal>> amounts, int duration) {
        List<AmountRow> rows = new ArrayList<>();
        amounts.forEach((kind, byYear) -> {
            if (!byYear.isEmpty()) {
                List<BigDecimal> values = years(duration).stream().map(byYear::get).toList();
                BigDecimal total = byYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                rows.add(new AmountRow(label(kind), values, total));
            }
        });
        return rows;
    }

    private static String label(AmountKind kind) {
        return switch (kind) {
            case REQUESTED -> "Demandé par la structure";
            case PROPOSED -> "Proposé par l'instruction";
            case JURY -> "Proposé par le jury";
            case GRANTED -> "Attribué";
        };
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
