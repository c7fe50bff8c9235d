package fr.agir.bench;

import fr.agir.application.BudgetLineCode;
import fr.agir.application.TargetPublic;
import fr.agir.campaign.Thematic;
import fr.agir.structure.Commune;
import fr.agir.structure.DocumentType;
import fr.agir.structure.Identifiers;
import fr.agir.structure.LegalForm;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Bulk data for the benchmark, written with multi-row INSERTs (up to a few thousand rows each): the
 * ESS structures of the territory with their case files (required pieces as rows; their bytes are
 * not stored, nothing reads them here), and past campaigns with their applications, balanced
 * Cerfa budgets, requested and granted amounts, linked pieces and audit rows; the instructed ones
 * with two opinions, the jury's result and the vote; the granted ones with their agreement, paid
 * installments and validated reports. Deterministic (fixed
 * seed), so two runs generate the same data. Values are generated numbers and fixed words only,
 * which is why they are written inline.
 */
final class DataGenerator {
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final Commune[] COMMUNES = Commune.values();
    private static final LegalForm[] LEGAL_FORMS = LegalForm.values();
    private static final Thematic[] THEMATICS = Thematic.values();
    private static final TargetPublic[] PUBLICS = TargetPublic.values();
    private static final String[] REQUIRED = DocumentType.required().stream().map(Enum::name).toArray(String[]::new);

    private final DataSource dataSource;
    private final Random random = new Random(20261123L);
    private long rowsWritten;

    DataGenerator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    /** A valid SIRET (SIREN and SIRET both pass Luhn) derived from {@code n}: unique per n. */
    static String siret(long n) {
        String siren8 = "%08d".formatted(70_000_000L + n);
        String siren = siren8 + luhnDigit(siren8);
        String body = siren + "0001";
        for (int d = 0; d < 10; d++) {
            if (Identifiers.isValidSiret(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException("no SIRET for " + n);
    }

    private static int luhnDigit(String digits) {
        for (int d = 0; d < 10; d++) {
            if (Identifiers.isValidSiren(digits + d)) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * {@code count} structures numbered from {@code first}, each with its legal representative as
     * member ({@code member} when given, else a user of its own) and its required pieces (plus the
     * approved accounts for one in two). Returns the ids of the new structures.
     */
    List<Long> structures(long first, int count, String member) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstId = nextId(c, "structure");
            Rows rows = new Rows(c, "INSERT INTO structure (id, name, legal_form, siret, siren, address_line, postal_code, "
                    + "commune, commune_insee, ept, legal_rep_name, legal_rep_email, iban, bic, created_by, created_at) VALUES ");
            for (int i = 0; i < count; i++) {
                long n = first + i;
                Commune commune = COMMUNES[(int) (n % COMMUNES.length)];
                String siret = siret(n);
                rows.add("(" + (firstId + i) + ",'Structure ESS " + n + "','" + LEGAL_FORMS[(int) (n % LEGAL_FORMS.length)]
                        + "','" + siret + "','" + siret.substring(0, 9) + "','" + (1 + n % 200) + " rue de la République','"
                        + commune.postalCodes().iterator().next() + "','" + commune.label().replace("'", "''") + "','"
                        + commune.insee() + "','" + commune.ept().name() + "','Représentant " + n + "','rep" + n
                        + "@agir.test','FR7630006000011234567890189','AGRIFRPP','" + owner(member, n)
                        + "','2021-01-04 09:00:00')");
            }
            rows.flush();
            Rows members = new Rows(c, "INSERT INTO structure_member (structure_id, username, member_role, created_at) VALUES ");
            Rows documents = new Rows(c, "INSERT INTO structure_document (structure_id, type, version, original_name, "
                    + "content_type, size_bytes, sha256, storage_key, valid_until, uploaded_by, uploaded_at) VALUES ");
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                long n = first + i;
                members.add("(" + id + ",'" + owner(member, n) + "','LEGAL_REPRESENTATIVE','2021-01-04 09:00:00')");
                List<String> types = new ArrayList<>(List.of(REQUIRED));
                if (n % 2 == 0) {
                    types.add(DocumentType.COMPTES_APPROUVES.name());
                }
                for (String type : types) {
                    boolean accounts = type.equals(DocumentType.COMPTES_APPROUVES.name());
                    documents.add("(" + id + ",'" + type + "',1,'" + type.toLowerCase() + ".pdf','application/pdf',"
                            + (20_000 + random.nextInt(400_000)) + ",'" + "%064x".formatted(id * 31 + type.hashCode())
                            + "','bench/" + id + "/" + type + "',"
                            + (accounts ? "'" + LocalDate.now().plusMonths(12) + "'" : "NULL") + ",'" + owner(member, n)
                            + "','2025-01-06 10:00:00')");
                }
            }
            members.flush();
            documents.flush();
            c.commit();
            List<Long> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(firstId + i);
            }
            return ids;
        }
    }

    private static String owner(String member, long n) {
        return member != null ? member : "porteur-" + n;
    }

    /** A past (closed) campaign of {@code year}; returns its id. */
    long pastCampaign(int year) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String code = "AAA-" + year;
            var existing = s.executeQuery("SELECT id FROM campaign WHERE code = '" + code + "'");
            if (existing.next()) {
                return existing.getLong(1);
            }
            s.executeUpdate("INSERT INTO campaign (code, name, opening_date, closing_date, status, envelope_operating, "
                    + "envelope_investment, max_duration_years, thematics, created_at) VALUES ('" + code + "','Appel à Agir "
                    + year + "','" + year + "-02-01','" + year + "-03-31','CLOSED',3000000.00,500000.00,2,"
                    + "'ENGAGEMENT_CITOYEN,NOUVELLES_SOLIDARITES,TRANSITION_ECOLOGIQUE','" + year + "-01-10 09:00:00')",
                    Statement.RETURN_GENERATED_KEYS);
            var keys = s.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    /**
     * {@code count} applications of a past campaign, numbered from {@code firstNumber} in its year,
     * spread over the structures, thematics, publics, stages (about 40% closed after a grant, 45%
     * rejected, 15% inadmissible, as in past editions) and 1- or 2-year durations.
     */
    void pastApplications(long campaignId, int year, int firstNumber, int count, long firstStructureId,
                          int structureCount) throws SQLException {
        applications(campaignId, year, firstNumber, count, firstStructureId, structureCount, null);
    }

    /** An application submitted in the open campaign, whose lifecycle the caller starts. */
    record Submitted(long id, String reference, String thematic, String targetPublic, String legalForm, long totalRequested) {
    }

    /**
     * {@code count} applications just submitted to the open campaign {@code campaignId} (the backlog
     * waiting for the completeness check), numbered from {@code firstNumber}; returns what their
     * lifecycles start with.
     */
    List<Submitted> submittedApplications(long campaignId, int year, int firstNumber, int count, long firstStructureId,
                                          int structureCount) throws SQLException {
        List<Submitted> submitted = new ArrayList<>();
        applications(campaignId, year, firstNumber, count, firstStructureId, structureCount, submitted);
        return submitted;
    }

    private void applications(long campaignId, int year, int firstNumber, int count, long firstStructureId,
                              int structureCount, List<Submitted> current) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstId = nextId(c, "application");
            Rows apps = new Rows(c, "INSERT INTO application (id, reference, campaign_id, structure_id, title, description, "
                    + "thematic, target_public, territory, duration_years, status, status_reason, submitted_at, "
                    + "submitted_by, created_by, created_at, updated_at) VALUES ").manual();
            Rows lines = new Rows(c, "INSERT INTO budget_line (application_id, grant_year, code, amount) VALUES ").manual();
            Rows amounts = new Rows(c, "INSERT INTO application_amount (application_id, grant_year, kind, amount) VALUES ").manual();
            Rows audit = new Rows(c, "INSERT INTO audit_event (occurred_at, actor, entity_type, entity_id, application_id, "
                    + "action, from_state, to_state, reason) VALUES ").manual();
            long firstAgreementId = nextId(c, "agreement");
            long agreementId = firstAgreementId;
            Rows opinions = new Rows(c, "INSERT INTO opinion (application_id, directorate, status, verdict, opinion_comment, "
                    + "suggested_amount, requested_at, due_date, given_by, given_at) VALUES ").manual();
            Rows juries = new Rows(c, "INSERT INTO jury_result (application_id, verdict, duration_years, jury_comment, "
                    + "recorded_by, recorded_at) VALUES ").manual();
            Rows decisions = new Rows(c, "INSERT INTO decision (application_id, outcome, deliberation_number, "
                    + "deliberation_date, duration_years, recorded_by, recorded_at) VALUES ").manual();
            Rows agreements = new Rows(c, "INSERT INTO agreement (id, application_id, agreement_number, status, "
                    + "duration_years, first_year, total_amount, generated_at, signed_by, signed_at, countersigned_by, "
                    + "countersigned_at) VALUES ").manual();
            Rows installments = new Rows(c, "INSERT INTO installment (agreement_id, application_id, grant_year, kind, "
                    + "amount, status, prepared_by, prepared_at, validated_by, validated_at, payment_order_number, paid_at) "
                    + "VALUES ").manual();
            Rows reports = new Rows(c, "INSERT INTO report (agreement_id, application_id, grant_year, status, due_date, "
                    + "actual_charges, actual_products, spent_grant, qualitative_report, submitted_by, submitted_at, "
                    + "reviewed_by, reviewed_at) VALUES ").manual();
            Rows links = new Rows(c, "INSERT INTO application_document (application_id, document_id, linked_at) "
                    + "SELECT v.a, d.id, v.t FROM (", " UNION ALL ", ") v JOIN structure_document d ON d.structure_id = v.s").manual();
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                long structureId = firstStructureId + random.nextInt(structureCount);
                int years = random.nextInt(3) == 0 ? 2 : 1;
                int roll = random.nextInt(100);
                String status = current != null ? "SUBMITTED" : roll < 40 ? "CLOSED" : roll < 85 ? "REJECTED" : "INADMISSIBLE";
                String submitted = current != null
                        ? java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(random.nextInt(60 * 24 * 30))
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        : year + "-03-" + "%02d".formatted(1 + random.nextInt(30)) + " "
                        + "%02d:%02d:00".formatted(8 + random.nextInt(12), random.nextInt(60));
                Thematic thematic = THEMATICS[random.nextInt(THEMATICS.length)];
                TargetPublic target = PUBLICS[random.nextInt(PUBLICS.length)];
                String user = "porteur-" + (structureId - firstStructureId);
                apps.add("(" + id + ",'AGIR-" + year + "-" + "%06d".formatted(firstNumber + i) + "'," + campaignId + ","
                        + structureId + ",'Projet " + id + "','Description du projet " + id + " : actions, publics, "
                        + "partenaires et calendrier.','" + thematic + "','"
                        + target + "','Seine-Saint-Denis'," + years + ",'" + status + "',"
                        + (status.equals("INADMISSIBLE") ? "'Pièces manquantes non fournies'" : "NULL") + ",'" + submitted
                        + "','" + user + "','" + user + "','" + year + "-02-15 10:00:00','" + year + "-12-15 10:00:00')");
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                List<BigDecimal> granted = new ArrayList<>();
                for (int y = 1; y <= years; y++) {
                    BigDecimal requested = BigDecimal.valueOf(5_000 + 500L * random.nextInt(71)).setScale(2);
                    budget(lines, id, y, requested);
                    amounts.add("(" + id + "," + y + ",'REQUESTED'," + requested + ")");
                    if (status.equals("CLOSED")) {
                        BigDecimal amount = requested.multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.DOWN);
                        amounts.add("(" + id + "," + y + ",'GRANTED'," + amount + ")");
                        granted.add(amount);
                        total = total.add(amount);
                    }
                }
                BigDecimal requestedTotal = BigDecimal.ZERO;
                for (String row : amounts.pending) {
                    if (row.startsWith("(" + id + ",") && row.contains("'REQUESTED'")) {
                        requestedTotal = requestedTotal.add(new BigDecimal(row.substring(row.lastIndexOf(',') + 1,
                                row.length() - 1)));
                    }
                }
                if (current != null) {
                    current.add(new Submitted(id, "AGIR-" + year + "-" + "%06d".formatted(firstNumber + i), thematic.name(),
                            target.name(), LEGAL_FORMS[(int) ((structureId - firstStructureId) % LEGAL_FORMS.length)].name(),
                            requestedTotal.longValue()));
                }
                if (current == null && !status.equals("INADMISSIBLE")) {
                    // instructed: two opinions, the jury's result and the vote
                    for (String directorate : new String[] {"DJVA", "DTER"}) {
                        opinions.add("(" + id + ",'" + directorate + "','GIVEN','FAVORABLE','Avis favorable',NULL,'" + year
                                + "-04-02 09:00:00','" + year + "-04-17','avis-" + directorate.toLowerCase() + "','" + year
                                + "-04-10 11:00:00')");
                    }
                    boolean adopted = status.equals("CLOSED");
                    juries.add("(" + id + ",'" + (adopted ? "FAVORABLE" : "UNFAVORABLE") + "'," + years + ",'Jury','instructeur','"
                            + year + "-06-12 17:00:00')");
                    decisions.add("(" + id + ",'" + (adopted ? "ADOPTED" : "REJECTED") + "','CP-" + year + "-" + (campaignId * 100
                            + i % 7) + "','" + year + "-07-04'," + years + ",'instructeur','" + year + "-07-04 18:00:00')");
                }
                if (status.equals("CLOSED")) {
                    long agreement = agreementId++;
                    agreements.add("(" + agreement + "," + id + ",'CPO-" + year + "-" + "%06d".formatted(firstNumber + i)
                            + "','CLOSED'," + years + "," + year + "," + total + ",'" + year + "-07-05 08:00:00','porteur-"
                            + (structureId - firstStructureId) + "','" + year + "-07-20 10:00:00','instructeur','" + year
                            + "-07-22 10:00:00')");
                    for (int y = 1; y <= years; y++) {
                        BigDecimal amount = granted.get(y - 1);
                        BigDecimal advance = amount.multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.DOWN);
                        int payYear = year + y - 1;
                        installments.add("(" + agreement + "," + id + "," + y + ",'ADVANCE'," + advance + ",'PAID','finances1','"
                                + payYear + "-08-01 10:00:00','finances2','" + payYear + "-08-02 10:00:00','MDT-" + payYear + "-"
                                + "%06d".formatted(2 * (firstNumber + i)) + "','" + payYear + "-08-02 10:00:00')");
                        installments.add("(" + agreement + "," + id + "," + y + ",'BALANCE'," + amount.subtract(advance)
                                + ",'PAID','finances1','" + (payYear + 1) + "-05-01 10:00:00','finances2','" + (payYear + 1)
                                + "-05-02 10:00:00','MDT-" + (payYear + 1) + "-" + "%06d".formatted(2 * (firstNumber + i) + 1)
                                + "','" + (payYear + 1) + "-05-02 10:00:00')");
                        reports.add("(" + agreement + "," + id + "," + y + ",'VALIDATED','" + (payYear + 1) + "-06-30',"
                                + amount.multiply(new BigDecimal("3")) + "," + amount.multiply(new BigDecimal("3")) + "," + amount
                                + ",'Actions réalisées','porteur-" + (structureId - firstStructureId) + "','" + (payYear + 1)
                                + "-03-15 10:00:00','instructeur','" + (payYear + 1) + "-04-15 10:00:00')");
                    }
                }
                audit.add("('" + year + "-02-15 10:00:00','" + user + "','APPLICATION'," + id + "," + id
                        + ",'DRAFT_CREATED',NULL,'DRAFT',NULL)");
                audit.add("('" + submitted + "','" + user + "','APPLICATION'," + id + "," + id
                        + ",'SUBMITTED','DRAFT','SUBMITTED','Dépôt par " + user + "')");
                audit.add("('" + year + "-11-20 15:00:00','instructeur','APPLICATION'," + id + "," + id
                        + ",'STAGE_CHANGED','SUBMITTED','" + status + "',NULL)");
                links.add("SELECT " + id + " a," + structureId + " s,'" + submitted + "' t");
                if ((i + 1) % 500 == 0 || i == count - 1) { // parents before children: the foreign keys are checked
                    for (Rows rows : List.of(apps, lines, amounts, audit, links, opinions, juries, decisions, agreements,
                            installments, reports)) {
                        rows.flush();
                    }
                }
            }
            c.commit();
        }
    }

    /** A balanced Cerfa 12156 budget: charges 60–64, produits 70, 74 per funder (Département = requested). */
    private void budget(Rows lines, long applicationId, int year, BigDecimal requested) throws SQLException {
        BigDecimal other = BigDecimal.valueOf(2_000 + 250L * random.nextInt(200)).setScale(2);
        BigDecimal sales = BigDecimal.valueOf(1_000 + 100L * random.nextInt(100)).setScale(2);
        BigDecimal produits = requested.add(other).add(sales);
        BigDecimal personnel = produits.multiply(new BigDecimal("0.60")).setScale(2, java.math.RoundingMode.DOWN);
        BigDecimal achats = produits.multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.DOWN);
        BigDecimal services = produits.subtract(personnel).subtract(achats);
        line(lines, applicationId, year, BudgetLineCode.C60, achats);
        line(lines, applicationId, year, BudgetLineCode.C61, services);
        line(lines, applicationId, year, BudgetLineCode.C64, personnel);
        line(lines, applicationId, year, BudgetLineCode.P70, sales);
        line(lines, applicationId, year, BudgetLineCode.P74_DEPARTEMENT, requested);
        line(lines, applicationId, year, random.nextBoolean() ? BudgetLineCode.P74_COMMUNE : BudgetLineCode.P74_ETAT, other);
        BigDecimal volunteers = BigDecimal.valueOf(500L * random.nextInt(10)).setScale(2);
        line(lines, applicationId, year, BudgetLineCode.C86, volunteers);
        line(lines, applicationId, year, BudgetLineCode.P87, volunteers);
    }

    private static void line(Rows lines, long applicationId, int year, BudgetLineCode code, BigDecimal amount)
            throws SQLException {
        lines.add("(" + applicationId + "," + year + ",'" + code.code() + "'," + amount + ")");
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rows of one INSERT, sent every {@value #ROWS_PER_STATEMENT} rows. */
    private final class Rows {
        private final Connection connection;
        private final String head;
        private final String separator;
        private final String tail;
        private final List<String> pending = new ArrayList<>(ROWS_PER_STATEMENT);
        private boolean autoFlush = true;

        Rows(Connection connection, String head) {
            this(connection, head, ",", "");
        }

        /** Sent only when the caller flushes (children after their parents). */
        Rows manual() {
            autoFlush = false;
            return this;
        }

        Rows(Connection connection, String head, String separator, String tail) {
            this.connection = connection;
            this.head = head;
            this.separator = separator;
            this.tail = tail;
        }

        /** Adds a row, sent with the next {@value #ROWS_PER_STATEMENT} unless the caller flushes in its own order. */
        void add(String row) throws SQLException {
            pending.add(row);
            if (pending.size() == ROWS_PER_STATEMENT && autoFlush) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                rowsWritten += s.executeUpdate(head + String.join(separator, pending) + tail);
            }
            pending.clear();
        }
    }
}
