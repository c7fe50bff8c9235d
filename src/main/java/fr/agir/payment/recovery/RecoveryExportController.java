package fr.agir.payment.recovery;

import fr.agir.shared.TabularExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * « Exporter (CSV) » / « Exporter (Excel) » of the recovery orders page (/finances/titres): the orders of the
 * status shown, read by a JDBC cursor (never the letters' PDFs) and written as they come. Finance and the
 * administrator, like the page; the legal representative's e-mail is not exported.
 */
@Controller
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
public class RecoveryExportController {
    static final List<String> HEADER = List.of("N° du titre", "Exercice", "Candidature", "Débiteur", "SIRET", "RNA",
            "Adresse", "Montant (€)", "Motif", "Origine", "Statut", "Émis le", "Recouvré le", "Montant recouvré (€)",
            "Motif d'annulation");
    private final JdbcTemplate cursor;

    public RecoveryExportController(DataSource dataSource) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(500);
    }

    @GetMapping(RecoveryController.PAGE + "/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                        @RequestParam(value = "statut", required = false) String status) {
        TabularExport.Format f = TabularExport.Format.of(format);
        RecoveryOrder.Status filter = parse(status);
        String where = filter == null ? "" : " WHERE r.status = ?";
        Object[] args = filter == null ? new Object[0] : new Object[] {filter.name()};
        return TabularExport.download(f, "titres-de-recettes", "Titres de recettes", HEADER, out ->
                cursor.query("SELECT r.order_number, r.budget_year, a.reference, r.debtor_name, r.debtor_siret, "
                        + "r.debtor_rna, r.debtor_address, r.amount, r.reason, r.origin, r.status, r.created_at, "
                        + "r.recovered_on, r.recovered_amount, r.cancel_reason FROM recovery_order r "
                        + "JOIN application a ON a.id = r.application_id" + where + " ORDER BY r.budget_year, r.id",
                        (ResultSet rs) -> {
                            Timestamp created = rs.getTimestamp(12);
                            try {
                                out.row(new ArrayList<>(Arrays.asList(rs.getString(1), rs.getInt(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                        rs.getBigDecimal(8), rs.getString(9),
                                        RecoveryOrder.Origin.valueOf(rs.getString(10)).label(),
                                        RecoveryOrder.Status.valueOf(rs.getString(11)).label(),
                                        created == null ? null : created.toInstant(),
                                        rs.getObject(13, java.time.LocalDate.class), rs.getBigDecimal(14),
                                        rs.getString(15))));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, args));
    }

    private static RecoveryOrder.Status parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RecoveryOrder.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
