package fr.agir.agreement;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.agreement.signature.SignatureCodeService;
import fr.agir.agreement.signature.SignatureProperties;
import fr.agir.agreement.signature.SignatureProvider;
import fr.agir.agreement.signature.SignatureReport;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Avenants to a countersigned agreement: the instructor drafts one within the voted amount, the structure's
 * legal representative signs it, the Département's signatory countersigns it (PAdES, like the agreement);
 * then it is in force: the agreement's total and duration follow it and the installments not yet liquidated
 * carry its amounts ({@link AmendmentInstallments}, implemented by payment). The engine is not involved: the
 * process keeps running the grant years, which read the amounts in force ({@link #amountsInForce}).
 */
@Service
public class AmendmentService {
    public static final String ENTITY = "AMENDMENT";
    static final int MAX_TEXT = 2000;

    private final AmendmentRepository amendments;
    private final AgreementService agreements;
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final AmendmentDocument document;
    private final SignatureProvider signatures;
    private final SignatureProperties signatureProperties;
    private final ObjectProvider<AmendmentInstallments> installments;
    private final SignatureCodeService codes;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Workflow workflow;

    public AmendmentService(AmendmentRepository amendments, AgreementService agreements,
                            ApplicationService applications, StructureService structures, VoteService votes,
                            AmendmentDocument document, SignatureProvider signatures,
                            SignatureProperties signatureProperties, ObjectProvider<AmendmentInstallments> installments,
                            AuditTrail audit, CurrentUser currentUser, Clock clock, SignatureCodeService codes,
                            Workflow workflow) {
        this.workflow = workflow;
        this.codes = codes;
        this.amendments = amendments;
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.document = document;
        this.signatures = signatures;
        this.signatureProperties = signatureProperties;
        this.installments = installments;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What the instructor asks for: amounts per year (1, 2), duration, object, reason, new bank details. */
    public record Draft(Map<Integer, BigDecimal> amounts, Integer durationYears, String object, String reason,
                        boolean bankDetailsChanged) {
    }

    /** What the drafting page shows: the agreement, the vote, what is already committed, the open avenant. */
    public record Context(Agreement agreement, Application application, Decision decision,
                          Map<Integer, BigDecimal> inForce, Map<Integer, BigDecimal> committed,
                          Optional<Amendment> open, String iban) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Context context(Long agreementId) {
        Agreement agreement = agreements.get(agreementId);
        Application application = applications.visible(agreement.getApplicationId());
        return new Context(agreement, application, votes.of(application.getId()), amountsInForce(agreement),
                committed(agreementId), open(agreementId),
                structures.get(application.getStructureId()).getIban());
    }

    /**
     * Drafts an avenant (or changes the open draft): refused unless the agreement is countersigned (in force),
     * above the voted amount (a délibération modificative is needed), below what is already liquidated or
     * paid for a year, or while another avenant is being signed.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Amendment draft(Long agreementId, Draft draft) {
        Agreement agreement = agreements.get(agreementId);
        Application application = applications.visible(agreement.getApplicationId());
        if (agreement.isArrete() || agreement.getStatus() != Agreement.Status.IN_FORCE) {
            throw new StateConflictException("Un avenant se prépare sur une convention contresignée et en vigueur : "
                    + "celle-ci est " + switch (agreement.getStatus()) {
                        case TO_SIGN -> "encore à signer (une délibération modificative la change directement).";
                        case SIGNED -> "en attente de la contresignature du Département.";
                        case CLOSED -> "soldée.";
                        case IN_FORCE -> "un arrêté attributif, qui ne se modifie pas par avenant.";
                    });
        }
        Optional<Amendment> open = open(agreementId);
        if (open.isPresent() && open.get().getStatus() != Amendment.Status.DRAFT) {
            throw new StateConflictException("L'avenant " + open.get().getNumber() + " est en cours de signature : "
                    + "un seul avenant à la fois. Attendez qu'il soit en vigueur.");
        }
        Decision decision = votes.of(application.getId());
        Map<Integer, BigDecimal> amounts = checked(agreement, decision, draft);
        String object = Texts.required(draft.object(), "object", MAX_TEXT, "Indiquez l'objet de l'avenant");
        String reason = Texts.required(draft.reason(), "reason", MAX_TEXT, "Indiquez le motif de l'avenant");
        int duration = draft.durationYears() == null ? agreement.getDurationYears() : draft.durationYears();
        String iban = null;
        if (draft.bankDetailsChanged()) {
            iban = structures.get(application.getStructureId()).getIban();
            if (iban == null) {
                throw new InvalidInputException("Le dossier de la structure ne contient pas de RIB : il n'y a pas de "
                        + "nouvelles coordonnées bancaires à reprendre.", Map.of("bankDetailsChanged",
                        "Aucun RIB dans le dossier de la structure"));
            }
        }
        Instant now = Instant.now(clock);
        Amendment amendment;
        if (open.isPresent()) {
            amendment = open.get();
            amendment.change(amounts, duration, object, reason, iban);
        } else {
            int rank = amendments.findByAgreementIdOrderByRankAsc(agreementId).size() + 1;
            amendment = amendments.save(new Amendment(agreement, rank, amounts, duration, object, reason, iban,
                    currentUser.username(), now));
        }
        audit.record(ENTITY, amendment.getId(), application.getId(), AuditAction.AMENDMENT_DRAFTED, null,
                Amendment.Status.DRAFT, amendment.getNumber() + " : " + French.amountsByYear(amounts) + " (au lieu de "
                        + French.amountsByYear(amountsInForce(agreement)) + ")");
        return amendment;
    }

    private Map<Integer, BigDecimal> checked(Agreement agreement, Decision decision, Draft draft) {
        int voted = decision.getDurationYears();
        Integer duration = draft.durationYears() == null ? agreement.getDurationYears() : draft.durationYears();
        if (duration < 1 || duration > 2) {
            throw new InvalidInputException("La durée d'une convention est d'un ou deux ans.",
                    Map.of("durationYears", "1 ou 2 ans"));
        }
        if (duration > voted) {
            throw new InvalidInputException("La Commission permanente a voté la subvention pour "
                    + French.years(voted) + " : l'allonger demande une délibération modificative de la Commission "
                    + "permanente.", Map.of("durationYears", "Au plus " + French.years(voted) + ", la durée votée"));
        }
        int established = agreement.getEstablishedAmounts().isEmpty() ? voted
                : agreement.getEstablishedAmounts().size();
        if (duration > agreement.getDurationYears() && duration > established) {
            throw new InvalidInputException("La convention a été établie pour " + French.years(established)
                    + " : ses années de subvention sont fixées depuis sa signature, un avenant ne l'allonge pas "
                    + "au-delà.", Map.of("durationYears", "Au plus " + French.years(established)));
        }
        checkDroppedYearsNotOpened(agreement, duration);
        Map<Integer, BigDecimal> amounts = new TreeMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int year = 1; year <= duration; year++) {
            BigDecimal amount = Money.euros(draft.amounts().get(year), "amounts." + year);
            if (amount == null) {
                errors.put("amounts." + year, "Indiquez le montant de l'année " + year);
            } else {
                amounts.put(year, amount);
            }
        }
        for (Integer year : draft.amounts().keySet()) {
            if (year > duration && draft.amounts().get(year) != null) {
                errors.put("amounts." + year, "Pas d'année " + year + " pour une durée de " + French.years(duration));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("L'avenant n'est pas enregistré : complétez les montants.", errors);
        }
        Map<Integer, BigDecimal> committed = committed(agreement.getId());
        committed.forEach((year, already) -> {
            BigDecimal amount = amounts.getOrDefault(year, BigDecimal.ZERO);
            if (amount.compareTo(already) < 0) {
                errors.put("amounts." + year, "Au moins " + Money.format(already) + ", déjà liquidé ou versé pour "
                        + "l'année " + year);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Un montant est inférieur à ce qui a déjà été liquidé ou versé pour son "
                    + "année : un versement payé ne change jamais.", errors);
        }
        BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal votedTotal = decision.getTotal();
        if (total.compareTo(votedTotal) > 0) {
            throw new InvalidInputException("Le total de l'avenant (" + Money.format(total) + ") dépasse le montant "
                    + "voté par la Commission permanente (" + Money.format(votedTotal) + ", délibération "
                    + decision.getDeliberationNumber() + ") : une hausse demande d'abord une délibération modificative "
                    + "de la Commission permanente portant la subvention à au moins " + Money.format(total)
                    + ", enregistrée sur le dossier (« Délibération modificative »), puis l'avenant jusqu'à ce montant.", Map.of("amounts.1", "Total au plus " + Money.format(votedTotal)
                    + ", le montant voté"));
        }
        Map<Integer, BigDecimal> inForce = amountsInForce(agreement);
        if (amounts.size() == inForce.size() && amounts.entrySet().stream()
                .allMatch(e -> inForce.get(e.getKey()) != null && inForce.get(e.getKey()).compareTo(e.getValue()) == 0)
                && !draft.bankDetailsChanged()) {
            throw new InvalidInputException("Ces montants sont ceux de la convention en vigueur et le RIB ne change pas : "
                    + "l'avenant ne modifierait rien.", Map.of("amounts.1", "Montants identiques à la convention"));
        }
        return amounts;
    }

    /**
     * A shorter duration takes the last years away: only while none of them has opened (its installments are
     * scheduled when the grant year starts, and its process then waits for them). After that, stopping the grant
     * is a withdrawal voted by the Commission permanente.
     */
    private void checkDroppedYearsNotOpened(Agreement agreement, int duration) {
        if (duration >= agreement.getDurationYears()) {
            return;
        }
        java.util.Set<Integer> opened = installments.getIfAvailable() == null ? java.util.Set.of()
                : installments.getObject().openedYears(agreement.getId());
        for (int year = duration + 1; year <= agreement.getDurationYears(); year++) {
            if (opened.contains(year)) {
                throw new InvalidInputException("L'année " + year + " de la convention a déjà commencé (ses versements "
                        + "sont prévus) : un avenant ne peut plus la retirer. Pour arrêter la subvention, la Commission "
                        + "permanente vote son retrait (« Délibération modificative »).",
                        Map.of("durationYears", "Au moins " + French.years(year) + " : l'année " + year
                                + " a commencé"));
            }
        }
    }

    /** The instructor submits the draft to the structure's signature. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Amendment submit(Long amendmentId) {
        Amendment amendment = get(amendmentId);
        applications.visible(agreementOf(amendment).getApplicationId());
        if (amendment.getStatus() != Amendment.Status.DRAFT) {
            throw new StateConflictException("L'avenant " + amendment.getNumber() + " n'est plus un brouillon : il est "
                    + amendment.getStatus().label().toLowerCase() + ".");
        }
        amendment.submit(Instant.now(clock));
        audit.record(ENTITY, amendmentId, agreementOf(amendment).getApplicationId(), AuditAction.AMENDMENT_TO_SIGN,
                Amendment.Status.DRAFT, Amendment.Status.TO_SIGN, amendment.getNumber() + " : "
                        + French.amountsByYear(amendment.getAmounts()));
        return amendment;
    }

    /** The instructor abandons the draft (never shown to the structure). */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Amendment cancel(Long amendmentId) {
        Amendment amendment = get(amendmentId);
        applications.visible(agreementOf(amendment).getApplicationId());
        if (amendment.getStatus() != Amendment.Status.DRAFT) {
            throw new StateConflictException("L'avenant " + amendment.getNumber() + " a été soumis à la signature : "
                    + "il ne peut plus être abandonné.");
        }
        amendment.cancel();
        audit.record(ENTITY, amendmentId, agreementOf(amendment).getApplicationId(), AuditAction.AMENDMENT_CANCELLED,
                Amendment.Status.DRAFT, Amendment.Status.CANCELLED, amendment.getNumber());
        return amendment;
    }

    /** The message of an avenant's signature without the consent box ticked. */
    public static final String CONSENT_MISSING =
            "Cochez la case pour signer l'avenant : c'est votre accord au nom de la structure";

    /** The document key of an avenant's one-time signature codes ({@link SignatureCodeService}). */
    public static String codeKey(Long amendmentId) {
        return ENTITY + ":" + amendmentId;
    }

    /**
     * The legal representative asks for a one-time code, e-mailed to the address of his sign-in, as for the
     * agreement; anyone else, or an avenant not waiting for his signature: refused, and no code is sent.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public SignatureCodeService.Sent sendSignatureCode(Long amendmentId) {
        Amendment amendment = get(amendmentId);
        Application application = toSign(amendment);
        return codes.send(codeKey(amendmentId), "l'avenant " + amendment.getNumber(), application.getId());
    }

    private Application toSign(Amendment amendment) {
        Agreement agreement = agreementOf(amendment);
        Application application = applications.get(agreement.getApplicationId());
        structures.checkMember(application.getStructureId());
        if (amendment.getStatus() != Amendment.Status.TO_SIGN) {
            throw new StateConflictException("L'avenant " + amendment.getNumber() + " n'attend pas votre signature : "
                    + "il est " + amendment.getStatus().label().toLowerCase() + ".");
        }
        structures.checkLegalRepresentative(application.getStructureId());
        return application;
    }

    /**
     * The structure's legal representative signs, with his explicit consent and the one-time code received by
     * e-mail: the PDF is written, kept, and sealed (PAdES) in his name. A refused code changes nothing but its
     * count of tries.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Amendment sign(Long amendmentId, String code, boolean consent) {
        Amendment amendment = get(amendmentId);
        Agreement agreement = agreementOf(amendment);
        Application application = toSign(amendment);
        if (!consent) {
            throw new InvalidInputException(CONSENT_MISSING, Map.of("accord", CONSENT_MISSING));
        }
        codes.verify(codeKey(amendmentId), code);
        Instant now = Instant.now(clock);
        String structure = structures.get(application.getStructureId()).getName();
        byte[] original = document.render(amendment, agreement);
        byte[] signed = signatures.sign(original, currentUser.displayName(),
                "Signé pour " + structure + " par " + currentUser.displayName() + ", son représentant légal",
                signatureProperties.getLocation());
        amendment.sign(currentUser.username(), now, original, signed);
        audit.record(ENTITY, amendmentId, application.getId(), AuditAction.AMENDMENT_SIGNED, Amendment.Status.TO_SIGN,
                Amendment.Status.SIGNED, amendment.getNumber() + " signé pour la structure par "
                        + currentUser.displayName() + " (code à usage unique reçu par e-mail, signature électronique PAdES)");
        return amendment;
    }

    /**
     * The Département's signatory countersigns: a second PAdES signature; the avenant is in force, the
     * agreement's total and duration follow it, and so do the installments not yet liquidated.
     */
    @Transactional
    @PreAuthorize("hasRole('SIGNATORY')")
    public Amendment countersign(Long amendmentId) {
        Amendment amendment = get(amendmentId);
        if (amendment.getStatus() != Amendment.Status.SIGNED) {
            throw new StateConflictException(amendment.getStatus() == Amendment.Status.TO_SIGN
                    || amendment.getStatus() == Amendment.Status.DRAFT
                    ? "L'avenant " + amendment.getNumber() + " n'est pas encore signé par la structure : il ne peut "
                    + "pas être contresigné."
                    : "L'avenant " + amendment.getNumber() + " n'attend pas de contresignature : il est "
                    + amendment.getStatus().label().toLowerCase() + ".");
        }
        Agreement agreement = agreementOf(amendment);
        try {
            checkDroppedYearsNotOpened(agreement, amendment.getDurationYears());
        } catch (InvalidInputException e) {
            throw new StateConflictException(e.getMessage() + " L'avenant " + amendment.getNumber()
                    + " ne peut plus être contresigné : l'instruction prépare un nouvel avenant.");
        }
        Instant now = Instant.now(clock);
        String reason = "Contresigné pour le Département de la Seine-Saint-Denis par " + currentUser.displayName();
        amendment.countersign(currentUser.username(), now, signatures.sign(amendment.getSignedPdf(),
                currentUser.displayName(), reason, signatureProperties.getLocation()));
        String before = Money.format(agreement.getTotalAmount()) + " sur " + French.years(agreement.getDurationYears());
        agreement.amend(amendment.getDurationYears(), amendment.getTotalAmount());
        audit.record(ENTITY, amendmentId, agreement.getApplicationId(), AuditAction.AMENDMENT_IN_FORCE,
                Amendment.Status.SIGNED, Amendment.Status.IN_FORCE, amendment.getNumber() + " contresigné par "
                        + currentUser.displayName() + " : la convention porte " + French.amountsByYear(amendment.getAmounts())
                        + ", soit " + Money.format(amendment.getTotalAmount()) + " (au lieu de " + before + ")");
        installments.ifAvailable(i -> i.follow(agreement.getId(), amendment.getAmounts(), amendment.getNumber()));
        // The grant-year loop of the lifecycle ends after the agreement's last year (an avenant may shorten it).
        workflow.setCaseFact(ProcessKeys.APPLICATION_LIFECYCLE, applications.get(agreement.getApplicationId())
                .getReference(), "lastGrantYear", agreement.getDurationYears());
        return amendment;
    }

    /**
     * The agreement's amounts per year as they stand: the last avenant in force, else the amounts the agreement
     * was established and signed with ({@link Agreement#getEstablishedAmounts}) — not the current GRANTED
     * amounts, which a later délibération may have raised: that decision reaches the act only by an avenant.
     * The grant years' installments are scheduled from these.
     */
    @Transactional(readOnly = true)
    public Map<Integer, BigDecimal> amountsInForce(Agreement agreement) {
        List<Amendment> inForce = amendments.findByAgreementIdAndStatusInOrderByRankAsc(agreement.getId(),
                EnumSet.of(Amendment.Status.IN_FORCE));
        if (!inForce.isEmpty()) {
            return inForce.get(inForce.size() - 1).getAmounts();
        }
        Map<Integer, BigDecimal> established = agreement.getEstablishedAmounts();
        return !established.isEmpty() ? established : new TreeMap<>(applications.amounts(agreement.getApplicationId(),
                fr.agir.application.AmountKind.GRANTED));
    }

    /** The avenants of an agreement the caller may see, first first (drafts only for the instruction). */
    @Transactional(readOnly = true)
    public List<Amendment> of(Agreement agreement) {
        boolean staff = currentUser.hasRole(fr.agir.security.Role.INSTRUCTOR)
                || currentUser.hasRole(fr.agir.security.Role.ADMIN);
        return amendments.findByAgreementIdOrderByRankAsc(agreement.getId()).stream()
                .filter(a -> staff || (a.getStatus() != Amendment.Status.DRAFT
                        && a.getStatus() != Amendment.Status.CANCELLED))
                .toList();
    }

    /** The avenants signed by their structure, waiting for the Département's signatory. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SIGNATORY')")
    public List<Amendment> awaitingCountersignature() {
        return amendments.findByStatusOrderBySignedAtAscIdAsc(Amendment.Status.SIGNED);
    }

    /** An avenant the caller may see (through its agreement); 404 otherwise, and drafts only for the instruction. */
    @Transactional(readOnly = true)
    public Amendment visible(Long amendmentId) {
        Amendment amendment = get(amendmentId);
        agreements.visible(amendment.getAgreementId());
        boolean staff = currentUser.hasRole(fr.agir.security.Role.INSTRUCTOR)
                || currentUser.hasRole(fr.agir.security.Role.ADMIN);
        if (currentUser.hasRole(fr.agir.security.Role.SIGNATORY) && !staff
                && amendment.getStatus() != Amendment.Status.SIGNED && amendment.getStatus() != Amendment.Status.IN_FORCE) {
            throw NotFoundException.notYours();
        }
        if (!staff && (amendment.getStatus() == Amendment.Status.DRAFT
                || amendment.getStatus() == Amendment.Status.CANCELLED)) {
            throw NotFoundException.notYours();
        }
        return amendment;
    }

    /** The PDF: the signed one once signed, else written from the avenant's data. */
    @Transactional(readOnly = true)
    public byte[] pdf(Amendment amendment) {
        return amendment.getSignedPdf() != null ? amendment.getSignedPdf()
                : document.render(amendment, agreementOf(amendment));
    }

    /** DSS's report on the avenant's signatures; none before the first. */
    @Transactional(readOnly = true)
    public SignatureReport signatureReport(Amendment amendment) {
        return amendment.getSignedPdf() == null ? new SignatureReport(List.of())
                : signatures.validate(amendment.getSignedPdf());
    }

    @Transactional(readOnly = true)
    public Agreement agreementOf(Amendment amendment) {
        return agreements.get(amendment.getAgreementId());
    }

    private Optional<Amendment> open(Long agreementId) {
        return amendments.findByAgreementIdAndStatusInOrderByRankAsc(agreementId,
                EnumSet.of(Amendment.Status.DRAFT, Amendment.Status.TO_SIGN, Amendment.Status.SIGNED)).stream().findFirst();
    }

    private Map<Integer, BigDecimal> committed(Long agreementId) {
        return installments.stream().findFirst().map(i -> i.committed(agreementId)).orElse(Map.of());
    }

    private Amendment get(Long amendmentId) {
        return amendments.findById(amendmentId).orElseThrow(NotFoundException::notYours);
    }
}
