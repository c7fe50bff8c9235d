package fr.agir.resilience;

import static org.awaitility.Awaitility.await;

import fr.agir.TestData;
import fr.agir.structure.SampleFiles;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A one-year grant driven through Agir's HTTP API by the demo accounts, the same calls as
 * {@code LifecycleApiIT} (and {@code ApiTestSupport}'s helpers) make, each call sent to the next node
 * in turn; the process is followed in the engine's tables of the scenario's database, as an
 * operator would read them (no engine in the test JVM).
 */
final class GrantDriver {
    /** How long a step may take to be carried by the job executor: a bound, not an expectation. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final JdbcTemplate db;
    private final List<AgirClient> nodes;
    private final AtomicInteger turn = new AtomicInteger();
    /** Successful calls per node: proof that each node served. */
    final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    record App(String id, String reference) {
    }

    GrantDriver(JdbcTemplate db, AgirClient... nodes) {
        this.db = db;
        this.nodes = List.of(nodes);
    }

    /** The node the next call goes to (round robin). */
    AgirClient next() {
        AgirClient node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
        served.computeIfAbsent(node.node, n -> new AtomicInteger()).incrementAndGet();
        return node;
    }

    /** An admin-created campaign (opening yesterday), once its opening timer has fired. */
    String openCampaign() {
        String code = "RES-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        LocalDate today = LocalDate.now(PARIS);
        String id = String.valueOf(next().post("admin", "/api/campaigns", Map.of("code", code, "name", "Appel " + code,
                "openingDate", today.minusDays(1).toString(), "closingDate", today.plusDays(30).toString(),
                "envelopeOperating", 1000000, "envelopeInvestment", 100000, "maxDurationYears", 2,
                "thematics", List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE", "ENGAGEMENT_CITOYEN"))).get("id"));
        await("campaign " + code + " open").atMost(PATIENCE)
                .until(() -> "OPEN".equals(next().get("admin", "/api/campaigns/" + id).get("status")));
        return id;
    }

    /** A structure of {@code porteur} with the pieces its case file needs for applying. */
    String registerStructure() {
        String id = String.valueOf(next().post("porteur", "/api/structures", Map.of("name", "Association " + System.nanoTime(),
                "legalForm", "ASSOCIATION", "siret", TestData.randomSiret(), "addressLine", "5 rue Gabriel Péri",
                "postalCode", "93200", "commune", "Saint-Denis", "legalRepName", "Awa Diallo",
                "legalRepEmail", "awa@example.org", "iban", "FR76 3000 6000 0112 3456 7890 189", "bic", "AGRIFRPP"))
                .get("id"));
        for (String type : List.of("STATUTS", "LISTE_DIRIGEANTS", "RIB")) {
            next().upload("porteur", "/api/structures/" + id + "/documents", type, type.toLowerCase() + ".pdf",
                    SampleFiles.pdf(type));
        }
        return id;
    }

    /**
     * A one-year draft asking 30 000 € (transition écologique, jeunes: routed to DTER and DJVA). Granted 27 000 €,
     * above agir.legal-instrument.agreement-above: an agreement to sign, not an arrêté attributif.
     */
    App draft(String campaignId, String structureId) {
        Map<String, Object> draft = next().post("porteur", "/api/applications", Map.of("campaignId", campaignId,
                "structureId", structureId, "title", "Recyclerie solidaire",
                "description", "Collecte, réparation et revente d'objets", "thematic", "TRANSITION_ECOLOGIQUE",
                "targetPublic", "JEUNES", "territory", "Saint-Denis", "durationYears", 1,
                "budgets", List.of(Map.of("year", 1, "requestedAmount", 30000, "lines", Map.of("64", 30000,
                        "70", 3000, "74-DEPARTEMENT", 30000, "60", 3000, "86", 1500, "87", 1500)))));
        return new App(String.valueOf(draft.get("id")), (String) draft.get("reference"));
    }

    void submit(App app) {
        next().post("porteur", "/api/applications/" + app.id() + "/submit", null);
        awaitTasks(app, "Task_CheckCompleteness", 1);
    }

    /** The instructor declares the application complete; the process goes on in a job. */
    void declareComplete(App app) {
        next().post("instructeur", "/api/applications/" + app.id() + "/completeness", Map.of("outcome", "COMPLETE"));
    }

    void giveOpinion(App app, String directorate) {
        next().post("avis-" + directorate.toLowerCase(), "/api/applications/" + app.id() + "/opinions/" + directorate,
                Map.of("verdict", "FAVORABLE", "comment", "Projet utile au territoire", "suggestedAmount", 18000));
    }

    /** Synthesis, jury's result and the Commission permanente's vote: the agreement waits to be signed. */
    void synthesisJuryAndVote(App app) {
        awaitTasks(app, "Task_WriteSynthesis", 1);
        next().post("instructeur", "/api/applications/" + app.id() + "/synthesis",
                Map.of("summary", "Projet solide", "proposedAmounts", Map.of("1", 27000)));
        awaitWaitingAt(app, "Event_JuryResultReceived");
        next().post("instructeur", "/api/applications/" + app.id() + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", 27000)));
        awaitWaitingAt(app, "Event_VoteReceived");
        next().post("instructeur", "/api/applications/" + app.id() + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-044", "deliberationDate", LocalDate.now(PARIS).toString()));
        awaitTasks(app, "Task_SignAgreement", 1);
    }

    /** Signed by the structure, countersigned: the grant year opens and its advance waits for finance. */
    void signAndCountersign(App app) {
        String agreementId = String.valueOf(next().get("porteur", "/api/applications/" + app.id() + "/agreement")
                .get("id"));
        // The one-time code, read from the e-mail in the shared outbox (any node may send it).
        String number = (String) next().get("porteur", "/api/agreements/" + agreementId).get("number");
        next().post("porteur", "/api/agreements/" + agreementId + "/signature-code", null);
        next().post("porteur", "/api/agreements/" + agreementId + "/sign",
                Map.of("code", fr.agir.SignatureCodes.code(db, number), "consent", true));
        awaitTasks(app, "Task_CountersignAgreement", 1);
        next().post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        awaitTasks(app, "Task_PreparePayment", 1);
    }

    /** Liquidation of the year's advance by finances1: it waits for a second officer's validation. */
    String prepareAdvance(App app) {
        Map<String, Object> advance = await().atMost(PATIENCE).until(() -> next().list("finances1",
                        "/api/applications/" + app.id() + "/installments").stream()
                .filter(i -> "ADVANCE".equals(i.get("kind"))).findFirst().orElse(null), i -> i != null);
        String id = String.valueOf(advance.get("id"));
        next().post("finances1", "/api/installments/" + id + "/prepare", Map.of("comment", "Conditions de versement réunies"));
        awaitTasks(app, "Task_ValidatePayment", 1);
        return id;
    }

    /** Validation by finances2 (never the officer who liquidated): the payment order is issued by a job. */
    void validate(String installmentId) {
        next().post("finances2", "/api/installments/" + installmentId + "/validate", Map.of("decision", "APPROVE"));
    }

    // ---- the engine's tables -------------------------------------------------------------------

    /** Waits until {@code count} open user tasks {@code taskKey} belong to the application's processes. */
    void awaitTasks(App app, String taskKey, int count) {
        await(app.reference() + " at " + taskKey).atMost(PATIENCE).until(() -> tasks(app, taskKey) == count);
    }

    int tasks(App app, String taskKey) {
        return count("select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_ "
                + "where p.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?", app.reference(), taskKey);
    }

    void awaitWaitingAt(App app, String activityId) {
        await(app.reference() + " at " + activityId).atMost(PATIENCE).until(() -> count(
                "select count(*) from ACT_RU_EXECUTION e join ACT_RU_EXECUTION p on p.ID_ = e.PROC_INST_ID_ "
                        + "where p.BUSINESS_KEY_ = ? and e.ACT_ID_ = ?", app.reference(), activityId) > 0);
    }

    /** The application's lifecycle process instance: the root of the subprocesses' history. */
    String root(App app) {
        return db.queryForObject("select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ? "
                + "and PROC_DEF_KEY_ = 'application-lifecycle'", String.class, app.reference());
    }

    /** How many times the activity was entered in the application's whole process tree (engine history). */
    int executions(App app, String activityId) {
        return count("select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ? and ACT_ID_ = ?", root(app),
                activityId);
    }

    /** The jobs of the application's process tree that carry {@code activityId} (timers, async continuations). */
    List<Map<String, Object>> jobs(App app, String activityId) {
        return db.queryForList("select j.ID_, j.TYPE_, j.LOCK_OWNER_, j.LOCK_EXP_TIME_, j.DUEDATE_, j.RETRIES_ "
                + "from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
                + "where j.ROOT_PROC_INST_ID_ = ? and d.ACT_ID_ = ?", root(app), activityId);
    }

    /** Async continuations still to run in the application's process tree (timers not counted). */
    int pendingContinuations(App app) {
        return count("select count(*) from ACT_RU_JOB where ROOT_PROC_INST_ID_ = ? and TYPE_ = 'message'", root(app));
    }

    /**
     * Brings the timers of {@code activityId} in the application's processes to now, as if their
     * deadline had come (Agir's deadlines are days long; their due date is all the job executor reads).
     */
    int makeDue(App app, String activityId) {
        return db.update("update ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ set j.DUEDATE_ = ? "
                + "where j.ROOT_PROC_INST_ID_ = ? and d.ACT_ID_ = ? and j.TYPE_ = 'timer'",
                Timestamp.from(Instant.now().minusSeconds(60)), root(app), activityId);
    }

    int count(String sql, Object... args) {
        Integer n = db.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
