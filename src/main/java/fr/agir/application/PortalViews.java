package fr.agir.application;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import fr.agir.web.Step;
import fr.agir.web.TimelineEntry;
import fr.agir.workflow.FormSchema;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant portal's pages show, read in one transaction each: the home (what is expected,
 * structures, open calls, applications), an application's page, its form page and the summary
 * before submission. The pages' controllers only add these views to the model.
 */
@Service
public class PortalViews {
    /** What each of the applicant's steps asks, in words. */
    private static final Map<String, String> ACTIONS = Map.of(
            ProcessKeys.TASK_PROVIDE_MISSING_PIECES, "Déposez les pièces demandées puis confirmez-le",
            ProcessKeys.TASK_SIGN_AGREEMENT, "Signez la convention",
            ProcessKeys.TASK_SUBMIT_REPORT, "Déposez le compte-rendu financier");

    private final ApplicationService applications;
    private final ApplicationHistory history;
    private final MessageService messages;
    private final CampaignService campaigns;
    private final StructureService structures;
    private final Workflow workflow;
    private final DocumentVault vault;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectProvider<ApplicationLetters> letters;
    private final ObjectProvider<OverdueReports> reports;

    public PortalViews(ApplicationService applications, ApplicationHistory history, MessageService messages,
                       CampaignService campaigns, StructureService structures, Workflow workflow, DocumentVault vault,
                       CurrentUser currentUser, Clock clock, ObjectProvider<ApplicationLetters> letters,
                       ObjectProvider<OverdueReports> reports) {
        this.reports = reports;
        this.applications = applications;
        this.history = history;
        this.messages = messages;
        this.campaigns = campaigns;
        this.structures = structures;
        this.workflow = workflow;
        this.vault = vault;
        this.currentUser = currentUser;
        this.clock = clock;
        this.letters = letters;
    }

    /** One thing the applicant has to do: its words, the application, where to do it and by when. */
    public record Expected(String what, String reference, String title, String href, Date due, LocalDate dueDay,
                           String deadline, boolean late) {
        public Expected(String what, String reference, String title, String href, Date due, LocalDate dueDay) {
            this(what, reference, title, href, due, dueDay, null, false);
        }
    }

    /** A structure of his, with the required pieces its case file still lacks. */
    public record MyStructure(Structure structure, List<String> missingPieces) {
    }

    /** An application in his list: the application and its structure's name. */
    public record Line(Application application, String structureName) {
    }

    /**
     * The home: what is expected (from all his applications), his structures, the open calls and his most
     * recent applications ({@link #HOME_APPLICATIONS} at most; {@code applicationCount} says how many he has,
     * the others are on « Mes candidatures »).
     */
    public record Home(List<Expected> expected, List<MyStructure> structures, List<Campaign> openCampaigns,
                       Map<String, String> structureChoices, List<Line> applications, long applicationCount) {
        public boolean more() {
            return applicationCount > applications.size();
        }
    }

    /**
     * How many applications the home lists, the most recent first: a structure has a few, and the home of
     * someone with hundreds (the benchmark's applicant) would otherwise render them all at every visit.
     */
    static final int HOME_APPLICATIONS = 10;
    /** Lines per page of « Mes candidatures ». */
    static final int LIST_PAGE = 50;

    /** One of the applicant's steps waiting on an application, with its task key (for its form or link). */
    public record Task(String key, String what, Date due) {
    }

    public record ApplicationPage(Application application, Campaign campaign, Structure structure, List<Step> steps,
                                  List<Task> tasks, List<StructureDocument> pieces, List<ApplicationMessage> messages,
                                  List<TimelineEntry> history, String fileHelp, List<ApplicationLetters.Letter> letters) {
        public boolean draft() {
            return application.getStatus() == ApplicationStatus.DRAFT;
        }

        public boolean withdrawable() {
            return application.getStatus().withdrawable();
        }
    }

    public record FormPage(Application application, Campaign campaign, Structure structure) {
        public boolean draft() {
            return application.getStatus() == ApplicationStatus.DRAFT;
        }
    }

    /** One budget line typed, with its Cerfa account and words. */
    public record BudgetRow(String account, String label, BigDecimal amount) {
    }

    public record BudgetYear(int year, List<BudgetRow> charges, List<BudgetRow> products, BigDecimal totalCharges,
                             BigDecimal totalProducts, BigDecimal requested) {
        public boolean balanced() {
            return totalCharges.compareTo(totalProducts) == 0;
        }
    }

    /** What still stops the submission: the field in words, and what is wrong. */
    public record Problem(String field, String message) {
    }

    public record Summary(Application application, Campaign campaign, Structure structure, List<BudgetYear> budgets,
                          BigDecimal totalRequested, List<StructureDocument> pieces, List<String> missingPieces,
                          List<Problem> problems) {
        public boolean ready() {
            return problems.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Home home() {
        checkApplicant();
        LocalDate today = LocalDate.now(clock.withZone(fr.agir.shared.TimeConfig.PARIS));
        List<Structure> mine = structures.mine();
        Page<Application> page = applications.visibleList(PageRequest.of(0, 200));
        List<Application> apps = page.getContent();
        Map<Long, String> names = new HashMap<>();
        mine.forEach(s -> names.put(s.getId(), s.getName()));
        Map<String, Application> byReference = new HashMap<>();
        apps.forEach(a -> byReference.put(a.getReference(), a));
        List<Campaign> all = campaigns.all();
        Map<Long, Campaign> campaignById = new HashMap<>();
        all.forEach(c -> campaignById.put(c.getId(), c));

        List<Expected> expected = new ArrayList<>();
        for (Workflow.OpenTask t : workflow.openTasksFor(currentUser.candidateGroups(),
                apps.stream().map(Application::getReference).toList(), 0, 50)) {
            Application a = byReference.get(t.businessKey());
            if (a != null && !(ProcessKeys.TASK_SUBMIT_REPORT.equals(t.taskKey()) && reports.getIfAvailable() != null)) {
                expected.add(new Expected(ACTIONS.getOrDefault(t.taskKey(), t.name()), a.getReference(), title(a),
                        "/portail/candidatures/" + a.getId(), t.due(), null));
            }
        }
        OverdueReports owed = reports.getIfAvailable();
        if (owed != null) {
            // Each expected report, its deadline in words (« à déposer avant le 30 juin 2027, dans 45 jours »).
            for (OverdueReports.Awaited r : owed.awaited(apps.stream().map(Application::getId).toList())) {
                expected.add(new Expected("Déposez le compte-rendu financier de l’année " + r.grantYear(), r.reference(),
                        r.title(), r.href(), null, null, r.deadline(), r.late()));
            }
        }
        for (Application a : apps) {
            if (a.getStatus() == ApplicationStatus.DRAFT) {
                Campaign c = campaignById.get(a.getCampaignId());
                expected.add(new Expected("Terminez et déposez votre brouillon", a.getReference(), title(a),
                        "/portail/candidatures/" + a.getId() + "/formulaire", null, c == null ? null : c.getClosingDate()));
            }
        }
        List<MyStructure> myStructures = new ArrayList<>();
        // The case files of all his structures in one query (not one per structure: issue 21).
        Map<Long, List<DocumentType>> lacking = vault.missingRequiredTypesOfMine(mine.stream().map(Structure::getId)
                .toList());
        for (Structure s : mine) {
            List<String> missing = lacking.get(s.getId()).stream().map(DocumentType::label).toList();
            myStructures.add(new MyStructure(s, missing));
            if (!missing.isEmpty()) {
                expected.add(new Expected("Déposez les pièces exigées pour candidater (" + String.join(", ", missing)
                        + ")", null, s.getName(), "/portail/structures/" + s.getId() + "/documents", null, null));
            }
        }
        Map<String, String> choices = new LinkedHashMap<>();
        mine.forEach(s -> choices.put(String.valueOf(s.getId()), s.getName()));
        List<Campaign> open = all.stream().filter(c -> c.acceptsSubmissionsOn(today)).toList();
        List<Line> lines = apps.stream().limit(HOME_APPLICATIONS).map(a -> new Line(a, names.get(a.getStructureId())))
                .toList();
        return new Home(expected, myStructures, open, choices, lines, page.getTotalElements());
    }

    /** « Mes candidatures »: all his applications, the most recent first, {@link #LIST_PAGE} a page. */
    @Transactional(readOnly = true)
    public Page<Line> myApplications(int pageNumber) {
        checkApplicant();
        Map<Long, String> names = new HashMap<>();
        structures.mine().forEach(s -> names.put(s.getId(), s.getName()));
        return applications.visibleList(PageRequest.of(Math.max(pageNumber, 0), LIST_PAGE))
                .map(a -> new Line(a, names.get(a.getStructureId())));
    }

    @Transactional(readOnly = true)
    public ApplicationPage applicationPage(Long applicationId) {
        checkApplicant();
        Application a = applications.visible(applicationId);
        List<Task> tasks = workflow.openTasksFor(currentUser.candidateGroups(), List.of(a.getReference()), 0, 10)
                .stream().map(t -> new Task(t.taskKey(), ACTIONS.getOrDefault(t.taskKey(), t.name()), t.due())).toList();
        List<Step> steps = ApplicationProgress.of(a.getStatus(), a.getStatus() == ApplicationStatus.WITHDRAWN
                ? applications.withdrawnFrom(applicationId) : null);
        return new ApplicationPage(a, campaigns.get(a.getCampaignId()), structures.get(a.getStructureId()), steps,
                tasks, applications.documents(applicationId), messages.of(applicationId), history.of(applicationId),
                vault.fileHelp(), letters.stream().flatMap(l -> l.of(applicationId).stream()).toList());
    }

    @Transactional(readOnly = true)
    public FormPage formPage(Long applicationId) {
        checkApplicant();
        Application a = applications.visible(applicationId);
        return new FormPage(a, campaigns.get(a.getCampaignId()), structures.get(a.getStructureId()));
    }

    /** The draft read back before submission, with what would still stop it. */
    @Transactional(readOnly = true)
    public Summary summary(Long applicationId) {
        checkApplicant();
        Application a = applications.visible(applicationId);
        List<BudgetYear> years = new ArrayList<>();
        BigDecimal requested = BigDecimal.ZERO;
        for (YearBudget b : applications.budgets(applicationId)) {
            if (b.year() > a.getDurationYears()) {
                continue; // typed for year 2, then the duration set back to 1 year: dropped at submission
            }
            Map<BudgetLineCode.Side, List<BudgetRow>> rows = new EnumMap<>(BudgetLineCode.Side.class);
            rows.put(BudgetLineCode.Side.CHARGE, new ArrayList<>());
            rows.put(BudgetLineCode.Side.PRODUCT, new ArrayList<>());
            for (BudgetLineCode code : BudgetLineCode.values()) {
                BigDecimal amount = b.lines().get(code);
                if (amount != null && amount.signum() != 0) {
                    rows.get(code.side()).add(new BudgetRow(code.code().replaceAll("-.*", ""), code.label(), amount));
                }
            }
            years.add(new BudgetYear(b.year(), rows.get(BudgetLineCode.Side.CHARGE),
                    rows.get(BudgetLineCode.Side.PRODUCT), b.total(BudgetLineCode.Side.CHARGE),
                    b.total(BudgetLineCode.Side.PRODUCT), b.requestedAmount()));
            if (b.requestedAmount() != null) {
                requested = requested.add(b.requestedAmount());
            }
        }
        List<StructureDocument> pieces = new ArrayList<>(vault.currentValidDocuments(a.getStructureId()).values());
        Campaign campaign = campaigns.get(a.getCampaignId());
        List<String> missing = applications.missingPieces(a.getStructureId(), campaign).stream().map(DocumentType::label).toList();
        return new Summary(a, campaign, structures.get(a.getStructureId()), years, requested,
                pieces, missing, applications.submissionProblems(applicationId).entrySet().stream()
                .map(e -> problem(e.getKey(), e.getValue())).toList());
    }

    private static final java.util.regex.Pattern BUDGET_RULE = java.util.regex.Pattern.compile("budgets\\[(\\d+)\\].*");
    private static final java.util.regex.Pattern BUDGET_FIELD = java.util.regex.Pattern.compile("budget(\\d+)\\..*");

    /** The schema's messages end with the field's label (« Titre du projet »): shown once, in front. */
    private static Problem problem(String key, String message) {
        String field = fieldInWords(key);
        String label = field.contains(" — ") ? field.substring(field.indexOf(" — ") + 3) : field;
        return new Problem(field, message.replace(" : « " + label + " »", ""));
    }

    /** A submission error's key ("title", "budget1.l64", "budgets[1].balance", "documents") in words. */
    static String fieldInWords(String key) {
        String label = ApplicationForm.schema().fields().stream().filter(f -> f.path().equals(key))
                .map(FormSchema.Field::label).findFirst().orElse(null);
        java.util.regex.Matcher field = BUDGET_FIELD.matcher(key);
        if (label != null) {
            return field.matches() ? "Budget de l’année " + field.group(1) + " — " + label : label;
        }
        java.util.regex.Matcher rule = BUDGET_RULE.matcher(key);
        if (rule.matches() || field.matches()) {
            return "Budget prévisionnel de l’année " + (rule.matches() ? rule.group(1) : field.group(1));
        }
        if ("overdueReports".equals(key)) {
            return "Comptes rendus financiers en retard";
        }
        return "documents".equals(key) ? "Pièces du dossier unique" : "Formulaire";
    }

    /** The portal is the project leaders' space; DIEESS staff have their own pages (back office). */
    private void checkApplicant() {
        if (!currentUser.hasRole(Role.APPLICANT)) {
            throw new ForbiddenActionException("L'espace porteur de projet est réservé aux porteurs de projet.");
        }
    }

    static String title(Application a) {
        return a.getTitle() == null || a.getTitle().isBlank() ? "Projet sans titre" : a.getTitle();
    }
}
