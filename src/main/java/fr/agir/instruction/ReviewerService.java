package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.YearBudget;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.shared.French;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directorate reviewer's side of the instruction: his inbox of opinions to give and given, the
 * case as he may read it, and the opinion sent from its form. A reviewer only ever reaches his own
 * directorates' opinions: another directorate's, or an application not routed to his, is "not
 * found".
 */
@Service
public class ReviewerService {
    /** Given opinions shown in the inbox, most recent first. */
    private static final int DONE_SHOWN = 100;

    private final OpinionRepository opinions;
    private final InstructionService instruction;
    private final ApplicationService applications;
    private final StructureService structures;
    private final CampaignService campaigns;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReviewerService(OpinionRepository opinions, InstructionService instruction, ApplicationService applications,
                           StructureService structures, CampaignService campaigns, CurrentUser currentUser,
                           Clock clock) {
        this.opinions = opinions;
        this.instruction = instruction;
        this.applications = applications;
        this.structures = structures;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** One opinion of the inbox, with what the reviewer needs to pick it. */
    public record InboxItem(Long applicationId, String reference, String title, String structureName,
                            String thematic, BigDecimal requestedAmount, Directorate directorate,
                            Opinion.Status status, String statusLabel, Instant requestedAt, LocalDate dueDate,
                            boolean overdue, String deadline, Opinion.Verdict verdict, Instant givenAt,
                            String givenBy, String page) {
    }

    /** To give (the nearest deadline first), and given or past their deadline (the most recent first). */
    public record Inbox(List<Directorate> directorates, List<InboxItem> toGive, List<InboxItem> done) {
    }

    /** The case as the reviewer reads it: no bank details, no messages, no other directorate's opinion. */
    public record OpinionCase(Application application, String campaignName, Structure structure, Opinion opinion,
                              List<YearBudget> budgets, BigDecimal totalRequested, List<StructureDocument> pieces,
                              String deadline, boolean overdue) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('REVIEWER')")
    public Inbox inbox() {
        Set<Directorate> mine = currentUser.directorates();
        if (mine.isEmpty()) {
            return new Inbox(List.of(), List.of(), List.of());
        }
        List<InboxItem> toGive = opinions.findByDirectorateInAndStatusIn(mine, Set.of(Opinion.Status.REQUESTED))
                .stream().sorted(Comparator.comparing(Opinion::getDueDate).thenComparing(Opinion::getId))
                .map(this::item).toList();
        List<InboxItem> done = opinions.findByDirectorateInAndStatusIn(mine,
                        EnumSet.of(Opinion.Status.GIVEN, Opinion.Status.EXPIRED)).stream()
                .sorted(Comparator.comparing(ReviewerService::closedAt).reversed()).limit(DONE_SHOWN)
                .map(this::item).toList();
        return new Inbox(mine.stream().sorted().toList(), toGive, done);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('REVIEWER')")
    public OpinionCase opinionCase(Long applicationId, Directorate directorate) {
        Opinion opinion = mine(applicationId, directorate);
        Application application = applications.visible(applicationId);
        List<YearBudget> budgets = applications.budgets(applicationId);
        BigDecimal total = applications.amounts(applicationId, AmountKind.REQUESTED).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OpinionCase(application, campaigns.get(application.getCampaignId()).getName(),
                structures.get(application.getStructureId()), opinion, budgets, total,
                applications.documents(applicationId), deadline(opinion), overdue(opinion));
    }

    /**
     * The opinion as its form sent it: refused with the reason in words when it was already given
     * or its deadline has passed, checked against the form's schema, then given.
     */
    @Transactional
    @PreAuthorize("hasRole('REVIEWER')")
    public Opinion giveFromForm(Long applicationId, Directorate directorate, JsonNode data) {
        Opinion opinion = mine(applicationId, directorate);
        if (opinion.getStatus() == Opinion.Status.GIVEN) {
            throw new StateConflictException("L'avis de la " + directorate + " sur cette candidature a déjà été donné le "
                    + French.dateTime(opinion.getGivenAt()) + " par " + opinion.getGivenBy()
                    + " (avis " + opinion.getVerdict().label() + ") : il ne peut plus être modifié.");
        }
        if (opinion.getStatus() == Opinion.Status.EXPIRED) {
            throw new StateConflictException("Le délai de cet avis est dépassé depuis le "
                    + French.date(opinion.getDueDate()) + " : l'instruction s'est poursuivie sans l'avis de la "
                    + directorate + ".");
        }
        OpinionForm.Input input = OpinionForm.read(data);
        return instruction.giveOpinion(applicationId, directorate, input.verdict(), input.comment(),
                input.suggestedAmount());
    }

    /** The directorate's opinion on the application, if the caller belongs to that directorate; else 404. */
    private Opinion mine(Long applicationId, Directorate directorate) {
        if (directorate == null || !currentUser.directorates().contains(directorate)) {
            throw NotFoundException.notYours();
        }
        return opinions.findByApplicationIdAndDirectorate(applicationId, directorate)
                .orElseThrow(NotFoundException::notYours);
    }

    private InboxItem item(Opinion o) {
        Application a = applications.get(o.getApplicationId());
        BigDecimal requested = applications.amounts(a.getId(), AmountKind.REQUESTED).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InboxItem(a.getId(), a.getReference(), a.getTitle(), structures.get(a.getStructureId()).getName(),
                a.getThematic() == null ? null : a.getThematic().label(), requested, o.getDirectorate(), o.getStatus(),
                o.statusLabel(), o.getRequestedAt(), o.getDueDate(), overdue(o), deadline(o), o.getVerdict(),
                o.getGivenAt(), o.getGivenBy(), "/avis/" + a.getId() + "/" + o.getDirectorate().name());
    }

    private boolean overdue(Opinion o) {
        return o.getStatus() == Opinion.Status.REQUESTED && today().isAfter(o.getDueDate());
    }

    /** The deadline in words, from today in Paris. */
    String deadline(Opinion o) {
        return switch (o.getStatus()) {
            case GIVEN -> "Avis " + o.getVerdict().label() + " donné le " + French.date(o.getGivenAt());
            case EXPIRED -> "Délai dépassé le " + French.date(o.getDueDate()) + " : sans avis";
            case REQUESTED -> {
                long days = ChronoUnit.DAYS.between(today(), o.getDueDate());
                String due = French.date(o.getDueDate());
                yield days < 0 ? "En retard : l'échéance était le " + due
                        : days == 0 ? "À rendre aujourd'hui (" + due + ")"
                        : days == 1 ? "À rendre au plus tard demain (" + due + ")"
                        : "À rendre au plus tard le " + due + ", dans " + days + " jours";
            }
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfig.PARIS));
    }

    private static Instant closedAt(Opinion o) {
        return o.getGivenAt() != null ? o.getGivenAt() : o.getDueDate().atStartOfDay(TimeConfig.PARIS).toInstant();
    }
}
