package fr.agir.agreement;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.agreement.signature.AgreementPdf;
import fr.agir.agreement.signature.AgreementPdfRepository;
import fr.agir.agreement.signature.SignatureCodeService;
import fr.agir.agreement.signature.SignatureProperties;
import fr.agir.agreement.signature.SignatureProvider;
import fr.agir.agreement.signature.SignatureReport;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import fr.agir.workflow.Workflow.PendingStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal act of a granted application: generates the agreement from the vote, has it signed by
 * the structure and countersigned; or issues the arrêté attributif, in force at once.
 */
@Service
public class AgreementService {
    public static final String ENTITY = "AGREEMENT";
    /** The arrêtés' number series (number_sequence, V13): ARR-2026-000001. */
    public static final String ARRETE_SERIES = "arrete";

    private final AgreementRepository agreements;
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final NumberSequenceService numbers;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AgreementDocument document;
    private final AgreementPdfRepository pdfs;
    private final SignatureProvider signatures;
    private final SignatureProperties signatureProperties;
    private final SignatureCodeService codes;
    private final org.springframework.beans.factory.ObjectProvider<BindingCommitments> commitments;

    public AgreementService(AgreementRepository agreements, ApplicationService applications,
                            StructureService structures, VoteService votes, NumberSequenceService numbers,
                            Workflow workflow, AuditTrail audit, CurrentUser currentUser, Clock clock,
                            AgreementDocument document, AgreementPdfRepository pdfs, SignatureProvider signatures,
                            SignatureProperties signatureProperties, SignatureCodeService codes,
                            org.springframework.beans.factory.ObjectProvider<BindingCommitments> commitments) {
        this.codes = codes;
        this.commitments = commitments;
        this.document = document;
        this.pdfs = pdfs;
        this.signatures = signatures;
        this.signatureProperties = signatureProperties;
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.numbers = numbers;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Called by the process after the vote; generating twice returns the same agreement. */
    @Transactional
    public Agreement generate(Long applicationId) {
        var existing = agreements.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Decision decision = votes.of(applicationId);
        Map<Integer, BigDecimal> granted = applications.amounts(applicationId, AmountKind.GRANTED);
        BigDecimal total = granted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int firstYear = decision.getDeliberationDate().getYear();
        Agreement agreement = agreements.save(new Agreement(applicationId,
                numbers.next(NumberSequenceService.AGREEMENT, "CPO-" + firstYear), decision.getDurationYears(),
                firstYear, granted, Instant.now(clock)));
        audit.record(ENTITY, agreement.getId(), applicationId, AuditAction.AGREEMENT_GENERATED, null, Agreement.Status.TO_SIGN,
                agreement.getNumber() + " : " + fr.agir.shared.Money.format(total) + " sur "
                        + fr.agir.shared.French.years(decision.getDurationYears()));
        return agreement;
    }

    /**
     * Called by the process when bpmn/legal-instrument.dmn chose an arrêté: issued in the name of the
     * President, in force at once (no signature of the structure); issuing twice returns the same.
     */
    @Transactional
    public Agreement issueArrete(Long applicationId) {
        var existing = agreements.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Decision decision = votes.of(applicationId);
        Map<Integer, BigDecimal> granted = applications.amounts(applicationId, AmountKind.GRANTED);
        BigDecimal total = granted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int firstYear = decision.getDeliberationDate().getYear();
        Agreement arrete = agreements.save(Agreement.arrete(applicationId,
                numbers.next(ARRETE_SERIES, "ARR-" + firstYear), decision.getDurationYears(), firstYear, granted,
                Instant.now(clock)));
        commitments.ifAvailable(c -> c.commit(arrete));
        audit.record(ENTITY, arrete.getId(), applicationId, AuditAction.ARRETE_ISSUED, null, Agreement.Status.IN_FORCE,
                arrete.getNumber() + " : " + fr.agir.shared.Money.format(total) + " sur "
                        + fr.agir.shared.French.years(decision.getDurationYears()));
        applications.changeStatus(applicationId, ApplicationStatus.IN_PROGRESS, AuditAction.ARRETE_IN_FORCE,
                arrete.getNumber());
        return arrete;
    }

    /**
     * A délibération modificative changed the GRANTED amounts: the act is regenerated from them (its PDF is
     * rendered from the current decision). An agreement keeps its number and still awaits the structure's
     * signature, which applies to this new version; an arrêté is issued anew under a new number. Again, once
     * applied: unchanged. An agreement already signed by the structure never changes here: the new decision
     * is the ceiling of an avenant ({@link AmendmentService}), which alone changes the act.
     */
    @Transactional
    public Agreement applyAmendment(Long applicationId) {
        Agreement act = agreements.findByApplicationId(applicationId).orElseThrow();
        Decision decision = votes.of(applicationId);
        if (act.isSignedAgreement()) {
            return act;
        }
        Map<Integer, BigDecimal> granted = applications.amounts(applicationId, AmountKind.GRANTED);
        BigDecimal total = granted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (act.getTotalAmount().compareTo(total) == 0 && act.getDurationYears() == decision.getDurationYears()
                && sameAmounts(act.getEstablishedAmounts(), granted)) {
            return act;
        }
        String before = act.getNumber() + " : " + fr.agir.shared.Money.format(act.getTotalAmount()) + " sur "
                + fr.agir.shared.French.years(act.getDurationYears());
        act.revise(act.isArrete() ? numbers.next(ARRETE_SERIES, "ARR-" + act.getFirstYear()) : null,
                decision.getDurationYears(), granted, Instant.now(clock));
        audit.record(ENTITY, act.getId(), applicationId,
                act.isArrete() ? AuditAction.ARRETE_ISSUED : AuditAction.AGREEMENT_GENERATED, act.getStatus(),
                act.getStatus(), "Nouvelle version après la délibération " + decision.getDeliberationNumber() + " : "
                        + act.getNumber() + " : " + fr.agir.shared.Money.format(total) + " sur "
                        + fr.agir.shared.French.years(decision.getDurationYears()) + " (remplace " + before + ")");
        return act;
    }

    private static boolean sameAmounts(Map<Integer, BigDecimal> a, Map<Integer, BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    /** A withdrawn grant: its act (if already established) ends; nothing more will be paid under it. */
    @Transactional
    public void closeWithdrawn(Long applicationId) {
        agreements.findByApplicationId(applicationId).filter(a -> a.getStatus() != Agreement.Status.CLOSED)
                .ifPresent(act -> {
                    Agreement.Status from = act.getStatus();
                    act.close();
                    Decision decision = votes.of(applicationId);
                    audit.record(ENTITY, act.getId(), applicationId,
                            act.isArrete() ? AuditAction.ARRETE_CLOSED : AuditAction.AGREEMENT_CLOSED, from,
                            Agreement.Status.CLOSED, "Subvention retirée par la délibération "
                                    + decision.getDeliberationNumber());
                });
    }

    /** What Agir's seal asserts, printed on the agreement page and in the README. */
    public static final String SEAL_MEANING = "La signature électronique de la convention est un cachet d'Agir "
            + "(certificat du Département), apposé à la demande du représentant légal de la structure, authentifié "
            + "par sa connexion et par un code à usage unique envoyé à son adresse e-mail, après son accord explicite ; "
            + "le nom du signataire figure dans la signature. "
            + "La contresignature est un second cachet, apposé à la demande du signataire du Département. "
            + "Ce n'est pas une signature électronique avancée au nom de la personne.";

    /** The message of a signature without the consent box ticked. */
    public static final String CONSENT_MISSING =
            "Cochez la case pour signer la convention : c'est votre accord au nom de la structure";

    /** The document key of an agreement's one-time signature codes ({@link SignatureCodeService}). */
    public static String codeKey(Long agreementId) {
        return ENTITY + ":" + agreementId;
    }

    /**
     * Step 2 of the signature: the legal representative asks for a one-time code, e-mailed to the address
     * of his sign-in; returns where it went (masked) for the page. Anyone else, or an agreement no longer
     * to sign: refused, and no code is sent.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public SignatureCodeService.Sent sendSignatureCode(Long agreementId) {
        Agreement agreement = get(agreementId);
        Application application = applications.get(agreement.getApplicationId());
        structures.checkMember(application.getStructureId());
        if (agreement.isArrete() || agreement.getStatus() != Agreement.Status.TO_SIGN) {
            throw new StateConflictException(agreement.isArrete()
                    ? "Un arrêté attributif ne se signe pas : il est en vigueur dès sa notification."
                    : "La convention est déjà signée par la structure : aucun code n'est nécessaire.");
        }
        structures.checkLegalRepresentative(application.getStructureId());
        return codes.send(codeKey(agreementId), "la convention " + agreement.getNumber(), application.getId());
    }

    /**
     * The structure's legal representative signs, with his explicit consent and the one-time code he
     * received by e-mail: the agreement's PDF is written (and kept as the unsigned original), then sealed
     * with a PAdES signature naming him as signer. A refused code changes nothing but its count of tries.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Agreement sign(Long agreementId, String code, boolean consent) {
        Agreement agreement = get(agreementId);
        Application application = applications.get(agreement.getApplicationId());
        structures.checkMember(application.getStructureId());
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_SIGN_AGREEMENT, Map.of());
        structures.checkLegalRepresentative(application.getStructureId());
        if (!consent) {
            throw new InvalidInputException(CONSENT_MISSING, Map.of("accord", CONSENT_MISSING));
        }
        codes.verify(codeKey(agreementId), code);
        Instant now = Instant.now(clock);
        agreement.sign(currentUser.username(), now);
        String structure = structures.get(application.getStructureId()).getName();
        byte[] original = document.render(agreement);
        byte[] signed = signatures.sign(original, currentUser.displayName(),
                "Signé pour " + structure + " par " + currentUser.displayName() + ", son représentant légal",
                signatureProperties.getLocation());
        pdfs.save(new AgreementPdf(agreementId, original, signed, now));
        audit.record(ENTITY, agreementId, application.getId(), AuditAction.AGREEMENT_SIGNED, Agreement.Status.TO_SIGN,
                Agreement.Status.SIGNED, "Signée pour la structure par " + currentUser.displayName()
                        + " (code à usage unique reçu par e-mail, signature électronique PAdES)");
        workflow.complete(task, Map.of());
        return agreement;
    }

    /**
     * The Département's signatory countersigns: a second PAdES signature over the first (incremental
     * update, both stay valid); the agreement is in force.
     */
    @Transactional
    @PreAuthorize("hasRole('SIGNATORY')")
    public Agreement countersign(Long agreementId) {
        Agreement agreement = get(agreementId);
        if (agreement.isArrete() || agreement.getStatus() != Agreement.Status.SIGNED) {
            throw new StateConflictException(agreement.getStatus() == Agreement.Status.TO_SIGN
                    ? "La convention n'est pas encore signée par la structure : elle ne peut pas être contresignée."
                    : "Cet acte n'attend pas de contresignature : il est déjà en vigueur ou soldé.");
        }
        Application application = applications.get(agreement.getApplicationId());
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_COUNTERSIGN_AGREEMENT, Map.of());
        commitments.ifAvailable(c -> c.commit(agreement));
        Instant now = Instant.now(clock);
        String reason = "Contresigné pour le Département de la Seine-Saint-Denis par " + currentUser.displayName();
        var stored = pdfs.findById(agreementId);
        agreement.countersign(currentUser.username(), now);
        if (stored.isPresent()) {
            stored.get().countersigned(signatures.sign(stored.get().getSignedPdf(), currentUser.displayName(), reason,
                    signatureProperties.getLocation()), now);
        } else {
            // Signed by the structure before electronic signatures existed: the countersignature is the only one.
            byte[] original = document.render(agreement);
            pdfs.save(new AgreementPdf(agreementId, original, signatures.sign(original, currentUser.displayName(),
                    reason, signatureProperties.getLocation()), now));
        }
        audit.record(ENTITY, agreementId, application.getId(), AuditAction.AGREEMENT_COUNTERSIGNED, Agreement.Status.SIGNED,
                Agreement.Status.IN_FORCE, "Contresignée pour le Département par " + currentUser.displayName()
                        + " (signature électronique PAdES)");
        applications.changeStatus(application.getId(), ApplicationStatus.IN_PROGRESS, AuditAction.AGREEMENT_IN_FORCE,
                agreement.getNumber());
        workflow.complete(task, Map.of());
        return agreement;
    }

    /** The agreements signed by their structure, waiting for the Département's signatory (oldest first). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SIGNATORY')")
    public List<Agreement> awaitingCountersignature() {
        return agreements.findByStatusOrderBySignedAtAscIdAsc(Agreement.Status.SIGNED);
    }

    /** The act's PDF: the signed one once the structure signed, else written from the current data. */
    @Transactional(readOnly = true)
    public byte[] pdf(Agreement agreement) {
        return pdfs.findById(agreement.getId()).map(AgreementPdf::getSignedPdf)
                .orElseGet(() -> document.render(agreement));
    }

    /** The PDF as it was before the first signature; empty before it. */
    @Transactional(readOnly = true)
    public java.util.Optional<byte[]> unsignedOriginal(Agreement agreement) {
        return pdfs.findById(agreement.getId()).map(AgreementPdf::getOriginalPdf);
    }

    /** What a validator (DSS) says of the signed PDF's signatures; none before the first signature. */
    @Transactional(readOnly = true)
    public SignatureReport signatureReport(Agreement agreement) {
        return pdfs.findById(agreement.getId()).map(pdf -> signatures.validate(pdf.getSignedPdf()))
                .orElseGet(() -> new SignatureReport(List.of()));
    }

    /** After the last grant year: the agreement and the application are closed. */
    @Transactional
    public void closeAfterLastYear(Long applicationId) {
        Agreement agreement = agreements.findByApplicationId(applicationId).orElseThrow();
        Agreement.Status from = agreement.getStatus();
        agreement.close();
        audit.record(ENTITY, agreement.getId(), applicationId,
                agreement.isArrete() ? AuditAction.ARRETE_CLOSED : AuditAction.AGREEMENT_CLOSED, from,
                Agreement.Status.CLOSED, null);
        applications.changeStatus(applicationId, ApplicationStatus.CLOSED, AuditAction.CLOSED, agreement.isArrete()
                ? "L'arrêté attributif est soldé" : "Toutes les années de la convention sont soldées");
    }

    @Transactional(readOnly = true)
    public Agreement get(Long agreementId) {
        return agreements.findById(agreementId).orElseThrow(AgreementService::notFound);
    }

    /** An agreement the caller may see (through its application); 404 otherwise. */
    @Transactional(readOnly = true)
    public Agreement visible(Long agreementId) {
        Agreement agreement = get(agreementId);
        if (currentUser.hasRole(Role.SIGNATORY) && !agreement.isArrete()
                && agreement.getStatus() != Agreement.Status.TO_SIGN) {
            // The Département's signatory reads the agreements signed by their structure, not the case files.
            return agreement;
        }
        applications.visibleForPayment(agreement.getApplicationId());
        return agreement;
    }

    @Transactional(readOnly = true)
    public Agreement ofApplication(Long applicationId) {
        return agreements.findByApplicationId(applicationId).orElseThrow(AgreementService::notFound);
    }

    private static NotFoundException notFound() {
        return NotFoundException.notYours();
    }
}
