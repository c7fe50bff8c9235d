package fr.agir.application;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditReader;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignStatus;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts, submission, and the application's stage and amounts as later steps change them. */
@Service
public class ApplicationService {
    public static final String ENTITY = "APPLICATION";
    /** Audit entities internal to the Département: directorates' opinions and the jury's (advisory) result. */
    /** Where finance reads a grant's payments: granted, in progress, closed, and withdrawn (what was paid is recovered). */
    private static final Set<ApplicationStatus> FINANCE_STAGES = EnumSet.of(ApplicationStatus.GRANTED,
            ApplicationStatus.IN_PROGRESS, ApplicationStatus.CLOSED, ApplicationStatus.GRANT_WITHDRAWN);

    private final ApplicationRepository applications;
    private final BudgetLineRepository budgetLines;
    private final ApplicationAmountRepository amounts;
    private final ApplicationDocumentRepository linkedDocuments;
    private final ApplicationMessageRepository messages;
    private final DocumentVault vault;
    private final CampaignService campaigns;
    private final StructureService structures;
    private final ReviewerAccess reviewerAccess;
    private final NumberSequenceService numbers;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<OverdueReports> overdueReports;
    private final DraftBudgetWriter draftBudgets;

    public ApplicationService(ApplicationRepository applications, BudgetLineRepository budgetLines,
                              ApplicationAmountRepository amounts, ApplicationDocumentRepository linkedDocuments,
                              ApplicationMessageRepository messages, DocumentVault vault, CampaignService campaigns,
                              StructureService structures, ReviewerAccess reviewerAccess,
                              NumberSequenceService numbers, Workflow workflow, AuditTrail audit,
                              CurrentUser currentUser, Clock clock, ApplicationEventPublisher events,
                              org.springframework.beans.factory.ObjectProvider<OverdueReports> overdueReports,
                              DraftBudgetWriter draftBudgets) {
        this.overdueReports = overdueReports;
        this.draftBudgets = draftBudgets;
        this.applications = applications;
        this.budgetLines = budgetLines;
        this.amounts = amounts;
        this.linkedDocuments = linkedDocuments;
        this.messages = messages;
        this.vault = vault;
        this.campaigns = campaigns;
        this.structures = structures;
        this.reviewerAccess = reviewerAccess;
        this.numbers = numbers;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** What the applicant types; a draft may be incomplete, submission checks everything. */
    /** What an applicant writes; the sub-theme is one of the campaign's for the thematic (its label), or none. */
    public record Draft(String title, String description, Thematic thematic, String subTheme, TargetPublic targetPublic,
                        String territory, Integer durationYears, List<YearBudget> budgets) {
        public Draft(String title, String description, Thematic thematic, TargetPublic targetPublic, String territory,
                     Integer durationYears, List<YearBudget> budgets) {
            this(title, description, thematic, null, targetPublic, territory, durationYears, budgets);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application createDraft(Long campaignId, Long structureId, Draft draft) {
        structures.checkMember(structureId);
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus() == CampaignStatus.CLOSED) {
            throw new StateConflictException("L'appel à projets « " + campaign.getName() + " » est clos.");
        }
        String prefix = "AGIR-" + campaign.getOpeningDate().getYear();
        Application application = applications.save(new Application(
                numbers.next(NumberSequenceService.APPLICATION, prefix), campaignId, structureId,
                currentUser.username(), Instant.now(clock)));
        write(application, campaign, draft);
        audit.record(ENTITY, application.getId(), application.getId(), AuditAction.DRAFT_CREATED, null, ApplicationStatus.DRAFT, null);
        return application;
    }

    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application updateDraft(Long applicationId, Draft draft) {
        Application application = ownDraft(applicationId);
        write(application, campaigns.get(application.getCampaignId()), draft);
        return application;
    }

    /**
     * Submits the draft: checks it completely, then starts its lifecycle. Submitting an already
     * submitted application returns it unchanged (one application, one process). The integrators'
     * API submits without the portal's declaration on honour (their own terms cover it).
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application submit(Long applicationId) {
        return submit(applicationId, false);
    }

    /**
     * As {@link #submit(Long)}; {@code declaredOnHonour} says that the person certified the
     * information on the portal's summary page (kept in the audit trail's reason).
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application submit(Long applicationId, boolean declaredOnHonour) {
        Application application = applications.findForUpdate(applicationId).orElseThrow(ApplicationService::notFound);
        structures.checkMember(application.getStructureId());
        if (application.getStatus() != ApplicationStatus.DRAFT) {
            return application;
        }
        Campaign campaign = campaigns.checkAcceptsSubmissions(application.getCampaignId());
        List<OverdueReports.Awaited> overdue = overdueReportsOf(application.getStructureId());
        if (!overdue.isEmpty()) {
            throw new StateConflictException(overdueReportsMessage(overdue), Map.of("overdueReports", overdue.stream()
                    .map(r -> Map.of("application", r.reference(), "grantYear", r.grantYear(),
                            "dueDate", r.dueDate().toString(), "href", r.href())).toList()));
        }
        dropBudgetsBeyondDuration(application);
        Map<String, String> errors = submissionErrors(application, campaign, budgets(applicationId));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La candidature est incomplète ou incohérente : corrigez les champs "
                    + "signalés puis déposez-la à nouveau. Votre brouillon est conservé.", errors);
        }
        application.markSubmitted(currentUser.username(), Instant.now(clock));
        linkCaseFileDocuments(applicationId);
        audit.record(ENTITY, applicationId, applicationId, AuditAction.SUBMITTED, ApplicationStatus.DRAFT,
                ApplicationStatus.SUBMITTED, "Dépôt par " + currentUser.displayName()
                        + (declaredOnHonour ? ", informations certifiées exactes sur l'honneur" : ""));
        workflow.start(ProcessKeys.APPLICATION_LIFECYCLE, application.getReference(), lifecycleVariables(application));
        events.publishEvent(new ApplicationSubmitted(applicationId)); // the receipt e-mail, in this transaction
        return application;
    }

    /**
     * What would stop the draft's submission today, by field (the portal's summary page shows it
     * before the declaration): the same checks as {@link #submit}, changing nothing.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPLICANT')")
    public Map<String, String> submissionProblems(Long applicationId) {
        Application application = visible(applicationId);
        if (application.getStatus() != ApplicationStatus.DRAFT) {
            return Map.of();
        }
        Campaign campaign = campaigns.get(application.getCampaignId());
        List<YearBudget> budgets = budgets(applicationId).stream()
                .filter(b -> b.year() <= application.getDurationYears()).toList();
        Map<String, String> problems = new LinkedHashMap<>();
        List<OverdueReports.Awaited> overdue = overdueReportsOf(application.getStructureId());
        if (!overdue.isEmpty()) {
            problems.put("overdueReports", overdueReportsMessage(overdue));
        }
        problems.putAll(submissionErrors(application, campaign, budgets));
        return problems;
    }

    private List<OverdueReports.Awaited> overdueReportsOf(Long structureId) {
        OverdueReports reports = overdueReports.getIfAvailable();
        return reports == null ? List.of() : reports.overdue(structureId);
    }

    /**
     * A structure that owes a financial report past its due date submits no new application, in any
     * campaign: the message names each report and says where to send it; the draft is kept.
     */
    static String overdueReportsMessage(List<OverdueReports.Awaited> overdue) {
        String which = overdue.stream().map(r -> "le compte rendu financier de l'année " + r.grantYear()
                + " de la subvention " + r.reference() + " « " + r.title() + " » (" + r.deadline() + ")")
                .collect(java.util.stream.Collectors.joining(" ; "));
        return "Votre structure ne peut pas déposer de nouvelle candidature tant qu'elle n'a pas remis " + which
                + ". Déposez-le depuis la page de cette subvention, rubrique « Compte rendu financier » ("
                + overdue.get(0).href() + "), puis déposez à nouveau cette candidature. Votre brouillon est conservé.";
    }

    private Map<String, String> submissionErrors(Application application, Campaign campaign, List<YearBudget> budgets) {
        Map<String, String> errors = completenessErrors(application, campaign, budgets);
        Structure structure = structures.get(application.getStructureId());
        Set<fr.agir.structure.LegalForm> eligible = campaign.getLegalForms();
        if (!eligible.isEmpty() && !eligible.contains(structure.getLegalForm())) {
            errors.put("legalForm", "Cet appel à projets n'est pas ouvert aux structures de forme « "
                    + structure.getLegalForm().label() + " » : il s'adresse aux formes suivantes : "
                    + String.join(", ", eligible.stream().sorted().map(fr.agir.structure.LegalForm::label).toList()) + ".");
        }
        errors.putAll(CampaignAmountRules.check(campaign.getMinAmount(), campaign.getMaxAmount(), budgets));
        List<DocumentType> missing = missingPieces(application.getStructureId(), campaign);
        if (!missing.isEmpty()) {
            errors.put("documents", "Ajoutez au dossier unique de la structure, ou remplacez si elles ont expiré, "
                    + "ces pièces exigées pour candidater : "
                    + String.join(", ", missing.stream().map(DocumentType::label).toList()));
        }
        return errors;
    }

    /**
     * The pieces the campaign requires (its own list, by default the usual one) that the structure's
     * case file lacks or has expired.
     */
    @Transactional(readOnly = true)
    public List<DocumentType> missingPieces(Long structureId, Campaign campaign) {
        Set<DocumentType> valid = vault.currentValidDocuments(structureId).keySet();
        return campaign.getRequiredDocuments().stream().sorted().filter(t -> !valid.contains(t)).toList();
    }

    /**
     * Deletes a draft its structure no longer wants: its rows go (it was never submitted, nothing
     * refers to it), the audit trail keeps that it existed and who deleted it.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public void deleteDraft(Long applicationId) {
        Application application = ownDraft(applicationId);
        audit.record(ENTITY, applicationId, applicationId, AuditAction.DRAFT_DELETED, ApplicationStatus.DRAFT, null,
                "Brouillon « " + (application.getTitle() == null ? application.getReference() : application.getTitle())
                        + " » supprimé par " + currentUser.displayName());
        budgetLines.deleteByApplicationId(applicationId);
        for (AmountKind kind : AmountKind.values()) {
            amounts.deleteByApplicationIdAndKind(applicationId, kind);
        }
        messages.deleteByApplicationId(applicationId);
        applications.delete(application);
    }

    /**
     * The structure withdraws its submitted application before the Commission permanente's vote:
     * the stage becomes {@link ApplicationStatus#WITHDRAWN}, the reason is audited, and the
     * lifecycle ends through its "Candidature retirée" event sub-process, in this transaction
     * (whatever step it was waiting at: completeness, opinions, synthesis, jury, vote). Any other
     * stage is a 409.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application withdraw(Long applicationId, String reason) {
        Application application = applications.findForUpdate(applicationId).orElseThrow(ApplicationService::notFound);
        structures.checkMember(application.getStructureId());
        ApplicationStatus from = application.getStatus();
        if (!from.withdrawable()) {
            throw new StateConflictException(from == ApplicationStatus.DRAFT
                    ? "Ce brouillon n'est pas déposé : supprimez-le plutôt que de le retirer."
                    : "Cette candidature ne peut plus être retirée : elle est au stade « " + from.label()
                    + " ». Le retrait n'est possible qu'avant la décision de la Commission permanente.");
        }
        String why = fr.agir.shared.Texts.required(reason, "reason", 1000, "Indiquez la raison du retrait");
        application.changeStatus(ApplicationStatus.WITHDRAWN, why, Instant.now(clock));
        audit.record(ENTITY, applicationId, applicationId, AuditAction.WITHDRAWN, from, ApplicationStatus.WITHDRAWN, why);
        workflow.interrupt(ProcessKeys.MESSAGE_WITHDRAWN, ProcessKeys.APPLICATION_LIFECYCLE, application.getReference(),
                Map.of("withdrawalReason", why));
        return application;
    }

    /** The stage a withdrawn application was withdrawn at (for its stepper), or null. */
    @Transactional(readOnly = true)
    public ApplicationStatus withdrawnFrom(Long applicationId) {
        return history(applicationId).stream().filter(e -> AuditAction.WITHDRAWN.code().equals(e.getAction()))
                .map(fr.agir.audit.AuditEvent::getFromState).filter(java.util.Objects::nonNull)
                .reduce((first, second) -> second).map(ApplicationStatus::valueOf).orElse(null);
    }

    /**
     * The campaign's sub-themes by thematic as the portal's form offers them (form-js options: label and value,
     * both the sub-theme's label), for the form's {@code subTheme} radio buttons (the portal adds « Aucun en
     * particulier » before them: the choice is optional and a radio button cannot be unticked).
     */
    @Transactional(readOnly = true)
    public Map<String, List<Map<String, String>>> subThemeOptions(Long applicationId) {
        Application application = visible(applicationId);
        Map<String, List<Map<String, String>>> options = new LinkedHashMap<>();
        campaigns.get(application.getCampaignId()).getSubThemes().forEach((thematic, labels) -> options.put(thematic.name(),
                labels.stream().map(label -> Map.of("label", label, "value", label)).toList()));
        return options;
    }

    /** The draft or application as the portal's form holds it. */
    @Transactional(readOnly = true)
    public com.fasterxml.jackson.databind.node.ObjectNode formData(Long applicationId) {
        Application application = visible(applicationId);
        return ApplicationForm.toData(application, budgets(applicationId));
    }

    /** Autosave of the portal's form: the draft is replaced by what the form holds, even incomplete. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Application saveForm(Long applicationId, com.fasterxml.jackson.databind.JsonNode data) {
        Application application = ownDraft(applicationId);
        write(application, campaigns.get(application.getCampaignId()), ApplicationForm.toDraft(data));
        return application;
    }

    /** The small facts the lifecycle's gateways and routing table read (the case itself stays in Agir's tables). */
    @Transactional(readOnly = true)
    public Map<String, Object> lifecycleVariables(Application application) {
        Structure structure = structures.get(application.getStructureId());
        BigDecimal total = budgets(application.getId()).stream().map(YearBudget::requestedAmount)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationId", application.getId());
        variables.put("thematic", application.getThematic().name());
        variables.put("targetPublic", application.getTargetPublic().name());
        variables.put("legalForm", structure.getLegalForm().name());
        variables.put("totalRequested", total.setScale(0, RoundingMode.DOWN).longValueExact());
        // For the instructors' queue, filtered and sorted by the engine on these facts.
        variables.put("campaignId", application.getCampaignId());
        variables.put("ept", structure.getEpt() == null ? "" : structure.getEpt().name());
        return variables;
    }

    /**
     * Links the application to the current valid version of each piece of its structure's case file
     * (at submission, and again when missing pieces are provided): nothing is uploaded twice.
     */
    @Transactional
    public void linkCaseFileDocuments(Long applicationId) {
        Application application = get(applicationId);
        Instant now = Instant.now(clock);
        for (StructureDocument document : vault.currentValidDocuments(application.getStructureId()).values()) {
            if (!linkedDocuments.existsByApplicationIdAndDocumentId(applicationId, document.getId())) {
                linkedDocuments.save(new ApplicationDocument(applicationId, document.getId(), now));
            }
        }
    }

    /**
     * One piece the application relies on, for whoever may see the application (its structure, DIEESS
     * staff, the reviewers of the directorates consulted); a piece not linked to it is "not found".
     */
    @Transactional(readOnly = true)
    public DocumentVault.Content linkedDocument(Long applicationId, Long documentId) {
        Application application = visible(applicationId);
        if (!linkedDocuments.existsByApplicationIdAndDocumentId(applicationId, documentId)) {
            throw notFound();
        }
        return vault.downloadLinked(application.getStructureId(), documentId);
    }

    /** The case file's pieces the application relies on, in the order they were linked. */
    @Transactional(readOnly = true)
    public List<StructureDocument> documents(Long applicationId) {
        Application application = visible(applicationId);
        return vault.linkedTo(application.getStructureId(), linkedDocuments
                .findByApplicationIdOrderByIdAsc(applicationId).stream().map(ApplicationDocument::getDocumentId)
                .toList());
    }

    /**
     * The pieces an application relies on, for a capability that has checked its user's access to the
     * application by its own rule (the jury: assigned to it, no conflict of interest).
     */
    @Transactional(readOnly = true)
    public List<StructureDocument> documentsChecked(Application application) {
        return vault.linkedTo(application.getStructureId(), linkedDocuments
                .findByApplicationIdOrderByIdAsc(application.getId()).stream().map(ApplicationDocument::getDocumentId)
                .toList());
    }

    /** One of {@link #documentsChecked}'s pieces; a piece the application does not rely on is "not found". */
    @Transactional(readOnly = true)
    public DocumentVault.Content linkedDocumentChecked(Application application, Long documentId) {
        if (!linkedDocuments.existsByApplicationIdAndDocumentId(application.getId(), documentId)) {
            throw notFound();
        }
        return vault.downloadLinked(application.getStructureId(), documentId);
    }

    /**
     * An application whose case file the caller may see (its structure's members, DIEESS staff, the
     * reviewers of the directorates consulted); anything else is "not found", whether it exists or not.
     */
    @Transactional(readOnly = true)
    public Application visible(Long applicationId) {
        return visibleIf(applicationId, this::canSee);
    }

    /**
     * An application whose letters to the structure (formal notices, recovery letters) the caller may read: the
     * structure's members and DIEESS staff; anyone else is told "not found", whether it exists or not.
     */
    @Transactional(readOnly = true)
    public Application lettersReadable(Long applicationId) {
        Application application = visible(applicationId);
        if (!(currentUser.isStaff()
                || currentUser.hasRole(Role.APPLICANT) && structures.isMember(application.getStructureId()))) {
            throw NotFoundException.notYours();
        }
        return application;
    }

    /** {@link #lettersReadable}, or empty for whoever may not read them (a list then shows none). */
    @Transactional(readOnly = true)
    public java.util.Optional<Application> lettersReadableIfAny(Long applicationId) {
        try {
            return java.util.Optional.of(lettersReadable(applicationId));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * An application whose payment data (agreement, installments) the caller may see: as
     * {@link #visible}, plus finance once it is granted. Finance never sees the case file itself.
     */
    @Transactional(readOnly = true)
    public Application visibleForPayment(Long applicationId) {
        return visibleIf(applicationId, a -> canSee(a)
                || currentUser.hasRole(Role.FINANCE) && FINANCE_STAGES.contains(a.getStatus()));
    }

    private Application visibleIf(Long applicationId, java.util.function.Predicate<Application> allowed) {
        Application application = applications.findById(applicationId).orElseThrow(ApplicationService::notFound);
        if (!allowed.test(application)) {
            throw notFound();
        }
        return application;
    }

    /**
     * A page of the applications the caller may see, newest first: all of them for DIEESS staff,
     * those routed to his directorates for a reviewer, his structures' for an applicant (the first
     * that applies, in that order). Finance works from the installments, not from this list.
     */
    @Transactional(readOnly = true)
    public Page<Application> visibleList(Pageable page) {
        Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("id").descending());
        if (currentUser.isStaff()) {
            return applications.findAll(newestFirst);
        }
        if (currentUser.hasRole(Role.REVIEWER)) {
            return applications.findByIdIn(reviewerAccess.routedTo(currentUser.directorates()), newestFirst);
        }
        if (currentUser.hasRole(Role.APPLICANT)) {
            return applications.findByStructureIdIn(structures.memberStructureIds(), newestFirst);
        }
        return Page.empty(newestFirst);
    }

    /**
     * The application's events the caller may read, oldest first: those whose audience, declared once
     * in {@link AuditAction}, includes the caller ({@link AuditReader#of} his roles).
     */
    @Transactional(readOnly = true)
    public List<fr.agir.audit.AuditEvent> history(Long applicationId) {
        visible(applicationId);
        return audit.ofApplicationFor(applicationId, AuditReader.of(currentUser.roles()));
    }

    /** For DIEESS staff's lists: the applications of these references (unknown ones are left out). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Application> byReferences(java.util.Collection<String> references) {
        return references.isEmpty() ? List.of() : applications.findByReferenceIn(references);
    }

    /** Every application of a structure, newest first (the case file's history, for DIEESS staff). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Application> ofStructure(Long structureId) {
        return applications.findByStructureIdOrderByIdDesc(structureId);
    }

    /** The total of an amount kind over the years, by application, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> totals(java.util.Collection<Long> applicationIds, AmountKind kind) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        if (!applicationIds.isEmpty()) {
            amounts.findByApplicationIdInAndKind(applicationIds, kind)
                    .forEach(a -> totals.merge(a.getApplicationId(), a.getAmount(), BigDecimal::add));
        }
        return totals;
    }

    /** References of the applicant's own applications (to find the steps waiting for him). */
    @Transactional(readOnly = true)
    public List<String> referencesOfMyStructures() {
        return applications.findByStructureIdIn(structures.memberStructureIds(), Pageable.unpaged())
                .map(Application::getReference).toList();
    }

    /** The campaign's applications whose synthesis is written and which wait for the jury. */
    @Transactional(readOnly = true)
    public List<Application> awaitingJury(Long campaignId) {
        return applications.findByCampaignIdAndStatusOrderById(campaignId, ApplicationStatus.AWAITING_JURY);
    }

    /** Applications by id, for lists (the caller has checked what its user may see). */
    @Transactional(readOnly = true)
    public Map<Long, Application> byIds(java.util.Collection<Long> applicationIds) {
        Map<Long, Application> result = new java.util.HashMap<>();
        applications.findAllById(applicationIds).forEach(a -> result.put(a.getId(), a));
        return result;
    }

    /** For the steps after submission: the application, whatever the caller (each step checks roles). */
    @Transactional(readOnly = true)
    public Application get(Long applicationId) {
        return applications.findById(applicationId).orElseThrow(ApplicationService::notFound);
    }

    /** Moves the application to another stage and writes the audit event. */
    @Transactional
    public void changeStatus(Long applicationId, ApplicationStatus to, AuditAction action, String reason) {
        Application application = get(applicationId);
        ApplicationStatus from = application.getStatus();
        application.changeStatus(to, reason, Instant.now(clock));
        audit.record(ENTITY, applicationId, applicationId, action, from, to, reason);
    }

    @Transactional
    public void recordMissingPieces(Long applicationId, String missingPieces) {
        get(applicationId).recordMissingPieces(missingPieces);
    }

    @Transactional
    public void recordSynthesis(Long applicationId, String synthesis) {
        get(applicationId).recordSynthesis(synthesis);
    }

    @Transactional(readOnly = true)
    public List<YearBudget> budgets(Long applicationId) {
        Map<Integer, Map<BudgetLineCode, BigDecimal>> lines = new TreeMap<>();
        for (BudgetLine line : budgetLines.findByApplicationIdOrderByGrantYearAscIdAsc(applicationId)) {
            lines.computeIfAbsent(line.getGrantYear(), y -> YearBudget.emptyLines())
                    .put(BudgetLineCode.fromCode(line.getCode()), line.getAmount());
        }
        Map<Integer, BigDecimal> requested = amounts(applicationId, AmountKind.REQUESTED);
        Set<Integer> years = new java.util.TreeSet<>(lines.keySet());
        years.addAll(requested.keySet());
        return years.stream().map(y -> new YearBudget(y, requested.get(y),
                lines.getOrDefault(y, YearBudget.emptyLines()))).toList();
    }

    /** Amounts of one kind by year, for each of the applications (lists: one query). */
    @Transactional(readOnly = true)
    public Map<Long, Map<Integer, BigDecimal>> amounts(java.util.Collection<Long> applicationIds, AmountKind kind) {
        Map<Long, Map<Integer, BigDecimal>> result = new java.util.HashMap<>();
        if (!applicationIds.isEmpty()) {
            amounts.findByApplicationIdInAndKind(applicationIds, kind).forEach(a -> result
                    .computeIfAbsent(a.getApplicationId(), k -> new TreeMap<>()).put(a.getGrantYear(), a.getAmount()));
        }
        return result;
    }

    /** Amounts of one kind, by year (1, 2). */
    @Transactional(readOnly = true)
    public Map<Integer, BigDecimal> amounts(Long applicationId, AmountKind kind) {
        Map<Integer, BigDecimal> result = new TreeMap<>();
        amounts.findByApplicationIdAndKindOrderByGrantYearAsc(applicationId, kind)
                .forEach(a -> result.put(a.getGrantYear(), a.getAmount()));
        return result;
    }

    /** Every amount of the application, by kind then year, in one query. */
    @Transactional(readOnly = true)
    public Map<AmountKind, Map<Integer, BigDecimal>> allAmounts(Long applicationId) {
        Map<AmountKind, Map<Integer, BigDecimal>> result = new java.util.EnumMap<>(AmountKind.class);
        for (AmountKind kind : AmountKind.values()) {
            result.put(kind, new TreeMap<>());
        }
        amounts.findByApplicationIdOrderByGrantYearAsc(applicationId)
                .forEach(a -> result.get(a.getKind()).put(a.getGrantYear(), a.getAmount()));
        return result;
    }

    @Transactional
    public void replaceAmounts(Long applicationId, AmountKind kind, Map<Integer, BigDecimal> byYear) {
        amounts.deleteByApplicationIdAndKind(applicationId, kind);
        byYear.forEach((year, amount) -> {
            if (amount != null) {
                amounts.save(new ApplicationAmount(applicationId, year, kind, amount));
            }
        });
    }

    private boolean canSee(Application application) {
        if (currentUser.isStaff()) {
            return true;
        }
        if (currentUser.hasRole(Role.APPLICANT) && structures.isMember(application.getStructureId())) {
            return true;
        }
        return currentUser.hasRole(Role.REVIEWER)
                && reviewerAccess.isRoutedTo(application.getId(), currentUser.directorates());
    }

    private Application ownDraft(Long applicationId) {
        Application application = applications.findForUpdate(applicationId).orElseThrow(ApplicationService::notFound);
        structures.checkMember(application.getStructureId());
        if (application.getStatus() != ApplicationStatus.DRAFT) {
            throw new StateConflictException("Cette candidature est déjà déposée : elle ne peut plus être modifiée.");
        }
        return application;
    }

    private void write(Application application, Campaign campaign, Draft draft) {
        int duration = draft.durationYears() == null ? 1 : draft.durationYears();
        if (duration < 1 || duration > campaign.getMaxDurationYears()) {
            throw new InvalidInputException("Durée invalide.", Map.of("durationYears",
                    "Cette campagne finance des projets sur 1 à " + fr.agir.shared.French.years(campaign.getMaxDurationYears())));
        }
        String subTheme = draft.subTheme() == null || draft.subTheme().isBlank() ? null : draft.subTheme().strip();
        if (subTheme != null) {
            if (draft.thematic() == null) {
                throw new InvalidInputException("Sous-thème sans thématique.", Map.of("subTheme",
                        "Choisissez d'abord la thématique, puis un de ses sous-thèmes"));
            }
            List<String> offered = campaign.getSubThemes().getOrDefault(draft.thematic(), List.of());
            if (!offered.contains(subTheme)) {
                throw new InvalidInputException("Sous-thème inconnu.", Map.of("subTheme", offered.isEmpty()
                        ? "Cet appel ne propose pas de sous-thème pour « " + draft.thematic().label() + " »"
                        : "Choisissez un des sous-thèmes de « " + draft.thematic().label() + " » : " + String.join(", ", offered)));
            }
        }
        application.describe(trim(draft.title(), 200, "title"), trim(draft.description(), 4000, "description"),
                draft.thematic(), draft.targetPublic(), trim(draft.territory(), 200, "territory"), duration,
                Instant.now(clock));
        application.chooseSubTheme(subTheme);
        // Issue 21 (the autosave): what changed only, in a few statements, instead of every line deleted and
        // inserted again one by one at each save.
        draftBudgets.replace(application.getId(), draft.budgets() == null ? List.of() : draft.budgets());
    }

    /**
     * Everything a submission needs: the form's own rules (required fields…, from the same schema
     * the portal renders), the campaign's thematics, and the budget rules.
     */
    private static Map<String, String> completenessErrors(Application a, Campaign campaign, List<YearBudget> budgets) {
        Map<String, String> errors = new LinkedHashMap<>(ApplicationForm.submissionErrors(a, budgets));
        if (a.getThematic() != null && !campaign.getThematics().contains(a.getThematic())) {
            errors.put("thematic", "Cette thématique n'est pas ouverte dans cette campagne");
        }
        errors.putAll(BudgetRules.check(a.getDurationYears(), budgets));
        return errors;
    }

    /** A budget typed for year 2 and then the duration set back to 1 year: the applicant chose 1 year. */
    private void dropBudgetsBeyondDuration(Application application) {
        budgetLines.deleteByApplicationIdAndGrantYearGreaterThan(application.getId(), application.getDurationYears());
        amounts.deleteByApplicationIdAndKindAndGrantYearGreaterThan(application.getId(), AmountKind.REQUESTED,
                application.getDurationYears());
    }

    private static String trim(String s, int max, String field) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw new InvalidInputException("Texte trop long.", Map.of(field, "Au plus " + max + " caractères"));
        }
        return t;
    }

    private static NotFoundException notFound() {
        return NotFoundException.notYours();
    }
}
