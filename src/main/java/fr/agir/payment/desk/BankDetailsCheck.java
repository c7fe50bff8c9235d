package fr.agir.payment.desk;

import fr.agir.shared.StateConflictException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the bank details a payment will use are backed by the RIB piece of the structure's case file.
 * Blocks the liquidation when the case file has no RIB, when a bank details change waits for finance's
 * verification (the account to pay is then uncertain: paying the old one or the new one unverified
 * is the classic fraud path, so nothing is paid until an officer decides), or when the newest RIB piece
 * is not the one the last verified change relied on (a new RIB was uploaded without declaring it).
 */
@Service
public class BankDetailsCheck {
    private final JdbcTemplate jdbc;

    public BankDetailsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest RIB piece of the case file. */
    public record RibPiece(Long id, int version, String name, Instant uploadedAt) {
    }

    /** What the checklist shows: the account paid, the RIB piece, and why it blocks (null: it does not). */
    public record Result(Long structureId, String iban, String bic, RibPiece rib, Instant verifiedAt,
                         String verifiedBy, boolean pendingChange, String problem) {
        public boolean ok() {
            return problem == null;
        }

        /** "FR76 3000 …": grouped by four, as printed on a RIB. */
        public String ibanGrouped() {
            return iban == null ? null : iban.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    @Transactional(readOnly = true)
    public Result ofApplication(Long applicationId) {
        Long structureId = jdbc.queryForObject("SELECT structure_id FROM application WHERE id = ?", Long.class,
                applicationId);
        return of(structureId);
    }

    @Transactional(readOnly = true)
    public Result of(Long structureId) {
        var account = jdbc.queryForMap("SELECT iban, bic FROM structure WHERE id = ?", structureId);
        String iban = (String) account.get("iban");
        String bic = (String) account.get("bic");
        List<RibPiece> ribs = jdbc.query("SELECT id, version, original_name, uploaded_at FROM structure_document "
                        + "WHERE structure_id = ? AND type = 'RIB' ORDER BY version DESC LIMIT 1",
                (rs, n) -> new RibPiece(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), structureId);
        RibPiece rib = ribs.isEmpty() ? null : ribs.get(0);
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM bank_details_change WHERE structure_id = ? "
                + "AND status = 'PENDING'", Integer.class, structureId);
        List<Object[]> verified = jdbc.query("SELECT iban, rib_document_id, decided_at, decided_by FROM bank_details_change "
                        + "WHERE structure_id = ? AND status = 'APPROVED' ORDER BY decided_at DESC, id DESC LIMIT 1",
                (rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)}, structureId);
        String problem = null;
        if (iban == null || iban.isBlank()) {
            problem = "La structure n'a pas d'IBAN : elle doit déclarer ses coordonnées bancaires avec un RIB.";
        } else if (rib == null) {
            problem = "Aucun RIB dans le dossier de la structure : le versement est bloqué tant qu'elle n'en a pas "
                    + "déposé un.";
        } else if (pending != null && pending > 0) {
            problem = "Un changement de coordonnées bancaires attend la vérification des finances (page « RIB à "
                    + "vérifier ») : aucun versement tant qu'il n'est pas approuvé ou refusé.";
        } else if (!verified.isEmpty() && !iban.equals(verified.get(0)[0])) {
            problem = "L'IBAN de la structure ne correspond pas à celui du dernier RIB vérifié par les finances.";
        } else if (!verified.isEmpty() && !rib.id().equals(verified.get(0)[1])) {
            problem = "Le RIB le plus récent du dossier (version " + rib.version() + ") n'est pas celui qui a été "
                    + "vérifié pour l'IBAN du versement : la structure doit déclarer ses coordonnées bancaires avec "
                    + "ce RIB, et les finances les vérifier.";
        }
        return new Result(structureId, iban, bic, rib, verified.isEmpty() ? null : (Instant) verified.get(0)[2],
                verified.isEmpty() ? null : (String) verified.get(0)[3], pending != null && pending > 0, problem);
    }

    /** Refuses (409) the liquidation of an installment whose bank details do not hold. */
    public void assertPayable(Long applicationId) {
        Result result = ofApplication(applicationId);
        if (!result.ok()) {
            throw new StateConflictException("Liquidation impossible : " + result.problem());
        }
    }
}
