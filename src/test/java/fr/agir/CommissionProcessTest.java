package fr.agir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.agir.bench.AwaitingVote;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.shared.TimeConfig;
import fr.agir.vote.CommissionService;
import fr.agir.vote.CommissionSitting;
import fr.agir.vote.ReportLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Commission permanente's sittings on the real engine: an adjourned line is not correlated (its
 * lifecycle keeps waiting at the vote's catch event, no decision), comes back in the next sitting's
 * report and is voted there, its lifecycle moving once. Only the vote's part of the lifecycle runs here
 * (the lifecycles start at {@code Event_VoteReceived}), so this class does not measure the
 * lifecycle's coverage: ApplicationLifecycleProcessTest does.
 */
@SecondLane
class CommissionProcessTest {
    private static final LocalDate TODAY = LocalDate.now(TimeConfig.PARIS);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CommissionService commission;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anAdjournedLineWaitsAtTheVoteComesBackInTheNextSittingAndIsVotedThere() {
        String code = "CP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long campaignId = Actors.as("admin", () -> campaigns.create(new CampaignService.NewCampaign(code,
                "Appel à Agir " + code, TODAY.minusDays(60), TODAY.minusDays(30), new BigDecimal("1000000.00"),
                new BigDecimal("100000.00"), 2, EnumSet.allOf(Thematic.class)))).getId();
        List<AwaitingVote.Line> lines = AwaitingVote.create(jdbc, runtime, campaignId, List.of(
                new AwaitingVote.Amounts(1, 10000, 9000), new AwaitingVote.Amounts(1, 10000, 9000)));
        AwaitingVote.Line adjourned = lines.get(0);
        AwaitingVote.Line adopted = lines.get(1);

        // Sitting 1: both in the report, one adjourned.
        CommissionSitting first = sitting(campaignId);
        assertThat(Actors.as("instructeur", () -> commission.buildReport(first.getId()))).isEqualTo(2);
        Actors.as("instructeur", () -> commission.sendReport(first.getId()));
        CommissionService.VoteSummary summary = Actors.as("instructeur", () -> commission.recordVote(first.getId(),
                new CommissionService.VoteInput(freshDeliberationNumber(), TODAY, List.of(
                        new CommissionService.LineException(adjourned.applicationId(), ReportLine.Outcome.ADJOURNED,
                                null, null, null)), List.of())));
        assertThat(summary.outcomes()).containsEntry(ReportLine.Outcome.ADJOURNED, 1)
                .containsEntry(ReportLine.Outcome.ADOPTED, 1);

        assertThat(lifecycle(adjourned)).as("adjourned: not correlated").isWaitingAt(AwaitingVote.VOTE_EVENT);
        assertThat(decisions(adjourned)).isZero();
        assertThat(status(adjourned)).isEqualTo("AWAITING_VOTE");
        assertThat(lifecycle(adopted)).isWaitingAt("Task_ChooseLegalInstrument").hasPassed(AwaitingVote.VOTE_EVENT);
        assertThat(decisions(adopted)).isEqualTo(1);

        // Sitting 2: the report takes the adjourned line back, and only it.
        CommissionSitting second = sitting(campaignId);
        assertThat(Actors.as("instructeur", () -> commission.buildReport(second.getId()))).isEqualTo(1);
        CommissionService.Report report = Actors.as("instructeur", () -> commission.report(second.getId()));
        assertThat(report.lines()).extracting(l -> l.line().getApplicationId()).containsExactly(adjourned.applicationId());
        assertThat(report.lines().get(0).instrument().code()).as("a one-year grant of 9,000 €").isEqualTo("ARRETE");
        Actors.as("instructeur", () -> commission.sendReport(second.getId()));
        Actors.as("instructeur", () -> commission.recordVote(second.getId(),
                new CommissionService.VoteInput(freshDeliberationNumber(), TODAY, List.of(), List.of())));

        assertThat(lifecycle(adjourned)).isWaitingAt("Task_ChooseLegalInstrument").hasPassed(AwaitingVote.VOTE_EVENT);
        assertThat(decisions(adjourned)).as("voted once").isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(lifecycle(adjourned).getId())
                .activityId(AwaitingVote.VOTE_EVENT).finished().count()).as("the lifecycle moved once").isEqualTo(1);
        assertThat(decisions(adopted)).as("the line voted in sitting 1 is not voted again").isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(lifecycle(adopted).getId())
                .activityId(AwaitingVote.VOTE_EVENT).finished().count()).isEqualTo(1);
    }

    private CommissionSitting sitting(long campaignId) {
        return Actors.as("instructeur", () -> commission.create(campaignId,
                "CP-PT-" + Long.toString(System.nanoTime(), 36), TODAY.minusDays(1)));
    }

    private ProcessInstance lifecycle(AwaitingVote.Line line) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("application-lifecycle")
                .processInstanceBusinessKey(line.reference()).singleResult();
    }

    private int decisions(AwaitingVote.Line line) {
        return jdbc.queryForObject("select count(*) from decision where application_id = ?", Integer.class,
                line.applicationId());
    }

    private String status(AwaitingVote.Line line) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, line.applicationId());
    }

    /** A délibération number no sitting of this database has yet (the test database outlives a run). */
    private String freshDeliberationNumber() {
        Set<String> used = new HashSet<>(jdbc.queryForList(
                "select deliberation_number from cp_sitting where deliberation_number is not null", String.class));
        for (int n = 1; n < 1000; n++) {
            String number = String.format("CP-%d-%02d-%03d", TODAY.getYear(), TODAY.getMonthValue(), n);
            if (!used.contains(number)) {
                return number;
            }
        }
        throw new IllegalStateException("no délibération number left for the tests");
    }
}
