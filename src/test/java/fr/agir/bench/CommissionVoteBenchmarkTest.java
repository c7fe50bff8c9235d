package fr.agir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.Actors;
import fr.agir.SecondLane;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.shared.TimeConfig;
import fr.agir.vote.CommissionService;
import fr.agir.vote.CommissionSitting;
import fr.agir.vote.ElectedMemberLink;
import fr.agir.vote.ElectedMemberService;
import fr.agir.vote.ReportLine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Commission permanente's largest sitting (bench/README.md, "Recording a sitting"): {@code
 * agir.bench.commission-lines} applications awaiting the vote (900 with bench/run commission, 20 in the
 * normal build as a smoke test) with real lifecycles waiting at the vote's catch event, the report built
 * and read, then the vote recorded in one call with exceptions (3% amended, 2% rejected, 1% adjourned)
 * and déports (1%). Prints and writes the times and the rows written per table; asserts nothing on them,
 * only that the vote went through.
 */
@SecondLane
class CommissionVoteBenchmarkTest {
    private static final LocalDate TODAY = LocalDate.now(TimeConfig.PARIS);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CommissionService commission;
    @Autowired
    ElectedMemberService electedMembers;

    private final StringBuilder out = new StringBuilder();

    @Test
    void aSittingIsRecordedInOneCallAndItsFiguresAreWritten() throws Exception {
        int n = Integer.getInteger("agir.bench.commission-lines", 20);
        Path reportPath = Path.of(System.getProperty("agir.bench.report", "target/bench/commission-smoke.md"));

        String code = "BENCH-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long campaignId = Actors.as("admin", () -> campaigns.create(new CampaignService.NewCampaign(code,
                "Appel à Agir " + code, TODAY.minusDays(90), TODAY.minusDays(60), new BigDecimal("20000000.00"),
                new BigDecimal("2000000.00"), 2, EnumSet.allOf(Thematic.class)))).getId();
        List<AwaitingVote.Amounts> amounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            amounts.add(i % 10 == 0 ? new AwaitingVote.Amounts(2, 12000, 9000)
                    : i % 25 == 1 ? new AwaitingVote.Amounts(1, 30000, 25000) : new AwaitingVote.Amounts(1, 10000, 8000));
        }
        long t = System.nanoTime();
        List<AwaitingVote.Line> lines = AwaitingVote.create(jdbc, runtime, campaignId, amounts);
        double setupSeconds = (System.nanoTime() - t) / 1e9;

        // Déports: three elected members, linked to 1% of the structures.
        int deports = Math.max(1, n / 100);
        List<Long> members = new ArrayList<>();
        for (String name : List.of("Mme Bench Une", "M. Bench Deux", "Mme Bench Trois")) {
            members.add(Actors.as("instructeur", () -> electedMembers.add(name + " " + code)).getId());
        }
        List<CommissionService.RecusalInput> recusals = new ArrayList<>();
        for (int d = 0; d < deports; d++) {
            AwaitingVote.Line linked = lines.get(3 + d * 97 % (n - 3));
            long member = members.get(d % members.size());
            Actors.as("instructeur", () -> electedMembers.declareLink(member, linked.structureId(), null,
                    ElectedMemberLink.Kind.MANDATE, "Membre du bureau"));
            recusals.add(new CommissionService.RecusalInput(linked.applicationId(), member));
        }

        CommissionSitting sitting = Actors.as("instructeur", () -> commission.create(campaignId,
                "CP-BENCH-" + Long.toString(System.nanoTime(), 36), TODAY.minusDays(1)));
        Map<String, Long> before = rowCounts();
        t = System.nanoTime();
        int added = Actors.as("instructeur", () -> commission.buildReport(sitting.getId()));
        double buildMs = (System.nanoTime() - t) / 1e6;
        Map<String, Long> afterBuild = rowCounts();
        t = System.nanoTime();
        CommissionService.Report report = Actors.as("instructeur", () -> commission.report(sitting.getId()));
        double readMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        Actors.as("instructeur", () -> commission.report(sitting.getId()));
        double readAgainMs = (System.nanoTime() - t) / 1e6;
        Actors.as("instructeur", () -> commission.sendReport(sitting.getId()));

        // Exceptions: 3% amended (a tenth less), 2% rejected (motivated), 1% adjourned; the rest adopted.
        List<CommissionService.LineException> exceptions = new ArrayList<>();
        Set<Long> excepted = new HashSet<>();
        int amended = Math.max(1, n * 3 / 100);
        int rejected = Math.max(1, n * 2 / 100);
        int adjourned = Math.max(1, n / 100);
        for (int i = 0; i < amended + rejected + adjourned; i++) {
            AwaitingVote.Line line = lines.get(n - 1 - i * 7 % (n - 1));
            if (!excepted.add(line.applicationId())) {
                continue;
            }
            exceptions.add(i < amended
                    ? new CommissionService.LineException(line.applicationId(), ReportLine.Outcome.AMENDED, line.years(),
                            line.years() == 2 ? Map.of(1, new BigDecimal("8000"), 2, new BigDecimal("8000"))
                                    : Map.of(1, new BigDecimal("7000")), null)
                    : i < amended + rejected
                    ? new CommissionService.LineException(line.applicationId(), ReportLine.Outcome.REJECTED, null, null,
                            "Le projet ne répond pas aux priorités de l'appel à projets.")
                    : new CommissionService.LineException(line.applicationId(), ReportLine.Outcome.ADJOURNED, null, null,
                            null));
        }
        Map<String, Long> beforeVote = rowCounts();
        t = System.nanoTime();
        CommissionService.VoteSummary summary = Actors.as("instructeur", () -> commission.recordVote(sitting.getId(),
                new CommissionService.VoteInput(deliberationNumber(), TODAY, exceptions, recusals)));
        double recordMs = (System.nanoTime() - t) / 1e6;
        Map<String, Long> afterVote = rowCounts();

        assertThat(added).isEqualTo(n);
        assertThat(summary.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);

        say("# Commission permanente: recording a sitting of %d lines", n);
        say("");
        say("Run %s, database `%s`. Setup (rows in batches + %d lifecycles started at `Event_VoteReceived`): %.1f s.",
                LocalDateTime.now(TimeConfig.PARIS).withNano(0), jdbc.queryForObject("select database()", String.class), n,
                setupSeconds);
        say("Exceptions: %s; déports: %d.", summary.outcomes(), summary.recusals());
        say("");
        say("| measure | ms | ms per line |");
        say("|---|---:|---:|");
        say("| build the report (`buildReport`: %d lines added) | %.0f | %.2f |", added, buildMs, buildMs / n);
        say("| read the report (`report`: lines, déports, totals, legal act by the DMN), first | %.0f | %.2f |", readMs, readMs / n);
        say("| read the report again | %.0f | %.2f |", readAgainMs, readAgainMs / n);
        say("| record the vote (`recordVote`, one transaction) | %.0f | %.2f |", recordMs, recordMs / n);
        say("");
        say("Rows written per table (count after − count before; a negative figure: rows the engine deleted).");
        say("");
        say("| table | building the report | recording the vote | per line (vote) |");
        say("|---|---:|---:|---:|");
        long buildTotal = 0;
        long voteTotal = 0;
        Set<String> tables = new java.util.TreeSet<>(before.keySet());
        for (String table : tables) {
            long built = afterBuild.getOrDefault(table, 0L) - before.getOrDefault(table, 0L);
            long voted = afterVote.getOrDefault(table, 0L) - beforeVote.getOrDefault(table, 0L);
            if (built != 0 || voted != 0) {
                say("| %s | %d | %d | %.2f |", table, built, voted, (double) voted / n);
                buildTotal += built;
                voteTotal += voted;
            }
        }
        say("| **total** | %d | %d | %.2f |", buildTotal, voteTotal, (double) voteTotal / n);
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, out);
        assertThat(reportPath).exists();
    }

    private void say(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
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

    private String deliberationNumber() {
        Set<String> used = new HashSet<>(jdbc.queryForList(
                "select deliberation_number from cp_sitting where deliberation_number is not null", String.class));
        for (int k = 1; k < 1000; k++) {
            String number = String.format("CP-%d-%02d-%03d", TODAY.getYear(), TODAY.getMonthValue(), k);
            if (!used.contains(number)) {
                return number;
            }
        }
        throw new IllegalStateException("no délibération number left");
    }
}
