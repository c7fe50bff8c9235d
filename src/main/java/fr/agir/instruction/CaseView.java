package fr.agir.instruction;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationMessage;
import fr.agir.application.ApplicationService;
import fr.agir.application.MessageService;
import fr.agir.application.YearBudget;
import fr.agir.security.CurrentUser;
import fr.agir.shared.Texts;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an instructor needs on one application, in one place: the structure's shared case file
 * (identity, pieces with their validity, every application it ever made with what was granted), the
 * application and its budgets, the opinions received and awaited, the messages, the instructors'
 * private notes (the history in words is {@code application/ApplicationHistory}'s).
 */
@Service
public class CaseView {
    private final ApplicationService applications;
    private final StructureService structures;
    private final DocumentVault vault;
    private final InstructionService instruction;
    private final MessageService messages;
    private final AnnotationRepository annotations;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CaseView(ApplicationService applications, StructureService structures, DocumentVault vault,
                    InstructionService instruction, MessageService messages, AnnotationRepository annotations,
                    CurrentUser currentUser, Clock clock) {
        this.applications = applications;
        this.structures = structures;
        this.vault = vault;
        this.instruction = instruction;
        this.messages = messages;
        this.annotations = annotations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A past or current application of the same structure, with the amounts requested and granted. */
    public record PastApplication(Application application, BigDecimal requested, BigDecimal granted) {
    }

    public record Case(Application application, Structure structure, List<PastApplication> structureApplications,
                       List<YearBudget> budgets, Map<AmountKind, Map<Integer, BigDecimal>> amounts,
                       DocumentVault.Listing caseFile, List<StructureDocument> linkedPieces, List<Opinion> opinions,
                       List<ApplicationMessage> messages, List<Annotation> annotations) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Case of(Long applicationId) {
        Application application = applications.visible(applicationId);
        Structure structure = structures.get(application.getStructureId());
        List<Application> ofStructure = applications.ofStructure(structure.getId());
        List<Long> ids = ofStructure.stream().map(Application::getId).toList();
        Map<Long, BigDecimal> requested = applications.totals(ids, AmountKind.REQUESTED);
        Map<Long, BigDecimal> granted = applications.totals(ids, AmountKind.GRANTED);
        List<PastApplication> past = ofStructure.stream().map(a -> new PastApplication(a,
                requested.getOrDefault(a.getId(), BigDecimal.ZERO), granted.get(a.getId()))).toList();
        return new Case(application, structure, past, applications.budgets(applicationId),
                applications.allAmounts(applicationId), vault.list(structure.getId()),
                applications.documents(applicationId), instruction.opinionsOf(applicationId),
                messages.of(applicationId), annotations.findByApplicationIdOrderByCreatedAtDescIdDesc(applicationId));
    }

    /** The instructors' private notes on an application, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Annotation> annotations(Long applicationId) {
        applications.visible(applicationId);
        return annotations.findByApplicationIdOrderByCreatedAtDescIdDesc(applicationId);
    }

    /** Marks the application's structure as a natural person (never in the open data), or takes the mark back. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Structure markNaturalPerson(Long applicationId, boolean naturalPerson) {
        Application application = applications.visible(applicationId);
        return structures.markNaturalPerson(application.getStructureId(), naturalPerson, application.getId());
    }

    /** A private note on the application, for the instructors only. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Annotation annotate(Long applicationId, String body) {
        Application application = applications.visible(applicationId);
        String text = Texts.required(body, "body", 4000, "Écrivez la note");
        return annotations.save(new Annotation(application.getId(), currentUser.username(), text, Instant.now(clock)));
    }
}
