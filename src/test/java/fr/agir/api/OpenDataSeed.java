package fr.agir.api;

import fr.agir.TestData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grants written straight into the tables for the open-data and export tests (in far years, 2090-2091, that no
 * other test uses), and removed by {@link #close()}: nothing stays for the suite's other tests, which count.
 */
final class OpenDataSeed implements AutoCloseable {
    private final JdbcTemplate jdbc;
    private final List<Long> structures = new ArrayList<>();
    private final List<Long> applications = new ArrayList<>();
    private final List<Long> campaigns = new ArrayList<>();
    private final List<Long> agreements = new ArrayList<>();
    private final List<Long> recoveries = new ArrayList<>();
    final long campaign;

    OpenDataSeed(JdbcTemplate jdbc, int year) {
        this.jdbc = jdbc;
        String code = "OD" + System.nanoTime();
        jdbc.update("INSERT INTO campaign (code, name, opening_date, closing_date, status, envelope_operating, "
                + "envelope_investment, max_duration_years, thematics, created_at) VALUES (?, ?, ?, ?, 'CLOSED', "
                + "1000000, 100000, 2, 'ENGAGEMENT_CITOYEN', ?)", code, "Appel à Agir " + year, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 2, 1), now());
        campaign = id("SELECT id FROM campaign WHERE code = ?", code);
        campaigns.add(campaign);
    }

    long structure(String name, String rna, boolean naturalPerson) {
        String siret = TestData.randomSiret();
        jdbc.update("INSERT INTO structure (name, legal_form, siret, rna, legal_rep_name, legal_rep_email, created_by, "
                + "created_at, natural_person) VALUES (?, 'ASSOCIATION', ?, ?, 'Marie Secrète', "
                + "'marie.secrete@example.org', 'porteur', ?, ?)", name, siret, rna, now(), naturalPerson);
        long id = id("SELECT id FROM structure WHERE siret = ?", siret);
        structures.add(id);
        return id;
    }

    static String randomRna() {
        return "W93" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    long application(long structure, String title, String status) {
        String reference = "OD-" + System.nanoTime();
        jdbc.update("INSERT INTO application (reference, campaign_id, structure_id, title, duration_years, status, "
                + "created_by, created_at, updated_at, thematic) VALUES (?, ?, ?, ?, 1, ?, 'porteur', ?, ?, 'ENGAGEMENT_CITOYEN')",
                reference, campaign, structure, title, status, now(), now());
        long id = id("SELECT id FROM application WHERE reference = ?", reference);
        applications.add(id);
        return id;
    }

    void decision(long application, String outcome, String deliberation) {
        jdbc.update("INSERT INTO decision (application_id, outcome, deliberation_number, deliberation_date, "
                + "duration_years, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 1, 'instructeur', ?)", application,
                outcome, deliberation, LocalDate.now(), now());
    }

    void charges(long application, int grantYear, String amount) {
        jdbc.update("INSERT INTO budget_line (application_id, grant_year, code, amount) VALUES (?, ?, '64', ?)",
                application, grantYear, new BigDecimal(amount));
    }

    /** An act: status TO_SIGN, SIGNED, IN_FORCE; instrument AGREEMENT or ARRETE; amounts per grant year (1, 2). */
    long act(long application, String instrument, String status, int firstYear, Instant countersigned,
             Instant generated, String... amounts) {
        String number = "OD-CONV-" + System.nanoTime();
        BigDecimal total = BigDecimal.ZERO;
        for (String a : amounts) {
            total = total.add(new BigDecimal(a));
        }
        jdbc.update("INSERT INTO agreement (application_id, agreement_number, status, duration_years, first_year, "
                + "total_amount, generated_at, countersigned_by, countersigned_at, instrument) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", application, number, status, amounts.length, firstYear, total,
                Timestamp.from(generated), countersigned == null ? null : "signataire",
                countersigned == null ? null : Timestamp.from(countersigned), instrument);
        long id = id("SELECT id FROM agreement WHERE agreement_number = ?", number);
        agreements.add(id);
        for (int y = 0; y < amounts.length; y++) {
            jdbc.update("INSERT INTO agreement_year (agreement_id, grant_year, amount) VALUES (?, ?, ?)", id, y + 1,
                    new BigDecimal(amounts[y]));
        }
        return id;
    }

    void installment(long agreement, long application, int grantYear, String kind, String amount, String status,
                     Instant paidAt) {
        jdbc.update("INSERT INTO installment (agreement_id, application_id, grant_year, kind, amount, status, paid_at, "
                + "payable_since, payment_order_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", agreement, application,
                grantYear, kind, new BigDecimal(amount), status, paidAt == null ? null : Timestamp.from(paidAt),
                paidAt == null ? null : Timestamp.from(paidAt.minusSeconds(86400 * 10)),
                paidAt == null ? null : "M-" + grantYear + "-" + kind);
    }

    void recovery(long application, long structure, int year, String debtor, String amount, String reason) {
        String number = "TR-" + year + "-" + (System.nanoTime() % 1_000_000);
        jdbc.update("INSERT INTO recovery_order (order_number, budget_year, application_id, structure_id, debtor_name, "
                + "debtor_siret, amount, reason, origin, status, created_by, created_at, legal_rep_email) "
                + "VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'FINANCE', 'TO_EXPORT', 'finances1', ?, 'marie.secrete@example.org')",
                number, year, application, structure, debtor, new BigDecimal(amount), reason, now());
        recoveries.add(id("SELECT id FROM recovery_order WHERE order_number = ?", number));
    }

    private long id(String sql, Object arg) {
        Long id = jdbc.queryForObject(sql, Long.class, arg);
        return id;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    @Override
    public void close() {
        for (Long r : recoveries) {
            jdbc.update("DELETE FROM recovery_order WHERE id = ?", r);
        }
        for (Long g : agreements) {
            jdbc.update("DELETE FROM installment WHERE agreement_id = ?", g);
            jdbc.update("DELETE FROM agreement_year WHERE agreement_id = ?", g);
            jdbc.update("DELETE FROM agreement WHERE id = ?", g);
        }
        for (Long a : applications) {
            jdbc.update("DELETE FROM budget_line WHERE application_id = ?", a);
            jdbc.update("DELETE FROM decision WHERE application_id = ?", a);
            jdbc.update("DELETE FROM application WHERE id = ?", a);
        }
        for (Long s : structures) {
            jdbc.update("DELETE FROM structure WHERE id = ?", s);
        }
        for (Long c : campaigns) {
            jdbc.update("DELETE FROM campaign WHERE id = ?", c);
        }
    }
}
