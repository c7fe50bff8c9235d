package fr.agir.letter;

import fr.agir.agreement.AgreementRepository;
import fr.agir.agreement.ArreteDocument;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.mail.OutgoingMail;
import fr.agir.shared.TimeConfig;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the letter of an application's current decision, once: the PDF is written, kept in
 * {@code decision_letter} and queued in the outbox (with the arrêté attached when there is one) in the
 * same transaction. Run by the lifecycle's notification tasks, by the job executor right after the
 * vote's commit; a retried job finds the letter of its decision and does nothing.
 */
@Service
public class DecisionLetterService {
    public static final String ENTITY = "DECISION_LETTER";

    private final DecisionLetterRepository letters;
    private final VoteService votes;
    private final DecisionLetterDocument document;
    private final ArreteDocument arretes;
    private final AgreementRepository agreements;
    private final DecisionLetterMail mail;
    private final AuditTrail audit;
    private final Clock clock;

    public DecisionLetterService(DecisionLetterRepository letters, VoteService votes, DecisionLetterDocument document,
                                 ArreteDocument arretes, AgreementRepository agreements, DecisionLetterMail mail,
                                 AuditTrail audit, Clock clock) {
        this.letters = letters;
        this.votes = votes;
        this.document = document;
        this.arretes = arretes;
        this.agreements = agreements;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** The letter of the application's current decision, sent now, or nothing if it was sent already. */
    @Transactional
    public Optional<DecisionLetter> send(Long applicationId) {
        Decision decision = votes.of(applicationId);
        if (letters.existsByDecisionId(decision.getId())) {
            return Optional.empty();
        }
        LetterKind kind = LetterKind.of(decision);
        DecisionLetterDocument.Facts facts = document.facts(decision, votes.revised(decision).orElse(null), kind,
                LocalDate.now(clock.withZone(TimeConfig.PARIS)));
        byte[] pdf = DecisionLetterDocument.render(facts);
        String fileName = kind.fileName(facts.reference());
        List<OutgoingMail.Attachment> attachments = new ArrayList<>();
        attachments.add(new OutgoingMail.Attachment(fileName, "application/pdf", pdf));
        if (facts.act() != null && facts.act().arrete()) {
            agreements.findByApplicationId(applicationId).ifPresent(arrete -> attachments.add(new OutgoingMail.Attachment(
                    "arrete-" + arrete.getNumber() + ".pdf", "application/pdf", arretes.render(arrete))));
        }
        Long messageId = mail.enqueue(applicationId, decision, facts, attachments);
        DecisionLetter letter = letters.save(new DecisionLetter(applicationId, decision.getId(), kind, fileName, pdf,
                sha256(pdf), messageId, Instant.now(clock)));
        audit.record(ENTITY, letter.getId(), applicationId, AuditAction.LETTER_SENT, null, null,
                kind.title() + " (délibération " + decision.getDeliberationNumber() + ")");
        return Optional.of(letter);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
