package fr.agir.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.agir.resilience.GrantDriver.App;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guarantees Agir keeps under faults, shown on real processes: Agir's jar in separate JVMs
 * ({@link AgirNode}) on a MariaDB the test starts for itself ({@link OwnMariaDb}), one database per
 * scenario, e-mails to a GreenMail per scenario. Two nodes on one database; a node SIGKILLed right
 * after a payment's validation; the database stopped for 30 s mid-lifecycle. The scenarios run in
 * this order (the last one stops the shared server); their nodes start together at the beginning.
 * Skipped with {@code -DexcludedGroups=resilience}. Nothing here touches the build's database or its application
 * context: the class runs beside the other integration tests (see junit-platform.properties), its scenarios one
 * after the other.
 */
@Tag("resilience")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
class ResilienceIT {
    private static final Path DIR = Path.of("target", "resilience").toAbsolutePath();
    /** The job executor's lock time, as application.yml sets it for every node. */
    private static final Duration LOCK_TIME = Duration.ofMillis(Long.parseLong(applicationYml()
            .getProperty("camunda.bpm.job-execution.lock-time-in-millis")));
    /** Beyond the lock time: the job executor's next acquisition, the job itself, the poll of the test. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private static OwnMariaDb mariadb;
    private static final List<AutoCloseable> running = new ArrayList<>();
    private static GreenMail twoNodesSmtp;
    private static GreenMail paymentSmtp;
    private static GreenMail outageSmtp;
    private static AgirNode nodeA;
    private static AgirNode paymentNode;
    private static AgirNode outageNode;

    @BeforeAll
    static void startDatabaseSmtpAndFirstNodes() throws Exception {
        mariadb = OwnMariaDb.start(DIR);
        twoNodesSmtp = smtp();
        paymentSmtp = smtp();
        outageSmtp = smtp();
        // One JVM per database at a time until its schema exists: started together, ready in parallel.
        nodeA = node("node-a", "agir_two_nodes", twoNodesSmtp, "two-nodes").start();
        paymentNode = node("payment-node", "agir_payment", paymentSmtp, "payment").start();
        outageNode = node("outage-node", "agir_outage", outageSmtp, "outage").start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + running.get(i) + ": " + e);
            }
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    // ---- 1. Two nodes on one database ----------------------------------------------------------

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    void twoNodesOnOneDatabaseBothServeAndRunEachJobTimerAndMailOnce() throws Exception {
        nodeA.awaitReady();
        AgirNode nodeB = node("node-b", "agir_two_nodes", twoNodesSmtp, "two-nodes").start().awaitReady();
        GrantDriver grant = new GrantDriver(mariadb.jdbc("agir_two_nodes"), nodeA.client(), nodeB.client());

        App app = grant.draft(grant.openCampaign(), grant.registerStructure());
        grant.submit(app);
        grant.declareComplete(app);
        grant.awaitTasks(app, "Task_GiveOpinion", 2);

        // Both directorates' reminder timers come due at once: both nodes' job executors see them.
        assertThat(grant.makeDue(app, "Event_OpinionReminderDue")).isEqualTo(2);
        await("reminders fired").atMost(GrantDriver.PATIENCE)
                .until(() -> grant.jobs(app, "Event_OpinionReminderDue").isEmpty()
                        && grant.executions(app, "Task_SendOpinionReminder") >= 2);
        grant.giveOpinion(app, "DTER");
        // DJVA says nothing: its deadline passes and the instruction goes on without its opinion.
        assertThat(grant.makeDue(app, "Event_OpinionDeadlinePassed")).isEqualTo(1);
        grant.synthesisJuryAndVote(app);
        grant.signAndCountersign(app);
        String advance = grant.prepareAdvance(app);
        grant.validate(advance);
        grant.exportAndReturn(advance);
        grant.awaitTasks(app, "Task_SubmitReport", 1);

        // Quiet: nothing left to run for this grant, every e-mail of the outbox handed to SMTP.
        JdbcTemplate db = grant.db;
        await("jobs done and outbox empty").atMost(GrantDriver.PATIENCE).until(() -> grant.pendingContinuations(app) == 0
                && grant.count("select count(*) from mail_message where status <> 'SENT'") == 0);

        // Each timer and each step carried by a job ran once, on whichever node took it.
        Map<String, Integer> expected = Map.of("Event_OpinionReminderDue", 2, "Task_SendOpinionReminder", 2,
                "Event_OpinionDeadlinePassed", 1, "Task_RecordMissingOpinion", 1, "Task_RouteOpinions", 1,
                "Task_RequestOpinions", 1, "Task_GenerateAgreement", 1, "Task_OpenGrantYear", 1,
                "Task_IssuePaymentOrder", 1, "Task_WriteSynthesis", 1);
        expected.forEach((activity, times) -> assertThat(grant.executions(app, activity))
                .as("%s entered in the engine's history", activity).isEqualTo(times));
        assertThat(grant.count("select count(*) from opinion where application_id = ?", app.id())).isEqualTo(2);
        assertThat(grant.count("select count(*) from opinion where application_id = ? and status = 'GIVEN'", app.id()))
                .isEqualTo(1);

        // One payment, one payment order (piece number 1 of the budget year), paid by the return's mandate.
        int piece = Year.now(GrantDriver.PARIS).getValue() * 10000 + 1;
        assertThat(db.queryForList("select payment_order_number from installment where id = ?", String.class,
                Long.valueOf(advance))).containsExactly("MDT-" + piece);
        assertThat(grant.count("select count(*) from payment_order where installment_id = ?", Long.valueOf(advance)))
                .isEqualTo(1);
        assertThat(grant.count("select count(*) from audit_event where action = 'PAYMENT_ORDER_ISSUED'")).isEqualTo(1);
        assertThat(grant.count("select next_value from number_sequence where name = ?",
                "piece-" + Year.now(GrantDriver.PARIS))).isEqualTo(2);

        // Each e-mail once: as many distinct messages at the SMTP server as rows in the outbox, all SENT.
        assertThat(sends(twoNodesSmtp, "Accusé de réception de votre candidature " + app.reference())).isEqualTo(1);
        assertThat(sends(twoNodesSmtp, "Rappel : avis DTER attendu")).isEqualTo(1);
        assertThat(sends(twoNodesSmtp, "Rappel : avis DJVA attendu")).isEqualTo(1);
        assertThat(sends(twoNodesSmtp, "")).as("distinct messages received")
                .isEqualTo(grant.count("select count(*) from mail_message"));
        assertThat(grant.count("select count(*) from mail_message where subject like 'Rappel : avis%'")).isEqualTo(2);

        // Positive controls: both nodes served calls and both nodes' job executors ran this grant's jobs,
        // so each "once" above was decided between two competitors.
        assertThat(grant.served.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
        List<String> jobHosts = db.queryForList("select distinct HOSTNAME_ from ACT_HI_JOB_LOG "
                + "where ROOT_PROC_INST_ID_ = ? and JOB_STATE_ = 2", String.class, grant.root(app));
        assertThat(jobHosts).as("nodes that completed jobs of the grant").containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(nodeA.isAlive() && nodeB.isAlive()).isTrue();

        // The audit trail both nodes wrote, and both nodes' sealers chained, is one unbroken chain.
        Map<String, Object> chain = nodeB.client().get("admin", "/api/admin/audit/verification");
        assertThat(chain.get("intact")).as(String.valueOf(chain)).isEqualTo(true);
        assertThat(((Number) chain.get("sealedEvents")).longValue())
                .isEqualTo(grant.count("select count(*) from audit_event"));
        nodeB.close();
        nodeA.close();
    }

    // ---- 2. SIGKILL in the middle of the payment orders' export -----------------------------------

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    void aNodeKilledInTheMiddleOfTheExportLeavesExactlyOnePaymentOrderOnceRestarted() throws Exception {
        paymentNode.awaitReady();
        GrantDriver grant = new GrantDriver(mariadb.jdbc("agir_payment"), paymentNode.client());
        App app = grant.draft(grant.openCampaign(), grant.registerStructure());
        grant.submit(app);
        grant.declareComplete(app);
        grant.awaitTasks(app, "Task_GiveOpinion", 2);
        grant.giveOpinion(app, "DTER");
        grant.giveOpinion(app, "DJVA");
        grant.synthesisJuryAndVote(app);
        grant.signAndCountersign(app);
        String advance = grant.prepareAdvance(app);
        Long installment = Long.valueOf(advance);
        grant.validate(advance);
        // Validated: the process waits for the finance software's confirmation; nothing is exported yet.
        grant.awaitWaitingAt(app, "Event_PaymentConfirmed");

        // The test holds the export's mutex row (number_sequence 'bordereau-export', which every export locks
        // first), so the node's export is caught waiting inside its transaction when the SIGKILL comes.
        JdbcTemplate db = grant.db;
        db.update("insert ignore into number_sequence (name, next_value) values ('bordereau-export', 1)");
        Thread exporter;
        try (Connection holder = mariadb.connection("agir_payment"); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.executeQuery("select next_value from number_sequence where name = 'bordereau-export' for update").close();
            exporter = new Thread(() -> {
                try {
                    paymentNode.client().call("finances1", "POST", "/api/bordereaux", null);
                } catch (RuntimeException expected) {
                    // the node is killed while the request waits: no answer
                }
            });
            exporter.setDaemon(true);
            exporter.start();
            await("the export waiting for its mutex on " + paymentNode.name).atMost(GrantDriver.PATIENCE)
                    .until(() -> grant.count("select count(*) from information_schema.INNODB_TRX "
                            + "where trx_state = 'LOCK WAIT' and trx_query like '%number_sequence%'") > 0);
            paymentNode.kill();
            holder.rollback();
        }
        exporter.join(Duration.ofSeconds(30).toMillis());

        // Positive control: the crash left the payment half-way — validated, no bordereau, no payment order.
        assertThat(db.queryForMap("select status, payment_order_number from installment where id = ?", installment))
                .containsEntry("status", "VALIDATED").containsEntry("payment_order_number", null);
        assertThat(grant.count("select count(*) from payment_order where installment_id = ?", installment)).isZero();

        AgirNode restarted = node("payment-node-restarted", "agir_payment", paymentSmtp, "payment").start().awaitReady();
        new GrantDriver(db, restarted.client()).exportAndReturn(advance);
        grant.awaitTasks(app, "Task_SubmitReport", 1);

        assertThat(db.queryForObject("select status from installment where id = ?", String.class, installment))
                .isEqualTo("PAID");
        assertThat(grant.count("select count(*) from payment_order where installment_id = ?", installment))
                .as("one payment order, none lost or doubled by the crash").isEqualTo(1);
        assertThat(grant.count("select count(*) from audit_event where entity_id = ? and action = 'PAYMENT_ORDER_ISSUED'",
                installment)).isEqualTo(1);
        assertThat(grant.count("select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ? "
                + "and ACT_ID_ = 'Task_IssuePaymentOrder' and END_TIME_ is not null", grant.root(app))).isEqualTo(1);
        restarted.close();
    }

    // ---- 3. MariaDB stopped for 30 s mid-lifecycle ----------------------------------------------

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    void theDatabaseStoppedForThirtySecondsLosesNothingAndEveryWaitingStepMovesWithinTheLockTime() throws Exception {
        outageNode.awaitReady();
        GrantDriver grant = new GrantDriver(mariadb.jdbc("agir_outage"), outageNode.client());
        String campaign = grant.openCampaign();
        App inFlight = grant.draft(campaign, grant.registerStructure());
        App waiting = grant.draft(campaign, grant.registerStructure());
        grant.submit(inFlight);
        grant.submit(waiting);
        JdbcTemplate db = grant.db;

        // The application declared complete just before the database goes. The test holds, uncommitted,
        // the opinion rows the job will write (same unique key; no foreign-key check, so the application
        // row stays free for the declaration): the job that requests the opinions is in flight — taken,
        // locked, waiting on those rows — when MariaDB stops.
        Connection holder = mariadb.connection("agir_outage");
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            st.execute("set foreign_key_checks = 0");
            for (String directorate : List.of("DTER", "DJVA")) {
                st.execute("insert into opinion (application_id, directorate, status, requested_at, due_date) values ("
                        + Long.parseLong(inFlight.id()) + ", '" + directorate + "', 'REQUESTED', now(), curdate())");
            }
        }
        Instant declared = Instant.now();
        grant.declareComplete(inFlight);
        // Only the job writes opinions: a transaction waiting on the test's rows is the job, in flight.
        await("the opinions being requested").atMost(GrantDriver.PATIENCE).until(() -> grant.count(
                "select count(*) from information_schema.INNODB_TRX where trx_state = 'LOCK WAIT'") > 0);
        List<Map<String, Object>> taken = db.queryForList("select j.ID_, j.LOCK_OWNER_, j.LOCK_EXP_TIME_, j.ROOT_PROC_INST_ID_ "
                + "from ACT_RU_JOB j where j.TYPE_ = 'message' and j.LOCK_OWNER_ is not null");
        assertThat(taken).as("the job in flight, locked by the node").hasSize(1);
        List<Map<String, Object>> before = db.queryForList("select id, reference, status from application order by id");
        int auditBefore = grant.count("select count(*) from audit_event");
        int mailsBefore = grant.count("select count(*) from mail_message");
        mariadb.stop();
        Instant stopped = Instant.now();
        try {
            holder.close(); // cut by the shutdown
        } catch (java.sql.SQLException e) {
            // nothing to release: the server is gone
        }
        // The outage itself: the node stays without its database for OUTAGE, then it must still run
        // and report the outage (its health is not UP).
        await("the outage").pollDelay(OUTAGE).atMost(OUTAGE.plus(GrantDriver.PATIENCE))
                .until(() -> outageNode.health() != 200);
        assertThat(outageNode.isAlive()).as("the node survives the outage").isTrue();
        mariadb.start();
        Instant back = Instant.now();

        // Positive control: the work in flight was cut — no opinion requested (the test's rows went with
        // its connection), the job still held by the lock the node took before the outage (Camunda's
        // default kept it 5 minutes).
        assertThat(grant.count("select count(*) from opinion where application_id = ?", inFlight.id())).isZero();
        assertThat(db.queryForList("select ID_, LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", taken.get(0).get("ID_")))
                .as("the job cut by the outage, still locked").singleElement()
                .satisfies(j -> assertThat(j.get("LOCK_OWNER_")).isNotNull());

        // Nothing lost: every application as it was (the declaration committed before the outage), every event, every mail.
        assertThat(db.queryForList("select id, reference, status from application order by id")).isEqualTo(before);
        assertThat(before).filteredOn(a -> inFlight.reference().equals(a.get("reference")))
                .extracting(a -> a.get("status")).containsExactly("UNDER_REVIEW");
        assertThat(grant.count("select count(*) from audit_event")).isGreaterThanOrEqualTo(auditBefore);
        assertThat(grant.count("select count(*) from mail_message")).isEqualTo(mailsBefore);

        // The step in flight moves within the lock time once the database is back.
        await("opinions requested after the outage").atMost(LOCK_TIME.plus(MARGIN))
                .until(() -> grant.tasks(inFlight, "Task_GiveOpinion") == 2);
        System.out.printf("Declared complete %s before the stop; opinions requested %s after the database came back "
                + "(outage %s, lock time %s)%n", Duration.between(declared, stopped), Duration.between(back, Instant.now()),
                Duration.between(stopped, back), LOCK_TIME);
        assertThat(grant.count("select count(*) from opinion where application_id = ?", inFlight.id())).isEqualTo(2);
        assertThat(grant.executions(inFlight, "Task_RequestOpinions")).isEqualTo(1);

        // The node serves again, and a step waiting for a person moves as soon as it is taken.
        await("node ready again").atMost(GrantDriver.PATIENCE).until(() -> outageNode.health() == 200);
        grant.declareComplete(waiting);
        grant.awaitTasks(waiting, "Task_GiveOpinion", 2);
        await("every mail sent").atMost(GrantDriver.PATIENCE)
                .until(() -> grant.count("select count(*) from mail_message where status <> 'SENT'") == 0);
        assertThat(sends(outageSmtp, "Accusé de réception de votre candidature " + inFlight.reference())).isEqualTo(1);
        assertThat(sends(outageSmtp, "Accusé de réception de votre candidature " + waiting.reference())).isEqualTo(1);
        outageNode.close();
    }

    // ---- support --------------------------------------------------------------------------------

    private static AgirNode node(String name, String database, GreenMail smtp, String workDir) {
        AgirNode node = new AgirNode(name, mariadb.agirUrl(database), smtp.getSmtp().getPort(), DIR.resolve(workDir));
        running.add(node);
        return node;
    }

    private static GreenMail smtp() {
        GreenMail server = new GreenMail(new ServerSetup(OwnMariaDb.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        running.add(server::stop);
        return server;
    }

    /** Distinct messages (by Message-ID: one per send, whatever the recipients) whose subject contains {@code text}. */
    private static long sends(GreenMail smtp, String text) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(text)).map(ResilienceIT::messageId)
                .filter(Objects::nonNull).distinct().count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Properties applicationYml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return Objects.requireNonNull(yaml.getObject());
    }
}
