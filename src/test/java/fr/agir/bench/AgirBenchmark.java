package fr.agir.bench;

import static fr.agir.Actors.as;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import fr.agir.AgirApplication;
import fr.agir.agreement.AgreementDocument;
import fr.agir.agreement.AgreementRepository;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.SubmissionReceipt;
import fr.agir.application.TargetPublic;
import fr.agir.application.YearBudget;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.shared.TimeConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Agir's benchmark (issue 7): generates data at 1×, 4×, 16×… and measures, in one run on one
 * MariaDB, the full lifecycle against the bare engine and the database's own insert+commit rate,
 * HTTP submissions and list queries under concurrent users, PDF rendering, heap and start-up.
 * Figures are printed and written to a Markdown report; nothing is asserted on them.
 * Settings: system properties {@code agir.bench.*} (see {@link Settings}; bench/README.md).
 */
public final class AgirBenchmark {
    private final Settings settings;
    private final StringBuilder log = new StringBuilder();
    private final List<ScaleResult> results = new ArrayList<>();
    private List<JuryAssignmentBench.Row> jury = List.of();
    private final HeapSampler heap = new HeapSampler();
    private ConfigurableApplicationContext context;
    private double startupEmpty;
    private double startupLoaded = Double.NaN;
    private String engineSettings = "";

    public AgirBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Everything the run is told, from system properties; {@code smoke} gives the tiny CI defaults. */
    public record Settings(List<Integer> scales, int structures, int applicationsPerYear, int years, int lifecycle,
                           int submissions, int concurrency, double submissionRate, List<Integer> queueUsers,
                           int queueRequests, int pdfRenders,
                           int threads, int rounds, int warmup, int backlog, List<String> queueEndpoints, String dbHost, String database, boolean keepDatabase,
                           boolean restart, Path report, List<String> pages, int pageUsers, int pageRequests,
                           int autosaveUsers, double autosaveEverySeconds, int autosaveRequests,
                           int juryApplications) {
        /**
         * The main pages measured (issue 21), {@code label|user|path}, separated by commas; in the path,
         * {application} is an application of porteur that went through the whole lifecycle, {campaign} the
         * open campaign, {session} a jury session of that campaign at its deliberation, with "jury" as member
         * ({@code jury-applications} applications scored by its members). A page that does
         * not answer 200 to its first request (e.g. not built yet) is reported as skipped. Add a page here.
         */
        static final String PAGES = "portail|porteur|/portail,"
                + "mes candidatures|porteur|/portail/candidatures,"
                + "suivi de candidature|porteur|/portail/candidatures/{application},"
                + "dossier d'instruction|instructeur|/instruction/candidatures/{application},"
                + "file des instructeurs|instructeur|/instruction,"
                + "classement du jury|jury|/jury/seances/{session}/classement,"
                + "finances|finances1|/finances,"
                + "pilotage|instructeur|/pilotage";

        public static Settings fromSystemProperties(boolean smoke) {
            String db = System.getProperty("agir.bench.db");
            if (db == null || db.isBlank()) {
                String testUrl = System.getProperty("agir.test.jdbc-url", "");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("/([A-Za-z0-9_]+)_unit\\?").matcher(testUrl);
                db = m.find() ? m.group(1) + "_bench" : "agir_bench_" + System.currentTimeMillis();
            }
            return new Settings(
                    Arrays.stream(prop("scales", smoke ? "1" : "1,4,16").split(",")).map(String::trim)
                            .map(Integer::valueOf).toList(),
                    intProp("structures", smoke ? 200 : 27_000),
                    intProp("applications-per-year", smoke ? 20 : 1_000),
                    intProp("years", smoke ? 2 : 5),
                    intProp("lifecycle", smoke ? 2 : 100),
                    intProp("submissions", smoke ? 5 : 500),
                    intProp("concurrency", smoke ? 5 : 50),
                    Double.parseDouble(prop("submission-rate", smoke ? "10" : "20")),
                    Arrays.stream(prop("queue-users", smoke ? "1,2" : "1,5").split(",")).map(String::trim)
                            .map(Integer::valueOf).toList(),
                    intProp("queue-requests", smoke ? 4 : 250),
                    intProp("pdf", smoke ? 4 : 300),
                    intProp("threads", 2),
                    intProp("rounds", smoke ? 1 : 4),
                    intProp("warmup", smoke ? 0 : 30),
                    intProp("backlog", smoke ? 10 : 1_000),
                    Arrays.stream(prop("queue-endpoints",
                                    "/api/instruction/queue?page=0&size=50,/api/applications?page=0&size=50,/api/tasks?page=0&size=50")
                            .split(",(?=/)")).map(String::trim).toList(),
                    prop("db-host", "127.0.0.1:3306"),
                    db,
                    Boolean.parseBoolean(prop("keep-db", "false")),
                    Boolean.parseBoolean(prop("restart", smoke ? "false" : "true")),
                    Path.of(prop("report", "target/bench/report-" + (smoke ? "smoke" : "run") + ".md")),
                    Arrays.stream(prop("pages", PAGES).split(",(?=[^,|]+\\|[^,|]+\\|/)")).map(String::trim).toList(),
                    intProp("page-users", 5),
                    intProp("page-requests", smoke ? 4 : 250),
                    intProp("autosave-users", smoke ? 5 : 300),
                    Double.parseDouble(prop("autosave-every", "2")),
                    intProp("autosave-requests", smoke ? 5 : 3_000),
                    intProp("jury-applications", smoke ? 4 : 80));
        }

        private static String prop(String name, String fallback) {
            String value = System.getProperty("agir.bench." + name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static int intProp(String name, int fallback) {
            return Integer.parseInt(prop(name, Integer.toString(fallback)));
        }

        String jdbcUrl() {
            return "jdbc:mariadb://" + dbHost + "/" + database + "?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true";
        }
    }

    record HttpFigures(double perSecond, double p50, double p95, double p99, int errors, int requests) {
        static HttpFigures of(HttpLoad.Result r) {
            return new HttpFigures(r.perSecond(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99),
                    r.errors(), r.requests());
        }
    }

    record ScaleResult(int scale, long applications, long structures, double generationSeconds, long generatedRows,
                       int lifecycleApps, double lifecycleSeconds, double waitStatesPerApp, double jobsPerApp,
                       double commitsPerApp, long netRows, long bareNetRows, double bareAsyncSeconds, double bareSeconds, int waitStates,
                       double dbSeconds, HttpFigures submissions, HttpFigures saturation, Map<String, HttpFigures> queue, double receiptsPerSecond,
                       double agreementsPerSecond, Map<String, Long> heapPeakMb, Map<String, HttpFigures> pages,
                       HttpFigures autosave) {
    }

    /** Runs everything and writes the report; returns its path. */
    public Path run() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        heap.start();
        dropDatabase();
        try {
            long t0 = System.nanoTime();
            context = start(smtp);
            startupEmpty = (System.nanoTime() - t0) / 1e9;
            say("context started on an empty database in %.1f s", startupEmpty);
            engineSettings = engineSettings();
            measureAllScales();
            jury = JuryAssignmentBench.run(settings.applicationsPerYear() >= 1_000 ? JuryAssignmentBench.SIZES
                    : List.of(new JuryAssignmentBench.Size(30, 5, 3)), 0.05, settings.applicationsPerYear() >= 1_000 ? 5 : 1);
            jury.forEach(r -> say("jury assignment %d applications × %d members, %s conflicts: planner %.0f ms, greedy %.1f ms",
                    r.size().applications(), r.size().members(), r.conflicts(), r.plannerMs(), r.greedyMs()));
            if (settings.restart()) {
                context.close();
                System.gc();
                long t1 = System.nanoTime();
                context = start(smtp);
                startupLoaded = (System.nanoTime() - t1) / 1e9;
                say("context restarted on the loaded database in %.1f s", startupLoaded);
            }
        } finally {
            if (context != null) {
                context.close();
            }
            heap.stop();
            smtp.stop();
            if (!settings.keepDatabase()) {
                dropDatabase();
            }
        }
        return writeReport();
    }

    private ConfigurableApplicationContext start(GreenMail smtp) {
        return new SpringApplicationBuilder(AgirApplication.class).profiles("mariadb", "test").run(
                "--spring.datasource.url=" + settings.jdbcUrl(),
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                // Its own name in the engines' static registry: in the normal build the test contexts'
                // engine ("default") lives in the same JVM, and closing this one must not unregister it.
                "--camunda.bpm.process-engine-name=bench",
                "--agir.demo.seed=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--logging.level.org.camunda=WARN",
                "--logging.level.fr.agir.mail=WARN");
    }

    private void measureAllScales() throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        DataGenerator generator = new DataGenerator(dataSource);
        long tg = System.nanoTime();
        List<Long> structureIds = generator.structures(0, settings.structures(), null);
        List<Long> ownIds = generator.structures(settings.structures(), 50, "porteur");
        say("%d structures (+50 of porteur) with their case files in %.1f s", settings.structures(),
                (System.nanoTime() - tg) / 1e9);
        double structureSeconds = (System.nanoTime() - tg) / 1e9;
        long structureRows = generator.rowsWritten();
        Campaign campaign = currentCampaign();
        int firstYear = LocalDate.now(TimeConfig.PARIS).getYear() - settings.years();
        Map<Integer, Long> pastCampaigns = new LinkedHashMap<>();
        for (int y = 0; y < settings.years(); y++) {
            pastCampaigns.put(firstYear + y, generator.pastCampaign(firstYear + y));
        }
        int generatedPerYear = 0;
        int backlog = 0;
        AtomicInteger ownStructure = new AtomicInteger();
        for (int scale : settings.scales()) {
            say("---- scale %d×", scale);
            long rowsBefore = generator.rowsWritten();
            long t = System.nanoTime();
            int target = scale * settings.applicationsPerYear();
            for (var past : pastCampaigns.entrySet()) {
                for (int from = generatedPerYear; from < target; from += 5_000) {
                    int count = Math.min(5_000, target - from);
                    generator.pastApplications(past.getValue(), past.getKey(), from + 1, count, structureIds.get(0),
                            structureIds.size());
                }
            }
            generatedPerYear = target;
            double generation = (System.nanoTime() - t) / 1e9 + (results.isEmpty() ? structureSeconds : 0);
            long generatedRows = generator.rowsWritten() - rowsBefore + (results.isEmpty() ? structureRows : 0);
            say("generated up to %d applications a year over %d years in %.1f s (%d rows)", target, settings.years(),
                    generation, generatedRows);
            backlog = topUpBacklog(generator, campaign, scale * settings.backlog(), backlog, structureIds);
            analyze(dataSource);

            // 1. lifecycle through the services, against the bare engine
            List<Long> lifecycleDrafts = drafts(campaign, ownIds, ownStructure, settings.lifecycle(), 2,
                    Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES);
            if (results.isEmpty() && settings.warmup() > 0) {
                warmUp(campaign, ownIds, ownStructure, dataSource);
            }
            LifecycleDriver driver = new LifecycleDriver(context);
            int n = lifecycleDrafts.size();
            // Agir and the bare engine in alternate rounds, so that a burst of noise from other work on
            // the machine falls on both rather than on one of them.
            int rounds = Math.max(1, Math.min(settings.rounds(), n));
            Map<String, Long> lifecycleRows = new LinkedHashMap<>();
            Map<String, Long> bareRows = new LinkedHashMap<>();
            double lifecycleSeconds = 0;
            double bareAsyncSeconds = 0;
            double bareSeconds = 0;
            long heapLifecycle = 0;
            long heapBare = 0;
            long messageCatches = 0;
            for (int round = 0; round < rounds; round++) {
                List<Long> chunk = lifecycleDrafts.subList(n * round / rounds, n * (round + 1) / rounds);
                Map<String, Long> before = rowCounts(dataSource);
                long messageCatchesBefore = countMessageCatches(dataSource);
                heap.reset();
                lifecycleSeconds += parallel(settings.threads(), chunk.size(), i -> driver.drive(chunk.get(i)));
                heapLifecycle = Math.max(heapLifecycle, heap.reset());
                messageCatches += countMessageCatches(dataSource) - messageCatchesBefore;
                Map<String, Long> after = rowCounts(dataSource);
                addDeltas(lifecycleRows, before, after);
                if (bare == null) {
                    deployBare(lifecycleRows.get("act_hi_taskinst") + messageCatches, chunk.size());
                }
                BareEngine withSavePoints = bareAsync;
                BareEngine without = bare;
                int offset = scale * 1_000_000 + round * 10_000;
                Map<String, Long> bareBefore = rowCounts(dataSource);
                heap.reset();
                bareAsyncSeconds += parallel(settings.threads(), chunk.size(), i -> withSavePoints.drive(offset + i));
                heapBare = Math.max(heapBare, heap.reset());
                addDeltas(bareRows, bareBefore, rowCounts(dataSource));
                bareSeconds += parallel(settings.threads(), chunk.size(), i -> without.drive(offset + i));
                heapBare = Math.max(heapBare, heap.reset());
            }
            long netRows = lifecycleRows.values().stream().mapToLong(Long::longValue).sum();
            long bareNetRows = bareRows.values().stream().mapToLong(Long::longValue).sum();
            say("rows per application by table:%s", perTable(lifecycleRows, n));
            say("rows per bare instance (with save points) by table:%s", perTable(bareRows, n));
            double waitStatesPerApp = (double) (lifecycleRows.get("act_hi_taskinst") + messageCatches) / n;
            int waitStates = bare.waitStates();
            say("lifecycle: %d applications in %.2f s = %.2f/s; %.1f wait states, %.1f jobs, %.1f commits, %.0f rows per application",
                    n, lifecycleSeconds, n / lifecycleSeconds, waitStatesPerApp, (double) driver.jobs.get() / n,
                    (double) driver.transactions.get() / n, (double) netRows / n);
            say("bare engine, %d user tasks with asyncAfter: %.2f instances/s (%.0f rows each); without: %.2f/s", waitStates,
                    n / bareAsyncSeconds, (double) bareNetRows / n, n / bareSeconds);

            // 2. the database's own insert+commit rate for the same rows and commits
            DatabaseBaseline db = new DatabaseBaseline(dataSource);
            long commits = driver.transactions.get();
            long rows = netRows;
            double dbSeconds = parallel(settings.threads(), settings.threads(),
                    part -> db.write(part, settings.threads(), rows, commits));
            say("database: %d rows in %d commits in %.2f s = %.0f rows/s", rows, commits, dbSeconds, rows / dbSeconds);

            // 3. HTTP: submissions in the last hour of the campaign, then the instructors' lists
            List<Long> warm = drafts(campaign, ownIds, ownStructure, Math.max(settings.concurrency(), 10), 1,
                    Thematic.NOUVELLES_SOLIDARITES, TargetPublic.TOUS_PUBLICS);
            List<Long> submissionDrafts = drafts(campaign, ownIds, ownStructure, settings.submissions(), 1,
                    Thematic.ENGAGEMENT_CITOYEN, TargetPublic.PERSONNES_PRECAIRES);
            List<Long> saturationDrafts = drafts(campaign, ownIds, ownStructure, settings.submissions(), 1,
                    Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.PERSONNES_AGEES);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpLoad http = new HttpLoad(port);
            http.run("porteur", settings.concurrency(), warm.size(), 0,
                    (s, i) -> http.post(s, "/api/applications/" + warm.get(i) + "/submit"));
            heap.reset();
            HttpFigures submissions = HttpFigures.of(http.run("porteur", settings.concurrency(), submissionDrafts.size(), 0,
                    settings.submissionRate(),
                    (s, i) -> http.post(s, "/api/applications/" + submissionDrafts.get(i) + "/submit")));
            say("submissions at %.0f/s by %d applicants: %.1f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors",
                    settings.submissionRate(), settings.concurrency(), submissions.perSecond(), submissions.p50(),
                    submissions.p95(), submissions.p99(), submissions.errors());
            HttpFigures saturation = HttpFigures.of(http.run("porteur", settings.concurrency(), saturationDrafts.size(), 0,
                    (s, i) -> http.post(s, "/api/applications/" + saturationDrafts.get(i) + "/submit")));
            long heapSubmissions = heap.reset();
            say("submissions back to back by %d applicants: %.1f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors",
                    settings.concurrency(), saturation.perSecond(), saturation.p50(), saturation.p95(), saturation.p99(),
                    saturation.errors());
            Map<String, HttpFigures> queue = new LinkedHashMap<>();
            for (String endpoint : settings.queueEndpoints()) {
                for (int users : settings.queueUsers()) {
                    HttpFigures f = HttpFigures.of(http.run("instructeur", users, settings.queueRequests(), 5,
                            HttpLoad.fixed(http, i -> endpoint)));
                    queue.put(endpoint + " × " + users, f);
                    say("%s by %d instructor(s): %.1f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors", endpoint, users,
                            f.perSecond(), f.p50(), f.p95(), f.p99(), f.errors());
                }
            }
            long heapQueue = heap.reset();

            // 3b. every main page, by pageUsers signed-in users at once (issue 21)
            Map<String, HttpFigures> pages = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("{application}", String.valueOf(lifecycleDrafts.get(0)));
            ids.put("{campaign}", String.valueOf(campaign.getId()));
            ids.put("{session}", jurySession(campaign, ownIds, ownStructure));
            for (String entry : settings.pages()) {
                String[] page = entry.split("\\|", 3);
                String path = page[2];
                for (var id : ids.entrySet()) {
                    path = id.getValue() == null ? path : path.replace(id.getKey(), id.getValue());
                }
                String resolved = path;
                if (resolved.contains("{")) {
                    say("page %s (%s): skipped, nothing to show in this run", page[0], page[2]);
                    continue;
                }
                if (http.run(page[1], 1, 1, 0, (session, i) -> http.page(session, resolved)).errors() > 0) {
                    say("page %s (%s as %s): skipped, it does not answer 200", page[0], resolved, page[1]);
                    continue;
                }
                long statements = jpaStatements(http, page[1], resolved);
                HttpFigures f = HttpFigures.of(http.run(page[1], settings.pageUsers(), settings.pageRequests(), 2,
                        (session, i) -> http.page(session, resolved)));
                pages.put(page[0], f);
                say("page %s %s by %d %s: %.1f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors; %d JPA statements "
                        + "per request", page[0], resolved, settings.pageUsers(), page[1], f.perSecond(), f.p50(), f.p95(),
                        f.p99(), f.errors(), statements);
            }

            // 3c. autosave in the campaign's last hour: autosaveUsers applicants each saving every autosaveEvery s
            List<Long> autosaveDrafts = drafts(campaign, ownIds, ownStructure, settings.autosaveUsers(), 1,
                    Thematic.ENGAGEMENT_CITOYEN, TargetPublic.JEUNES);
            HttpLoad.Session reader = http.signIn("porteur");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<com.fasterxml.jackson.databind.node.ObjectNode> forms = new ArrayList<>();
            for (Long id : autosaveDrafts) {
                forms.add((com.fasterxml.jackson.databind.node.ObjectNode)
                        json.readTree(http.body(reader, "/api/applications/" + id + "/form")).get("data"));
            }
            double autosaveRate = settings.autosaveUsers() / settings.autosaveEverySeconds();
            HttpFigures autosave = HttpFigures.of(http.run("porteur", settings.autosaveUsers(),
                    settings.autosaveRequests(), 0, autosaveRate, (session, i) -> {
                        int draft = Math.floorMod(i, autosaveDrafts.size());
                        return http.put(session, "/api/applications/" + autosaveDrafts.get(draft) + "/form",
                                autosaveBody(json, forms.get(draft), Math.floorDiv(i, autosaveDrafts.size())));
                    }));
            say("autosave by %d applicants every %.0f s (%.0f/s): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors",
                    settings.autosaveUsers(), settings.autosaveEverySeconds(), autosaveRate, autosave.p50(),
                    autosave.p95(), autosave.p99(), autosave.errors());

            // 4. PDF
            SubmissionReceipt receipts = context.getBean(SubmissionReceipt.class);
            AgreementDocument agreementPdf = context.getBean(AgreementDocument.class);
            AgreementRepository agreementRows = context.getBean(AgreementRepository.class);
            var agreements = lifecycleDrafts.stream().map(id -> agreementRows.findByApplicationId(id).orElseThrow()).toList();
            int renders = settings.pdfRenders();
            parallel(settings.threads(), Math.min(renders, 20), i -> as("instructeur",
                    () -> receipts.render(submissionDrafts.get(i % submissionDrafts.size()))));
            double receiptSeconds = parallel(settings.threads(), renders, i -> as("instructeur",
                    () -> receipts.render(submissionDrafts.get(i % submissionDrafts.size()))));
            parallel(settings.threads(), Math.min(renders, 20), i -> as("instructeur",
                    () -> agreementPdf.render(agreements.get(i % agreements.size()))));
            double agreementSeconds = parallel(settings.threads(), renders, i -> as("instructeur",
                    () -> agreementPdf.render(agreements.get(i % agreements.size()))));
            long heapPdf = heap.reset();
            say("PDF: %.0f receipts/s, %.0f agreements/s", renders / receiptSeconds, renders / agreementSeconds);

            long applications = count(dataSource, "SELECT COUNT(*) FROM application");
            long structures = count(dataSource, "SELECT COUNT(*) FROM structure");
            Map<String, Long> heapPeaks = new LinkedHashMap<>();
            heapPeaks.put("lifecycle", heapLifecycle);
            heapPeaks.put("bare", heapBare);
            heapPeaks.put("submissions", heapSubmissions);
            heapPeaks.put("queue", heapQueue);
            heapPeaks.put("pdf", heapPdf);
            results.add(new ScaleResult(scale, applications, structures, generation, generatedRows, n, lifecycleSeconds,
                    waitStatesPerApp, (double) driver.jobs.get() / n, (double) commits / n, netRows, bareNetRows, bareAsyncSeconds,
                    bareSeconds, waitStates, dbSeconds, submissions, saturation, queue, renders / receiptSeconds,
                    renders / agreementSeconds, heapPeaks, pages, autosave));
        }
    }

    private String juryRankingSession;

    /** The session's members: the three demo jurors and six more (signed in by {@link #asJuror}), 3 per application. */
    private static final List<String> JURORS = List.of("jury", "jure2", "jure3", "jure4", "jure5", "jure6", "jure7",
            "jure8", "jure9");

    /**
     * A jury session of the open campaign at its deliberation, with "jury" as member, for its ranking page
     * (issue 21): {@code jury-applications} applications of porteur's structures (three thematics) brought to
     * the jury stage through the services (submission, completeness, every opinion, synthesis), taken by the
     * session, assigned automatically to 3 of its 9 members, scored by each of them on a grid of 4 criteria
     * (one eliminatory), the deliberation opened: what a member sees on the day. Built once, at the first
     * scale, after the measures that do not show it; null if it cannot be made (the page is then skipped).
     */
    private String jurySession(Campaign campaign, List<Long> ownIds, AtomicInteger ownStructure) throws Exception {
        if (juryRankingSession != null || settings.juryApplications() <= 0) {
            return juryRankingSession;
        }
        try {
            long t = System.nanoTime();
            int n = settings.juryApplications();
            List<Long> drafts = new ArrayList<>();
            Thematic[] thematics = Thematic.values();
            TargetPublic[] publics = {TargetPublic.JEUNES, TargetPublic.PERSONNES_AGEES, TargetPublic.TOUS_PUBLICS};
            for (int k = 0; k < thematics.length; k++) {
                int count = n * (k + 1) / thematics.length - n * k / thematics.length;
                drafts.addAll(drafts(campaign, ownIds, ownStructure, count, 2, thematics[k], publics[k % publics.length]));
            }
            LifecycleDriver driver = new LifecycleDriver(context);
            Long[] applicationIds = new Long[drafts.size()];
            parallel(settings.threads(), drafts.size(), i -> applicationIds[i] = driver.toJuryStage(drafts.get(i))
                    .application().getId());
            var grids = context.getBean(fr.agir.jury.ScoringGridService.class);
            var setup = context.getBean(fr.agir.jury.JurySessionSetupService.class);
            var assignments = context.getBean(fr.agir.jury.JuryAssignmentService.class);
            var deliberation = context.getBean(fr.agir.jury.JuryDeliberationService.class);
            var scoring = context.getBean(fr.agir.jury.ScoringService.class);
            var grid = as("instructeur", () -> grids.save(campaign.getId(), List.of(
                    new fr.agir.jury.ScoringGridService.CriterionInput("Utilité sociale", null, 0, 5, null,
                            new BigDecimal("2"), true, new BigDecimal("1")),
                    new fr.agir.jury.ScoringGridService.CriterionInput("Ancrage territorial", null, 0, 5, null,
                            BigDecimal.ONE, true, null),
                    new fr.agir.jury.ScoringGridService.CriterionInput("Faisabilité", null, 0, 5, null,
                            BigDecimal.ONE, true, null),
                    new fr.agir.jury.ScoringGridService.CriterionInput("Budget", null, 0, 5, null,
                            BigDecimal.ONE, false, null))));
            LocalDate today = LocalDate.now(TimeConfig.PARIS);
            var session = as("instructeur", () -> setup.create(new fr.agir.jury.JurySessionSetupService.NewSession(
                    campaign.getId(), "Jury du banc d'essai", today, today.plusDays(7), today.plusDays(10), 3, false,
                    JURORS.stream().map(u -> new fr.agir.jury.JurySessionSetupService.MemberInput(u,
                            fr.agir.security.DemoAccounts.nameOf(u).orElse("Juré " + u), u + "@jury.example.org",
                            null)).toList())));
            Long sessionId = session.getId();
            as("instructeur", () -> setup.addApplications(sessionId, List.of(applicationIds)));
            as("instructeur", () -> assignments.assignAutomatically(sessionId));
            as("instructeur", () -> deliberation.openScoring(sessionId));
            runJobsOf(session.businessKey());
            Map<Long, java.util.Set<String>> assigned = as("instructeur", () -> assignments.assignments(sessionId));
            List<Map.Entry<Long, String>> toScore = new ArrayList<>();
            assigned.forEach((application, members) -> members.forEach(m -> toScore.add(Map.entry(application, m))));
            List<Long> criteria = grid.getCriteria().stream().map(fr.agir.jury.GridCriterion::getId).toList();
            parallel(settings.threads(), toScore.size(), i -> {
                var entry = toScore.get(i);
                java.util.Random random = new java.util.Random(entry.getKey() * 31 + entry.getValue().hashCode());
                Map<Long, Integer> values = new LinkedHashMap<>();
                criteria.forEach(c -> values.put(c, 1 + random.nextInt(5)));
                asJuror(entry.getValue(), () -> scoring.score(sessionId, entry.getKey(), values,
                        random.nextInt(3) == 0 ? "Projet à suivre" : null, true));
            });
            as("instructeur", () -> deliberation.openDeliberation(sessionId));
            runJobsOf(session.businessKey());
            juryRankingSession = String.valueOf(sessionId);
            say("jury session for the ranking page: %d applications brought to the jury, %d members, %d scores, "
                    + "deliberation open (%.1f s, not measured)", applicationIds.length, JURORS.size(), toScore.size(),
                    (System.nanoTime() - t) / 1e9);
        } catch (Exception e) {
            // A step that fails in a worker thread comes wrapped (ExecutionException): the page is then skipped.
            say("no jury session for the ranking page: %s", e);
        }
        return juryRankingSession;
    }

    /**
     * The SQL statements Agir's JPA runs for one request of the page (Hibernate's statistics, on for those
     * requests only; the engine's and JdbcTemplate's statements are not seen): a count that does not depend on
     * the machine's load, unlike the times.
     */
    private long jpaStatements(HttpLoad http, String user, String path) throws Exception {
        HttpLoad.Session session = http.signIn(user);
        org.hibernate.stat.Statistics statistics = context.getBean(jakarta.persistence.EntityManagerFactory.class)
                .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            // The whole factory's statistics: another thread's statements (the mail outbox's sender) can only
            // add to a count, so the least of three requests is the page's own.
            long least = Long.MAX_VALUE;
            var client = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                statistics.clear();
                client.send(http.page(session, path), java.net.http.HttpResponse.BodyHandlers.discarding());
                least = Math.min(least, statistics.getPrepareStatementCount());
            }
            return least;
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** As a jury member who need not be a demo account: his name and the jury role. */
    private static <T> T asJuror(String username, java.util.function.Supplier<T> action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(username, null, org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList(fr.agir.security.Role.JURY.authority())));
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    /** The pending async continuations of a process (by business key), as the job executor would run them. */
    private void runJobsOf(String businessKey) {
        ManagementService management = context.getBean(ManagementService.class);
        var runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
                management.executeJob(job.getId());
            }
        }
    }

    private static long countMessageCatches(DataSource ds) throws SQLException {
        return count(ds, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ = 'intermediateMessageCatch'");
    }

    /** A campaign open today (created and opened through its process, as an administrator would). */
    private Campaign currentCampaign() {
        CampaignService campaigns = context.getBean(CampaignService.class);
        String code = "AAA-" + LocalDate.now(TimeConfig.PARIS).getYear() + "-BENCH";
        Campaign campaign = as("admin", () -> campaigns.create(new CampaignService.NewCampaign(code,
                "Appel à Agir " + LocalDate.now(TimeConfig.PARIS).getYear(), LocalDate.now(TimeConfig.PARIS).minusDays(40),
                LocalDate.now(TimeConfig.PARIS).plusDays(1), new BigDecimal("3000000.00"), new BigDecimal("500000.00"), 2,
                EnumSet.allOf(Thematic.class))));
        ManagementService management = context.getBean(ManagementService.class);
        for (Job job : management.createJobQuery().timers().activityId("Event_OpeningDateReached").list()) {
            management.executeJob(job.getId());
        }
        return campaign;
    }

    /** Complete drafts of porteur's structures, ready to submit (prepared before any measure). */
    private List<Long> drafts(Campaign campaign, List<Long> structureIds, AtomicInteger next, int count, int years,
                              Thematic thematic, TargetPublic target) throws Exception {
        ApplicationService applications = context.getBean(ApplicationService.class);
        Long[] ids = new Long[count];
        parallel(settings.threads(), count, i -> {
            List<YearBudget> budgets = new ArrayList<>();
            for (int year = 1; year <= years; year++) {
                BigDecimal requested = new BigDecimal("20000.00");
                Map<BudgetLineCode, BigDecimal> lines = YearBudget.emptyLines();
                lines.put(BudgetLineCode.C64, new BigDecimal("24000.00"));
                lines.put(BudgetLineCode.C61, new BigDecimal("6000.00"));
                lines.put(BudgetLineCode.P70, new BigDecimal("4000.00"));
                lines.put(BudgetLineCode.P74_COMMUNE, new BigDecimal("6000.00"));
                lines.put(BudgetLineCode.P74_DEPARTEMENT, requested);
                budgets.add(new YearBudget(year, requested, lines));
            }
            Long structure = structureIds.get(Math.floorMod(next.getAndIncrement(), structureIds.size()));
            Application draft = as("porteur", () -> applications.createDraft(campaign.getId(), structure,
                    new ApplicationService.Draft("Projet " + thematic.label(), "Description du projet", thematic, target,
                            "Saint-Denis", years, budgets)));
            ids[i] = draft.getId();
        });
        return List.of(ids);
    }

    /**
     * The body of an applicant's {@code round}-th autosave of the form {@code data}: what a real autosave sends
     * after a pause in typing, so each differs from the last: a few more characters of the description, and
     * exactly one budget amount changed from the previous round (the year's lines in turn, each raised by 10 €
     * every time its turn comes).
     */
    static String autosaveBody(com.fasterxml.jackson.databind.ObjectMapper json,
                               com.fasterxml.jackson.databind.node.ObjectNode data, int round) {
        com.fasterxml.jackson.databind.node.ObjectNode typed = data.deepCopy();
        String description = typed.path("description").asText("");
        typed.put("description", description + " suite " + round);
        var budget = typed.path(fr.agir.application.ApplicationForm.group(1));
        if (budget instanceof com.fasterxml.jackson.databind.node.ObjectNode lines && !lines.isEmpty()) {
            List<String> keys = new ArrayList<>();
            lines.fieldNames().forEachRemaining(keys::add);
            for (int k = 0; k < keys.size() && k <= round; k++) {
                long turns = (round - k) / keys.size() + 1;
                String key = keys.get(k);
                lines.put(key, lines.path(key).decimalValue().add(BigDecimal.valueOf(10L * turns)));
            }
        }
        try {
            return json.writeValueAsString(java.util.Map.of("data", typed));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work(0..count-1)} on {@code threads} threads; returns the wall-clock seconds. */
    private static double parallel(int threads, int count, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Applications of the open campaign waiting for the completeness check: at scale k, k ×
     * {@code backlog} of them (a campaign's applications after its closing date), so that the
     * instructors' task list grows with the data. Rows by the generator, lifecycles started on the
     * engine with the variables ApplicationService.submit gives them.
     */
    private int topUpBacklog(DataGenerator generator, Campaign campaign, int target, int current, List<Long> structureIds)
            throws Exception {
        if (target <= current) {
            return current;
        }
        long t = System.nanoTime();
        List<DataGenerator.Submitted> submitted = new ArrayList<>();
        for (int from = current; from < target; from += 5_000) {
            submitted.addAll(generator.submittedApplications(campaign.getId(), campaign.getOpeningDate().getYear(),
                    500_001 + from, Math.min(5_000, target - from), structureIds.get(0), structureIds.size()));
        }
        org.camunda.bpm.engine.RuntimeService runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        parallel(settings.threads(), submitted.size(), i -> {
            DataGenerator.Submitted a = submitted.get(i);
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("applicationId", a.id());
            variables.put("thematic", a.thematic());
            variables.put("targetPublic", a.targetPublic());
            variables.put("legalForm", a.legalForm());
            variables.put("totalRequested", a.totalRequested());
            runtime.startProcessInstanceByKey("application-lifecycle", a.reference(), variables);
        });
        say("backlog: %d submitted applications waiting for the completeness check (%d added in %.1f s)", target,
                submitted.size(), (System.nanoTime() - t) / 1e9);
        return target;
    }

    private BareEngine bareAsync;
    private BareEngine bare;

    /** The bare processes, with as many wait states as the Agir path has (its user tasks and message catch events). */
    private void deployBare(long waitStatesSeen, int applications) {
        int waitStates = (int) Math.round((double) waitStatesSeen / applications);
        bareAsync = new BareEngine(context, waitStates, true);
        bareAsync.deploy();
        bare = new BareEngine(context, waitStates, false);
        bare.deploy();
    }

    /** Unmeasured: the code paths of every phase run once at full speed before the first measure (JIT). */
    private void warmUp(Campaign campaign, List<Long> ownIds, AtomicInteger ownStructure, DataSource dataSource)
            throws Exception {
        long t = System.nanoTime();
        int n = settings.warmup();
        List<Long> drafts = drafts(campaign, ownIds, ownStructure, n, 2, Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES);
        LifecycleDriver driver = new LifecycleDriver(context);
        long tasksBefore = count(dataSource, "SELECT COUNT(*) FROM ACT_HI_TASKINST");
        long messagesBefore = countMessageCatches(dataSource);
        parallel(settings.threads(), n, i -> driver.drive(drafts.get(i)));
        deployBare(count(dataSource, "SELECT COUNT(*) FROM ACT_HI_TASKINST") - tasksBefore
                + countMessageCatches(dataSource) - messagesBefore, n);
        parallel(settings.threads(), n, i -> bareAsync.drive(900_000_000 + i));
        parallel(settings.threads(), n, i -> bare.drive(900_000_000 + i));
        say("warm-up: %d lifecycles and %d of each bare process in %.1f s (not measured)", n, n,
                (System.nanoTime() - t) / 1e9);
    }

    /** Adds the rows each table gained from {@code before} to {@code after} (net: rows deleted since do not count). */
    private static void addDeltas(Map<String, Long> sum, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((table, count) -> {
            long delta = count - before.getOrDefault(table, 0L);
            if (delta > 0) {
                sum.merge(table, delta, Long::sum);
            }
        });
    }

    private static String perTable(Map<String, Long> rows, int n) {
        StringBuilder text = new StringBuilder();
        rows.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> text.append(String.format(" %s %.1f", e.getKey(), (double) e.getValue() / n)));
        return text.toString();
    }

    private static Map<String, Long> rowCounts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> 'bench_insert'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    r.next();
                    counts.put(table.toLowerCase(), r.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void analyze(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE structure, structure_document, structure_member, application, budget_line, "
                    + "application_amount, audit_event, application_document");
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private String engineSettings() throws SQLException {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        return "history level `" + cfg.getHistory() + "`, job executor "
                + (cfg.getJobExecutor() != null && cfg.getJobExecutor().isActive() ? "on" : "off (jobs run by the driving threads)")
                + ", JDBC batch processing " + cfg.isJdbcBatchProcessing()
                + ", database type `" + cfg.getDatabaseType() + "`"
                + ", Hikari pool max " + pool.getMaximumPoolSize() + ", isolation `" + pool.getTransactionIsolation() + "`";
    }

    private void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + settings.dbHost() + "/", "root", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS `" + settings.database() + "`");
        }
    }

    private Path writeReport() throws IOException, SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# Agir benchmark run\n\n");
        md.append("- date: ").append(ZonedDateTime.now(TimeConfig.PARIS)).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" processors, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB (")
                .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList())).append(")\n");
        md.append("- MariaDB: ").append(serverVersion()).append(" at ").append(settings.dbHost()).append('\n');
        md.append("- engine: ").append(engineSettings).append('\n');
        md.append("- settings: `").append(settings.toString().replace("Settings[", "").replaceAll("]$", "")).append("`\n");
        md.append(String.format("- start-up of this benchmark's context: %.1f s on an empty database (Flyway and engine schema "
                + "created; the test classpath and a 512 MB heap: the packaged application's start, as production runs it, "
                + "is measured by `bench/run coldstart`)", startupEmpty));
        if (!Double.isNaN(startupLoaded)) {
            md.append(String.format("; %.1f s on the loaded database (after the last scale)", startupLoaded));
        }
        md.append("\n\n## Lifecycle, bare engine, database\n\n");
        md.append("| scale | applications in DB | generation | lifecycle apps | lifecycle app/s | wait states/app | jobs/app "
                + "| commits/app | rows/app | bare, same wait states + asyncAfter, inst/s | rows/bare inst | Agir time / bare time (target ≤ 1.3) | bare, user tasks only, inst/s "
                + "| DB insert+commit rows/s | lifecycle time / DB time |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleResult r : results) {
            double agir = r.lifecycleApps() / r.lifecycleSeconds();
            double bareAsync = r.lifecycleApps() / r.bareAsyncSeconds();
            md.append(String.format("| %d× | %d | %.1f s (%d rows) | %d | %.2f | %.1f | %.1f | %.1f | %.0f | %.2f | %.0f | %.2f | %.2f | %.0f | %.1f |%n",
                    r.scale(), r.applications(), r.generationSeconds(), r.generatedRows(), r.lifecycleApps(), agir,
                    r.waitStatesPerApp(), r.jobsPerApp(), r.commitsPerApp(), (double) r.netRows() / r.lifecycleApps(),
                    bareAsync, (double) r.bareNetRows() / r.lifecycleApps(), bareAsync / agir, r.lifecycleApps() / r.bareSeconds(), r.netRows() / r.dbSeconds(),
                    r.lifecycleSeconds() / r.dbSeconds()));
        }
        md.append("\n## HTTP: submissions by ").append(settings.concurrency()).append(" signed-in applicants\n\n");
        md.append("| scale | submissions | arriving at | done/s | p50 ms | p95 ms | p99 ms | errors "
                + "| back to back: done/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleResult r : results) {
            HttpFigures s = r.submissions();
            HttpFigures b = r.saturation();
            md.append(String.format("| %d× | %d | %.0f/s | %.1f | %.0f | %.0f | %.0f | %d | %.1f | %.0f | %.0f | %.0f | %d |%n",
                    r.scale(), s.requests(), settings.submissionRate(), s.perSecond(), s.p50(), s.p95(), s.p99(), s.errors(),
                    b.perSecond(), b.p50(), b.p95(), b.p99(), b.errors()));
        }
        md.append("\n## HTTP: instructors' lists (").append(settings.queueRequests())
                .append(" requests each, back to back)\n\n| scale |");
        List<String> queueKeys = results.isEmpty() ? List.of() : List.copyOf(results.get(0).queue().keySet());
        for (String key : queueKeys) {
            md.append(" `").append(key.replace(" × ", "` × ")).append(" users: p50 / p95 / p99 ms |");
        }
        md.append("\n|---|").append("---|".repeat(queueKeys.size())).append('\n');
        for (ScaleResult r : results) {
            md.append(String.format("| %d× |", r.scale()));
            for (HttpFigures q : r.queue().values()) {
                md.append(String.format(" %.0f / %.0f / %.0f%s |", q.p50(), q.p95(), q.p99(),
                        q.errors() > 0 ? " (" + q.errors() + " errors)" : ""));
            }
            md.append('\n');
        }
        md.append("\n## HTTP: main pages, ").append(settings.pageUsers()).append(" signed-in users at once (")
                .append(settings.pageRequests()).append(" requests each; target p95 < 200 ms)\n\n| page |");
        for (ScaleResult r : results) {
            md.append(String.format(" %d×: p50 / p95 / p99 ms |", r.scale()));
        }
        md.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        java.util.Set<String> pageNames = new java.util.LinkedHashSet<>();
        results.forEach(r -> pageNames.addAll(r.pages().keySet()));
        for (String name : pageNames) {
            md.append("| ").append(name).append(" |");
            for (ScaleResult r : results) {
                HttpFigures q = r.pages().get(name);
                md.append(q == null ? " skipped |" : String.format(" %.0f / %.0f / %.0f%s |", q.p50(), q.p95(), q.p99(),
                        q.errors() > 0 ? " (" + q.errors() + " errors)" : ""));
            }
            md.append('\n');
        }
        md.append(String.format("%n## HTTP: autosave, %d applicants saving every %.0f s (target p99 < 250 ms)%n%n"
                + "| scale | saves | done/s | p50 ms | p95 ms | p99 ms | errors |%n|---|---|---|---|---|---|---|%n",
                settings.autosaveUsers(), settings.autosaveEverySeconds()));
        for (ScaleResult r : results) {
            HttpFigures a = r.autosave();
            md.append(String.format("| %d× | %d | %.1f | %.0f | %.0f | %.0f | %d |%n", r.scale(), a.requests(),
                    a.perSecond(), a.p50(), a.p95(), a.p99(), a.errors()));
        }
        md.append("\n## PDF and heap\n\n| scale | receipts/s | agreements/s | heap peak MB: lifecycle / bare / submissions / queue / pdf "
                + "|\n|---|---|---|---|\n");
        for (ScaleResult r : results) {
            md.append(String.format("| %d× | %.0f | %.0f | %s |%n", r.scale(), r.receiptsPerSecond(),
                    r.agreementsPerSecond(), String.join(" / ", r.heapPeakMb().values().stream().map(String::valueOf).toList())));
        }
        md.append("\n## Jury assignment (no database): min-cost flow planner against greedy least-loaded\n\n")
                .append("Members per application 3, thematics preferred, median of the rounds. Conflicts RANDOM: each "
                        + "member with 5% of the applications; CLUSTERED: a third of the members with every application "
                        + "of the last third.\n\n")
                .append("| applications × members | conflicts | planner ms | greedy ms | planner / greedy time | load spread (max − min): "
                        + "planner / greedy | applications short of members: planner / greedy |\n|---|---|---|---|---|---|---|\n");
        for (JuryAssignmentBench.Row r : jury) {
            md.append(String.format("| %d × %d | %s | %.0f | %.1f | %.0f | %d / %d | %d / %d |%n", r.size().applications(),
                    r.size().members(), r.conflicts(), r.plannerMs(), r.greedyMs(), r.plannerMs() / Math.max(r.greedyMs(), 0.01),
                    r.plannerSpread(), r.greedySpread(), r.plannerShort(), r.greedyShort()));
        }
        md.append("\n## Log\n\n```\n").append(log).append("```\n");
        Path report = settings.report().toAbsolutePath();
        Files.createDirectories(report.getParent());
        Files.writeString(report, md);
        System.out.println(md);
        return report;
    }

    private String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + settings.dbHost() + "/", "root", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
            r.next();
            return r.getString(1);
        }
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[bench] " + line);
        log.append(line).append('\n');
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The heap in use, sampled every 20 ms: the peak between two resets, in MB. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long reset() {
            return peak.getAndSet(0) / (1024 * 1024);
        }

        void stop() {
            running = false;
        }
    }
}
