package fr.agir.vote;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A later délibération of the Commission permanente changes a voted grant: it withdraws it (retrait,
 * motivated; what remains of its lifecycle stops) or amends it (new amounts or duration, never above
 * the request) while its act can still change: an agreement awaiting the structure's signature, an
 * arrêté whose installment is not yet liquidated. Once the structure has signed its agreement, an
 * amendment is still recorded (the new decision, its letter) but the signed agreement does not change: the
 * new decision is the ceiling of an avenant, which alone changes the act ({@link SignedAgreements}).
 * The earlier decision stays, superseded; the new one is current. A rejection is not reopened here: its lifecycle has ended, and granting after all is a
 * new decision on an instructed case, not a correction of the act.
 */
@Service
public class DecisionRevisionService {
    public enum Kind { WITHDRAW, AMEND }

    /** What the page and the API say when the agreement is signed: the new amounts reach it by an avenant. */
    public static final String SIGNED_AGREEMENT_UNCHANGED =
            "La convention signée ne change pas : préparez un avenant pour l'appliquer.";

    /** What the DIEESS typed: the délibération, and its amounts and duration (amendment) or motivation (withdrawal). */
    public record Revision(Kind kind, String deliberationNumber, LocalDate deliberationDate, Integer durationYears,
                           Map<Integer, BigDecimal> amounts, String motivation) {
    }

    private final DecisionRepository decisions;
    private final VoteService votes;
    private final ApplicationService applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectProvider<SignedAgreements> signedAgreements;

    public DecisionRevisionService(DecisionRepository decisions, VoteService votes, ApplicationService applications,
                                   Workflow workflow, AuditTrail audit, CurrentUser currentUser, Clock clock,
                                   ObjectProvider<SignedAgreements> signedAgreements) {
        this.signedAgreements = signedAgreements;
        this.decisions = decisions;
        this.votes = votes;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Checks the revision (422/409, nothing recorded) without recording it: the confirmation step. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Checked check(Long applicationId, Revision revision) {
        return checked(applicationId, revision);
    }

    /** Records the new délibération, supersedes the current one and tells the lifecycle. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Decision revise(Long applicationId, Revision revision) {
        Checked c = checked(applicationId, revision);
        Instant now = Instant.now(clock);
        c.current().supersede(now);
        decisions.saveAndFlush(c.current());
        Decision fresh = Decision.revising(c.current(), c.outcome(), c.number(), c.date(), c.duration(),
                c.motivation(), currentUser.username(), now);
        fresh.grant(c.granted());
        Decision decision = decisions.save(fresh);
        applications.replaceAmounts(applicationId, AmountKind.GRANTED, c.granted());
        String reference = c.application().getReference();
        audit.record(VoteService.ENTITY, decision.getId(), applicationId, AuditAction.DECISION_REVISED,
                c.current().getOutcome(), c.outcome(), "Délibération " + c.number() + " du " + French.date(c.date())
                        + ", qui remplace la délibération " + c.current().getDeliberationNumber() + " : "
                        + (c.outcome() == Decision.Outcome.WITHDRAWN ? "subvention retirée. " + c.motivation()
                        : French.amountsByYear(c.granted())
                        + (c.signedAgreement() == null ? "" : ". La convention signée " + c.signedAgreement().number()
                        + " ne change pas : la modification s'applique par un avenant")));
        if (c.outcome() == Decision.Outcome.WITHDRAWN) {
            workflow.interrupt(ProcessKeys.MESSAGE_GRANT_WITHDRAWN, ProcessKeys.APPLICATION_LIFECYCLE, reference,
                    Map.of("revisionId", decision.getId()));
        } else {
            workflow.notifyCase(ProcessKeys.MESSAGE_DECISION_AMENDED, ProcessKeys.APPLICATION_LIFECYCLE, reference,
                    Map.of("revisionId", decision.getId()));
        }
        return decision;
    }

    /** The application's agreement if its structure signed it: an amendment then reaches it only by an avenant. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Optional<SignedAgreements.SignedAgreement> signedAgreement(Long applicationId) {
        return signedAgreement(applications.get(applicationId));
    }

    private Optional<SignedAgreements.SignedAgreement> signedAgreement(Application application) {
        SignedAgreements spi = signedAgreements.getIfAvailable();
        return spi == null ? Optional.empty() : spi.of(application.getId());
    }

    /** Every délibération on the application, the first one first (the current one last). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'FINANCE', 'ADMIN')")
    public List<Decision> history(Long applicationId) {
        applications.get(applicationId);
        return decisions.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** What the délibération modificative page shows: the application, its délibérations, what was requested. */
    public record Page(Application application, List<Decision> decisions, Map<Integer, BigDecimal> requested) {
        public Decision current() {
            return decisions.get(decisions.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Page page(Long applicationId) {
        Application application = applications.get(applicationId);
        List<Decision> all = decisions.findByApplicationIdOrderByIdAsc(applicationId);
        if (all.isEmpty()) {
            throw new fr.agir.shared.NotFoundException("Aucune décision n'est enregistrée pour ce dossier.");
        }
        return new Page(application, all, applications.amounts(applicationId, AmountKind.REQUESTED));
    }

    /**
     * A checked revision, ready to record; {@code signedAgreement}: the agreement the structure already signed,
     * which an amendment leaves unchanged (null otherwise, and for a withdrawal).
     */
    public record Checked(Application application, Decision current, Decision.Outcome outcome, String number,
                          LocalDate date, int duration, Map<Integer, BigDecimal> granted, String motivation,
                          SignedAgreements.SignedAgreement signedAgreement) {
    }

    private Checked checked(Long applicationId, Revision revision) {
        Application application = applications.get(applicationId);
        Decision current = decisions.findByApplicationIdAndSupersededAtIsNull(applicationId)
                .orElseThrow(() -> new StateConflictException("La Commission permanente ne s'est pas encore prononcée "
                        + "sur ce dossier : il n'y a pas de décision à modifier."));
        switch (current.getOutcome()) {
            case REJECTED -> throw new StateConflictException("Une candidature rejetée n'est pas rouverte par une "
                    + "délibération modificative : son cycle de vie est terminé. Pour accorder une subvention, la "
                    + "structure dépose une nouvelle candidature, instruite puis votée.");
            case WITHDRAWN -> throw new StateConflictException("La subvention a déjà été retirée par la délibération "
                    + current.getDeliberationNumber() + " : il n'y a plus de décision à modifier.");
            default -> {
            }
        }
        if (application.getStatus() == ApplicationStatus.CLOSED) {
            throw new StateConflictException("Le dossier est clôturé : sa décision ne peut plus être modifiée.");
        }
        if (revision.kind() == null) {
            throw new InvalidInputException("Choisissez la modification : retrait ou nouveaux montants.",
                    Map.of("kind", "Retrait ou modification des montants"));
        }
        String number = VoteService.checkedNumber(revision.deliberationNumber());
        if (decisions.findByApplicationIdOrderByIdAsc(applicationId).stream()
                .anyMatch(d -> d.getDeliberationNumber().equals(number))) {
            throw new InvalidInputException("La délibération " + number + " est déjà enregistrée sur ce dossier : "
                    + "une délibération modificative a son propre numéro.",
                    Map.of("deliberationNumber", "Numéro différent de celui de la délibération modifiée ("
                            + current.getDeliberationNumber() + ")"));
        }
        LocalDate date = votes.checkedDate(revision.deliberationDate(), null);
        if (date.isBefore(current.getDeliberationDate())) {
            throw new InvalidInputException("La délibération modificative ne peut pas précéder la délibération "
                    + current.getDeliberationNumber() + " du " + French.date(current.getDeliberationDate())
                    + " qu'elle modifie.", Map.of("deliberationDate", "Au plus tôt le "
                    + French.date(current.getDeliberationDate()) + ", date de la délibération modifiée"));
        }
        if (revision.kind() == Kind.WITHDRAW) {
            String why = revision.motivation() == null ? "" : revision.motivation().strip();
            if (why.isEmpty()) {
                throw new InvalidInputException("Un retrait doit être motivé : la structure en lit la motivation.",
                        Map.of("motivation", "Motivation du retrait obligatoire"));
            }
            if (why.length() > 2000) {
                throw new InvalidInputException("La motivation dépasse 2 000 caractères.",
                        Map.of("motivation", "2 000 caractères au plus"));
            }
            if (!workflow.stand(ProcessKeys.APPLICATION_LIFECYCLE, application.getReference()).running()) {
                throw new StateConflictException("Le cycle de vie de ce dossier est terminé : rien à retirer.");
            }
            return new Checked(application, current, Decision.Outcome.WITHDRAWN, number, date,
                    current.getDurationYears(), Map.of(), why, null);
        }
        int duration = revision.durationYears() == null ? current.getDurationYears() : revision.durationYears();
        Map<Integer, BigDecimal> granted = VoteService.checkedAmendment(application,
                applications.amounts(applicationId, AmountKind.REQUESTED), duration, revision.amounts(), "");
        SignedAgreements.SignedAgreement signed = checkActMayChange(application, current, duration);
        if (duration == current.getDurationYears() && sameAmounts(granted, current.getAmounts())) {
            throw new InvalidInputException("Ces montants et cette durée sont ceux de la décision en vigueur : "
                    + "il n'y a rien à modifier.", Map.of("amounts", "Montants identiques à la décision en vigueur"));
        }
        return new Checked(application, current, Decision.Outcome.AMENDED, number, date, duration, granted, null,
                signed);
    }

    /**
     * An agreement changes while it awaits the structure's signature; an arrêté (one year) before its
     * installment is liquidated, its duration unchanged. Once the structure signed the agreement (lifecycle
     * running), the new decision is recorded but the agreement stays as signed: the change reaches it by an
     * avenant (issue 16), up to this new decision. Returns that signed agreement, null when the act follows.
     */
    private SignedAgreements.SignedAgreement checkActMayChange(Application application, Decision current,
                                                               int duration) {
        Workflow.CaseStand stand = workflow.stand(ProcessKeys.APPLICATION_LIFECYCLE, application.getReference(),
                "legalInstrument");
        Object instrument = stand.facts().get("legalInstrument");
        if (stand.isWaitingAt(ProcessKeys.TASK_SIGN_AGREEMENT)) {
            return null;
        }
        if ("ARRETE".equals(instrument) && stand.isWaitingAt(ProcessKeys.TASK_PREPARE_PAYMENT)) {
            if (duration != current.getDurationYears()) {
                throw new InvalidInputException("La durée d'un arrêté attributif ne change pas : seuls ses montants "
                        + "peuvent être modifiés.", Map.of("durationYears",
                        French.years(current.getDurationYears()) + ", la durée de l'arrêté"));
            }
            return null;
        }
        if ("ARRETE".equals(instrument)) {
            throw new StateConflictException("Le versement de l'arrêté attributif est déjà liquidé ou payé : ses "
                    + "montants ne peuvent plus être modifiés par une délibération modificative.");
        }
        if ("AGREEMENT".equals(instrument) && stand.running()) {
            Optional<SignedAgreements.SignedAgreement> signed = signedAgreement(application);
            if (signed.isPresent()) {
                return signed.get();
            }
        }
        throw new StateConflictException("L'acte juridique de ce dossier n'est pas dans un état modifiable "
                + "(en cours d'établissement ou dossier terminé) : réessayez dans un instant ou consultez le dossier.");
    }

    private static boolean sameAmounts(Map<Integer, BigDecimal> a, Map<Integer, BigDecimal> b) {
        if (!Objects.equals(a.keySet(), b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }
}
