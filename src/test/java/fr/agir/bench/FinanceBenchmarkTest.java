package fr.agir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.Actors;
import fr.agir.SecondLane;
import fr.agir.TestData;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.payment.desk.BulkPayments;
import fr.agir.payment.order.Bordereau;
import fr.agir.payment.order.PaymentOrderService;
import fr.agir.shared.TimeConfig;
import fr.agir.workflow.ProcessKeys;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign's year of payments (bench/README.md, "Paying a campaign's year"): {@code
 * agir.bench.installments} installments ready to liquidate (2,000 with bench/run finance, 20 in the normal
 * build as a smoke test), then, through the services the pages use: the bulk liquidation by one officer
 * (the « Liquider la sélection » of /finances, 200 rows a post), the bulk validation by another, one export
 * of the day's bordereaux, and the import of the finance software's return paying them all. Prints and
 * writes per phase the time, the ms per installment, the installments per second and the rows written; the
 * engine's asynchronous continuations between the phases (run by this thread: the test profile has no job
 * executor) are timed apart.
 *
 * <p>The data are written straight to the tables in batches (structures with an IBAN and a RIB piece,
 * applications, agreements in force, one single installment each, the campaign's CP opened), and for each
 * installment a real {@code installment-payment} process is started at « Liquider l'échéance », as the
 * grant year's call activity starts it. What is not real: the lifecycle before (no vote, no signature).
 */
@SecondLane
class FinanceBenchmarkTest {
    private static final LocalDate TODAY = LocalDate.now(TimeConfig.PARIS);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CampaignService campaigns;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    BulkPayments bulk;
    @Autowired
    PaymentOrderService orders;

    private final StringBuilder out = new StringBuilder();
    private final java.util.Set<String> processes = new java.util.HashSet<>();

    private record Phase(String name, double ms, int installments, Map<String, Long> rows) {
    }

    @Test
    void aCampaignsYearIsLiquidatedValidatedExportedAndPaid() throws Exception {
        int n = Integer.getInteger("agir.bench.installments", 20);
        Path reportPath = Path.of(System.getProperty("agir.bench.report", "target/bench/finance-smoke.md"));
        String code = "BENCHF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long campaignId = Actors.as("admin", () -> campaigns.create(new CampaignService.NewCampaign(code,
                "Appel à Agir " + code, TODAY.minusDays(200), TODAY.minusDays(170), new BigDecimal("90000000.00"),
                new BigDecimal("2000000.00"), 1, EnumSet.allOf(Thematic.class)))).getId();

        long t = System.nanoTime();
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
        List<Long> ids = ready(campaignId, tag, n);
        String keys = "AGIR-F-" + tag + "-%";
        awaitAt(keys, ProcessKeys.TASK_PREPARE_PAYMENT, n);
        double setupSeconds = (System.nanoTime() - t) / 1e9;

        List<Phase> phases = new ArrayList<>();
        phases.add(phase("Bulk liquidation (`BulkPayments`, finances1, 200 a post)", n, () -> {
            assertThat(inPosts("finances1", BulkPayments.Action.LIQUIDATE, ids)).isEqualTo(n);
            return n;
        }));
        phases.add(phase("engine: async continuations to « Valider le mandat »", n, () -> {
            awaitAt(keys, ProcessKeys.TASK_VALIDATE_PAYMENT, n);
            return n;
        }));
        phases.add(phase("Bulk validation (`BulkPayments`, finances2, 200 a post)", n, () -> {
            assertThat(inPosts("finances2", BulkPayments.Action.VALIDATE, ids)).isEqualTo(n);
            return n;
        }));
        phases.add(phase("engine: async continuations to « Paiement confirmé »", n, () -> {
            awaitAt(keys, "Event_PaymentConfirmed", n);
            return n;
        }));
        List<Bordereau> exported = new ArrayList<>();
        phases.add(phase("Export of the day's bordereaux (`exportToday`, CSV written)", n, () -> {
            exported.addAll(Actors.as("finances1", orders::exportToday));
            return n;
        }));
        byte[] returnFile = returnFile(ids);
        PaymentOrderService.ReturnReport[] report = new PaymentOrderService.ReturnReport[1];
        phases.add(phase("Import of the return file (`importReturn`, every line applied)", n, () -> {
            report[0] = Actors.as("finances1", () -> orders.importReturn("retour-" + tag + ".csv", returnFile,
                    PaymentOrderService.ReturnMode.ALL_OR_NOTHING));
            return n;
        }));
        phases.add(phase("engine: async continuations to the end", n, () -> {
            awaitEnded(keys);
            return n;
        }));

        assertThat(report[0].errors()).isEmpty();
        assertThat(report[0].applied()).isEqualTo(n);
        assertThat(exported.stream().mapToInt(Bordereau::getOrderCount).sum()).isGreaterThanOrEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from installment i join application a on a.id = i.application_id "
                + "where a.campaign_id = ? and i.status = 'PAID'", Integer.class, campaignId)).isEqualTo(n);

        say("# Finance: a campaign's year of %d installments liquidated, validated, exported and paid", n);
        say("");
        say("Run %s, database `%s`. Setup (rows in batches + %d `installment-payment` processes started at "
                        + "« Liquider l'échéance »): %.1f s. Bordereaux written: %d.",
                LocalDateTime.now(TimeConfig.PARIS).withNano(0), jdbc.queryForObject("select database()", String.class),
                n, setupSeconds, exported.size());
        say("");
        say("| phase | total s | ms per installment | installments/s | rows added or removed | per installment |");
        say("|---|---:|---:|---:|---:|---:|");
        for (Phase p : phases) {
            long written = p.rows().values().stream().mapToLong(Math::abs).sum();
            say("| %s | %.2f | %.2f | %.1f | %d | %.1f |", p.name(), p.ms() / 1000, p.ms() / p.installments(),
                    p.installments() / (p.ms() / 1000), written, (double) written / p.installments());
        }
        say("");
        say("Rows written per table and phase (count after − count before; negative: rows the engine deleted).");
        say("");
        TreeSet<String> tables = new TreeSet<>();
        phases.forEach(p -> tables.addAll(p.rows().keySet()));
        StringBuilder header = new StringBuilder("| table |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 1; i <= phases.size(); i++) {
            header.append(" ").append(i).append(" |");
            rule.append("---:|");
        }
        say("%s", header);
        say("%s", rule);
        for (String table : tables) {
            StringBuilder line = new StringBuilder("| " + table + " |");
            for (Phase p : phases) {
                line.append(" ").append(p.rows().getOrDefault(table, 0L)).append(" |");
            }
            say("%s", line);
        }
        say("");
        for (int i = 0; i < phases.size(); i++) {
            say("%d. %s", i + 1, phases.get(i).name());
        }
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, out);
        assertThat(reportPath).exists();
    }

    /** Runs one phase, timed, with the rows written per table. */
    private Phase phase(String name, int n, LongSupplier body) {
        Map<String, Long> before = rowCounts();
        long t = System.nanoTime();
        body.getAsLong();
        double ms = (System.nanoTime() - t) / 1e6;
        Map<String, Long> after = rowCounts();
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String table : new TreeSet<>(after.keySet())) {
            long d = after.get(table) - before.getOrDefault(table, 0L);
            if (d != 0) {
                delta.put(table, d);
            }
        }
        System.out.printf(Locale.ROOT, "[bench] %s: %.0f ms%n", name, ms);
        return new Phase(name, ms, n, delta);
    }

    /** The ticked rows posted 200 at a time, as the page does; how many were done. */
    private long inPosts(String officer, BulkPayments.Action action, List<Long> ids) {
        long done = 0;
        for (int from = 0; from < ids.size(); from += BulkPayments.MAX) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + BulkPayments.MAX));
            List<BulkPayments.Outcome> outcomes = Actors.as(officer, () -> bulk.run(action, slice, null));
            outcomes.stream().filter(o -> !o.done()).findFirst()
                    .ifPresent(o -> { throw new AssertionError(o.label() + " : " + o.error()); });
            done += outcomes.size();
        }
        return done;
    }

    /** Structures (IBAN, RIB piece), applications, agreements in force, single installments, CP, processes. */
    private List<Long> ready(long campaignId, String tag, int n) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp countersigned = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        List<Object[]> structures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String siret = TestData.randomSiret();
            structures.add(new Object[]{"Association " + tag + " " + i, siret, siret.substring(0, 9), now});
        }
        jdbc.batchUpdate("insert into structure (name, legal_form, siret, siren, address_line, postal_code, commune, "
                + "commune_insee, ept, legal_rep_name, legal_rep_email, iban, bic, created_by, created_at) values "
                + "(?, 'ASSOCIATION', ?, ?, '1 place de la Mairie', '93200', 'Saint-Denis', '93066', "
                + "'PLAINE_COMMUNE', 'Awa Diallo', 'awa@example.org', 'FR7630006000011234567890189', 'AGRIFRPP', "
                + "'porteur', ?)", structures);
        Map<Integer, Long> structureIds = new HashMap<>();
        jdbc.query("select id, name from structure where name like ?", rs -> {
            String name = rs.getString(2);
            structureIds.put(Integer.valueOf(name.substring(name.lastIndexOf(' ') + 1)), rs.getLong(1));
        }, "Association " + tag + " %");
        List<Object[]> ribs = new ArrayList<>();
        List<Object[]> applications = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long structureId = structureIds.get(i);
            ribs.add(new Object[]{structureId, "bench-rib-" + tag + "-" + i, now});
            applications.add(new Object[]{"AGIR-F-" + tag + "-" + i, campaignId, structureId, "Projet " + i, now, now,
                    now});
        }
        jdbc.batchUpdate("insert into structure_document (structure_id, type, version, original_name, content_type, "
                + "size_bytes, sha256, storage_key, uploaded_by, uploaded_at) values (?, 'RIB', 1, 'rib.pdf', "
                + "'application/pdf', 1024, '" + "0".repeat(64) + "', ?, 'porteur', ?)", ribs);
        jdbc.batchUpdate("insert into application (reference, campaign_id, structure_id, title, description, thematic, "
                + "target_public, territory, duration_years, status, submitted_at, submitted_by, created_by, "
                + "created_at, updated_at) values (?, ?, ?, ?, 'Projet de quartier', 'TRANSITION_ECOLOGIQUE', "
                + "'JEUNES', 'Saint-Denis', 1, 'GRANTED', ?, 'porteur', 'porteur', ?, ?)", applications);
        Map<Integer, Long> applicationIds = new HashMap<>();
        jdbc.query("select id, reference from application where reference like ?", rs -> {
            String reference = rs.getString(2);
            applicationIds.put(Integer.valueOf(reference.substring(reference.lastIndexOf('-') + 1)), rs.getLong(1));
        }, "AGIR-F-" + tag + "-%");
        List<Object[]> agreements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agreements.add(new Object[]{applicationIds.get(i), "CPO-" + tag + "-" + i, TODAY.getYear(),
                    amount(i), now, now, countersigned});
        }
        jdbc.batchUpdate("insert into agreement (application_id, agreement_number, status, duration_years, first_year, "
                + "total_amount, generated_at, signed_by, signed_at, countersigned_by, countersigned_at) values "
                + "(?, ?, 'IN_FORCE', 1, ?, ?, ?, 'porteur', ?, 'signataire', ?)", agreements);
        List<Object[]> installments = new ArrayList<>();
        jdbc.query("select id, application_id, total_amount from agreement where agreement_number like ?", rs -> {
            installments.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)});
        }, "CPO-" + tag + "-%");
        jdbc.batchUpdate("insert into installment (agreement_id, application_id, grant_year, kind, amount, status) "
                + "values (?, ?, 1, 'SINGLE', ?, 'SCHEDULED')", installments);
        BigDecimal total = jdbc.queryForObject("select sum(total_amount) from agreement where agreement_number like ?",
                BigDecimal.class, "CPO-" + tag + "-%");
        jdbc.update("insert into credit_cp (campaign_id, part, budget_year, amount, updated_at, updated_by) "
                + "values (?, 'OPERATING', ?, ?, ?, 'admin')", campaignId, TODAY.getYear(), total, now);
        Map<Long, String> references = new HashMap<>();
        applicationIds.forEach((i, id) -> references.put(id, "AGIR-F-" + tag + "-" + i));
        List<Long> ids = new ArrayList<>();
        jdbc.query("select i.id, i.application_id from installment i join application a on a.id = i.application_id "
                + "where a.reference like ? order by i.id", rs -> {
            long id = rs.getLong(1);
            ids.add(id);
            processes.add(runtime.createProcessInstanceByKey(ProcessKeys.INSTALLMENT_PAYMENT)
                    .businessKey(references.get(rs.getLong(2)))
                    .startBeforeActivity(ProcessKeys.TASK_PREPARE_PAYMENT)
                    .setVariables(Map.of("installmentId", id))
                    .execute().getId());
        }, "AGIR-F-" + tag + "-%");
        return ids;
    }

    /** 8,000 to 31,000 €, with cents, so that the sums are exact only if every amount is. */
    private static BigDecimal amount(int i) {
        return new BigDecimal(8000 + (i * 37 % 23) * 1000).add(new BigDecimal(i % 100).movePointLeft(2));
    }

    /** The finance software's return: one line per payment order, paid today with its amount. */
    private byte[] returnFile(List<Long> ids) {
        StringBuilder csv = new StringBuilder("piece;mandat;date;montant\r\n");
        jdbc.query("select piece_number, amount from payment_order where installment_id in (select id from installment "
                + "where id between ? and ?) order by piece_number", rs -> {
            csv.append(rs.getInt(1)).append(";MDT-").append(rs.getInt(1)).append(';').append(TODAY).append(';')
                    .append(rs.getBigDecimal(2).setScale(2).toPlainString().replace('.', ',')).append("\r\n");
        }, ids.get(0), ids.get(ids.size() - 1));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The engine's asynchronous continuations of these processes, run by this thread (the test profile turns
     * the job executor off, as the other benchmarks do), then the count of processes at {@code activity}.
     */
    private void awaitAt(String keys, String activity, int n) {
        runJobs();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.INSTALLMENT_PAYMENT)
                .processInstanceBusinessKeyLike(keys).activityIdIn(activity).count()).as(activity).isEqualTo(n);
    }

    private void awaitEnded(String keys) {
        runJobs();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.INSTALLMENT_PAYMENT)
                .processInstanceBusinessKeyLike(keys).count()).as("processes still running").isZero();
    }

    private void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey(ProcessKeys.INSTALLMENT_PAYMENT)
                    .messages().list().stream().filter(j -> processes.contains(j.getProcessInstanceId())).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Async jobs keep coming");
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + line);
        out.append(line).append('\n');
    }

    /** The exact row count of every table of the schema. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "database() and table_type = 'BASE TABLE'", String.class)) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from `" + table + "`", Long.class));
        }
        return counts;
    }
}
