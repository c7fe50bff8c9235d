package fr.agir.payment.desk;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.Identifiers;
import fr.agir.structure.StructureService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank details changes, four eyes: a member of the structure requests the new IBAN/BIC with a new RIB
 * piece of its case file; a finance officer — never the requester — verifies it against the piece and
 * approves (the structure's account changes then) or refuses with a reason. Until then the structure's
 * installments cannot be liquidated ({@link BankDetailsCheck}). Every step is audited.
 */
@Service
public class BankDetailsChanges {
    static final String ENTITY = StructureService.ENTITY;

    public enum Status {
        PENDING("En attente de vérification par les finances"), APPROVED("Vérifié et appliqué"),
        REJECTED("Refusé par les finances");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One change, as the pages show it. */
    public record Change(Long id, Long structureId, String structureName, String siret, String iban, String bic,
                         String previousIban, String previousBic, Long ribDocumentId, int ribVersion, String ribName,
                         Instant ribUploadedAt, Status status, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt, String decisionReason) {
    }

    private static final String SELECT = "SELECT c.id, c.structure_id, s.name, s.siret, c.iban, c.bic, "
            + "c.previous_iban, c.previous_bic, c.rib_document_id, d.version, d.original_name, d.uploaded_at, c.status, "
            + "c.requested_by, c.requested_at, c.decided_by, c.decided_at, c.decision_reason "
            + "FROM bank_details_change c JOIN structure s ON s.id = c.structure_id "
            + "JOIN structure_document d ON d.id = c.rib_document_id ";
    private static final RowMapper<Change> ROW = (rs, n) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
            rs.getInt(10), rs.getString(11), instant(rs.getTimestamp(12)), Status.valueOf(rs.getString(13)),
            rs.getString(14), instant(rs.getTimestamp(15)), rs.getString(16), instant(rs.getTimestamp(17)),
            rs.getString(18));

    private final JdbcTemplate jdbc;
    private final StructureService structures;
    private final AuditTrail audit;
    private final FourEyesAudit fourEyes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public BankDetailsChanges(JdbcTemplate jdbc, StructureService structures, AuditTrail audit,
                              FourEyesAudit fourEyes, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.audit = audit;
        this.fourEyes = fourEyes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A member of the structure asks for payments to go to a new account, shown by its newest RIB piece. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Change request(Long structureId, String iban, String bic) {
        structures.checkMember(structureId);
        Map<String, String> errors = new LinkedHashMap<>();
        String newIban = Identifiers.normalise(iban);
        String newBic = Identifiers.normalise(bic);
        if (!Identifiers.isValidIban(newIban)) {
            errors.put("iban", "Saisissez un IBAN valide (27 caractères pour un compte en France, FR76…)");
        }
        if (!Identifiers.isValidBic(newBic)) {
            errors.put("bic", "Saisissez un BIC valide (8 ou 11 caractères)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Les coordonnées bancaires ne sont pas valides.", errors);
        }
        jdbc.queryForObject("SELECT id FROM structure WHERE id = ? FOR UPDATE", Long.class, structureId);
        if (count("SELECT COUNT(*) FROM bank_details_change WHERE structure_id = ? AND status = 'PENDING'",
                structureId) > 0) {
            throw new StateConflictException("Un changement de coordonnées bancaires attend déjà la vérification "
                    + "des finances : attendez leur décision avant d'en demander un autre.");
        }
        // The newest RIB piece must be new: used by no earlier request, and not the first one of the case
        // file while the account is still the registration's (that one shows the old account).
        List<Long> rib = jdbc.queryForList("SELECT id FROM structure_document WHERE structure_id = ? AND type = 'RIB' "
                + "ORDER BY version DESC LIMIT 1", Long.class, structureId);
        boolean registrationAccount = count("SELECT COUNT(*) FROM bank_details_change WHERE structure_id = ? "
                + "AND status = 'APPROVED'", structureId) == 0;
        if (rib.isEmpty() || count("SELECT COUNT(*) FROM bank_details_change WHERE rib_document_id = ?",
                rib.get(0)) > 0 || registrationAccount && count("SELECT COUNT(*) FROM structure_document "
                + "WHERE structure_id = ? AND type = 'RIB'", structureId) < 2) {
            throw new InvalidInputException("Déposez d'abord le RIB du nouveau compte dans le dossier de la structure.",
                    Map.of("rib", "Le RIB du nouveau compte n'est pas encore dans le dossier de la structure "
                            + "(le RIB le plus récent a déjà servi à une demande)"));
        }
        Map<String, Object> current = jdbc.queryForMap("SELECT iban, bic FROM structure WHERE id = ?", structureId);
        Instant now = Instant.now(clock);
        jdbc.update("INSERT INTO bank_details_change (structure_id, iban, bic, previous_iban, previous_bic, "
                        + "rib_document_id, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                structureId, newIban, newBic, current.get("iban"), current.get("bic"), rib.get(0),
                currentUser.username(), Timestamp.from(now));
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM bank_details_change WHERE structure_id = ?", Long.class,
                structureId);
        audit.record(ENTITY, structureId, null, AuditAction.BANK_DETAILS_CHANGE_REQUESTED, null, Status.PENDING,
                "Nouvel IBAN se terminant par " + tail(newIban) + " (RIB déposé au dossier), à vérifier par les finances");
        return get(id);
    }

    /** A finance officer, never the requester, approves: payments go to the new account from now on. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public Change approve(Long changeId) {
        Change change = lockPending(changeId);
        checkNotRequester(change);
        decide(change, Status.APPROVED, null);
        structures.applyVerifiedBankDetails(change.structureId(), change.iban(), change.bic());
        audit.record(ENTITY, change.structureId(), null, AuditAction.BANK_DETAILS_CHANGE_APPROVED, Status.PENDING,
                Status.APPROVED, "IBAN se terminant par " + tail(change.iban()) + " vérifié avec le RIB version "
                        + change.ribVersion() + " (ancien IBAN se terminant par " + tail(change.previousIban()) + ")");
        return get(changeId);
    }

    /** A finance officer, never the requester, refuses with a reason: the account stays the old one. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public Change reject(Long changeId, String reason) {
        String why = Texts.required(reason, "reason", 1000, "Indiquez pourquoi le changement est refusé");
        Change change = lockPending(changeId);
        checkNotRequester(change);
        decide(change, Status.REJECTED, why);
        audit.record(ENTITY, change.structureId(), null, AuditAction.BANK_DETAILS_CHANGE_REJECTED, Status.PENDING,
                Status.REJECTED, why);
        return get(changeId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public List<Change> pending() {
        return jdbc.query(SELECT + "WHERE c.status = 'PENDING' ORDER BY c.requested_at, c.id LIMIT 500", ROW);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public List<Change> recentlyDecided() {
        return jdbc.query(SELECT + "WHERE c.status <> 'PENDING' ORDER BY c.decided_at DESC, c.id DESC LIMIT 20", ROW);
    }

    /** The structure's changes, newest first, for its members (404 for anyone else). */
    @Transactional(readOnly = true)
    public List<Change> ofStructure(Long structureId) {
        structures.checkMember(structureId);
        return jdbc.query(SELECT + "WHERE c.structure_id = ? ORDER BY c.id DESC", ROW, structureId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FINANCE')")
    public Change get(Long changeId) {
        List<Change> found = jdbc.query(SELECT + "WHERE c.id = ?", ROW, changeId);
        if (found.isEmpty()) {
            throw NotFoundException.notYours();
        }
        return found.get(0);
    }

    private Change lockPending(Long changeId) {
        List<String> status = jdbc.queryForList("SELECT status FROM bank_details_change WHERE id = ? FOR UPDATE",
                String.class, changeId);
        if (status.isEmpty()) {
            throw NotFoundException.notYours();
        }
        if (!Status.PENDING.name().equals(status.get(0))) {
            throw new StateConflictException("Ce changement de coordonnées bancaires a déjà été traité ("
                    + Status.valueOf(status.get(0)).label().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        return get(changeId);
    }

    private void checkNotRequester(Change change) {
        if (currentUser.username().equals(change.requestedBy())) {
            fourEyes.refusedBankApproval(change.structureId(), change.id());
            throw new ForbiddenActionException("Séparation des tâches : la personne qui a demandé le changement de "
                    + "coordonnées bancaires ne peut pas le vérifier. Un autre agent des finances doit le faire.");
        }
    }

    private void decide(Change change, Status status, String reason) {
        jdbc.update("UPDATE bank_details_change SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, "
                        + "version = version + 1 WHERE id = ? AND status = 'PENDING'", status.name(),
                currentUser.username(), Timestamp.from(Instant.now(clock)), reason, change.id());
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    static String tail(String iban) {
        return iban == null || iban.length() < 4 ? "—" : iban.substring(iban.length() - 4);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
