package fr.agir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.Actors;
import fr.agir.SecondLane;
import fr.agir.steering.ProcessMap;
import fr.agir.steering.SteeringFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The steering dashboard's figures and the process map's counts under volume (bench/README.md, "Steering"):
 * {@code agir.bench.steering-scale} × (1,000 past applications over five editions, with their amounts,
 * agreements, installments; and 100 running lifecycles of the open campaign's applications), with
 * the engine's history of the past applications (three finished steps each, for the processing times), then each of
 * {@link SteeringFigures#of} and {@link ProcessMap#of} called {@code agir.bench.steering-calls} times as an
 * instructor (service level: what the page and its JSON route wait for), p50 / p95 / max printed. The
 * normal build runs it at a tiny size as a smoke test; {@code bench/run steering} runs it at 16×.
 */
@SecondLane
class SteeringBenchmarkTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SteeringFigures figures;
    @Autowired
    ProcessMap processMap;

    @Test
    void theDashboardAndTheProcessMapAnswerQuicklyAtVolume() throws Exception {
        double scale = Double.parseDouble(System.getProperty("agir.bench.steering-scale", "0.05"));
        int calls = Integer.getInteger("agir.bench.steering-calls", 5);
        Path reportPath = Path.of(System.getProperty("agir.bench.report", "target/bench/steering-smoke.md"));
        int perEdition = (int) Math.max(10, scale * 200);
        int running = (int) Math.max(2, scale * 100);
        DataGenerator generator = new DataGenerator(dataSource);
        long t = System.nanoTime();
        int firstYear = 2300 + (int) Math.floorMod(System.nanoTime(), 500L) * 6;
        List<Long> structures = generator.structures(firstYear * 1000L, Math.max(20, perEdition / 4), null);
        long lastCampaign = 0;
        List<Long> editions = new ArrayList<>();
        for (int y = 0; y < 5; y++) {
            lastCampaign = generator.pastCampaign(firstYear + y);
            editions.add(lastCampaign);
            generator.pastApplications(lastCampaign, firstYear + y, 1, perEdition, structures.get(0), structures.size());
        }
        engineHistory(editions);
        List<DataGenerator.Submitted> submitted = generator.submittedApplications(lastCampaign, firstYear + 4,
                500_001, running, structures.get(0), structures.size());
        for (DataGenerator.Submitted a : submitted) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("applicationId", a.id());
            variables.put("thematic", a.thematic());
            variables.put("targetPublic", a.targetPublic());
            variables.put("legalForm", a.legalForm());
            variables.put("totalRequested", a.totalRequested());
            runtime.startProcessInstanceByKey("application-lifecycle", a.reference(), variables);
        }
        double setup = (System.nanoTime() - t) / 1e9;
        long campaign = lastCampaign;

        double[] dashboard = time(calls, () -> Actors.as("instructeur", () -> figures.of(campaign)).orElseThrow());
        double[] map = time(calls, () -> Actors.as("instructeur", () -> processMap.of("application-lifecycle")));
        assertThat(Actors.as("instructeur", () -> processMap.of("application-lifecycle")).waiting())
                .isGreaterThanOrEqualTo(running);

        String report = String.format(java.util.Locale.ROOT, """
                # Steering benchmark

                scale %.2f× (%d past applications over 5 editions, %d running lifecycles; generated in %.1f s), \
                %d calls each, service level, as an instructor, on this machine as it was loaded.

                | call | p50 ms | p95 ms | max ms |
                |---|---|---|---|
                | dashboard `SteeringFigures.of` | %.1f | %.1f | %.1f |
                | process map `ProcessMap.of` | %.1f | %.1f | %.1f |
                """, scale, 5 * perEdition, running, setup, calls, dashboard[0], dashboard[1], dashboard[2],
                map[0], map[1], map[2]);
        System.out.println("[bench] " + report.replace("\n", "\n[bench] "));
        Files.createDirectories(reportPath.toAbsolutePath().getParent());
        Files.writeString(reportPath, report);
    }

    /**
     * The engine's history of the past applications, which the generator does not write: one finished process
     * instance each (business key = reference) and three finished steps of 1 to 20 days, so that the processing
     * times read as many history rows as real editions would give them.
     */
    private void engineHistory(List<Long> campaigns) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String in = String.join(",", campaigns.stream().map(String::valueOf).toList());
        jdbc.update("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
                + " START_TIME_, END_TIME_, DURATION_, STATE_) SELECT CONCAT('bench-', a.id), CONCAT('bench-', a.id),"
                + " a.reference, 'application-lifecycle', 'bench-lifecycle', TIMESTAMP('2020-01-01'),"
                + " TIMESTAMP('2020-03-01'), 0, 'COMPLETED' FROM application a WHERE a.status <> 'DRAFT'"
                + " AND a.campaign_id IN (" + in + ")");
        jdbc.update("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, NAME_, START_TIME_,"
                + " END_TIME_, DURATION_) SELECT CONCAT('bench-', a.id, '-', s.k), s.k, 'application-lifecycle',"
                + " CONCAT('bench-', a.id), s.n, TIMESTAMP('2020-01-01') + INTERVAL s.o DAY,"
                + " TIMESTAMP('2020-01-01') + INTERVAL (s.o + a.id % 20 + 1) DAY, (a.id % 20 + 1) * 86400000"
                + " FROM application a CROSS JOIN (SELECT 'Task_CheckCompleteness' AS k, 'Vérifier la recevabilité' AS n,"
                + " 0 AS o UNION ALL SELECT 'Task_GiveOpinion', 'Donner l''avis de la direction', 21"
                + " UNION ALL SELECT 'Task_WriteSynthesis', 'Rédiger la synthèse', 42) s"
                + " WHERE a.status <> 'DRAFT' AND a.campaign_id IN (" + in + ")");
    }

    /** p50, p95 and max in ms of {@code calls} calls (after one warm-up call). */
    private static double[] time(int calls, Supplier<Object> call) {
        call.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        return new double[] {ms.get((int) Math.ceil(0.5 * ms.size()) - 1), ms.get((int) Math.ceil(0.95 * ms.size()) - 1),
                ms.get(ms.size() - 1)};
    }
}
