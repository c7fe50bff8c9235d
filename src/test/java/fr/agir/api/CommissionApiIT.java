package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The Commission permanente through the API: a sitting of 300 lines (2 through the whole HTTP path,
 * 298 written straight to the tables with their lifecycle started at the vote's catch event), its
 * report adjusted, the déports flagged, bad recordings refused with nothing changed, then the vote
 * recorded in one call: each lifecycle moves once, the adjourned one waits and comes back in the
 * next sitting's report, and a second recording is refused.
 */
class CommissionApiIT extends ApiTestSupport {
    private static final String VOTE_EVENT = "Event_VoteReceived";
    private static final LocalDate TODAY = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);

    @Autowired
    private HistoryService history;
    @Autowired
    private org.camunda.bpm.engine.ManagementService management;
    @Autowired
    private fr.agir.letter.DecisionLetterService decisionLetters;

    /** An application awaiting the vote, written to the tables, its lifecycle waiting at the vote's catch event. */
    record Line(long applicationId, String reference, long structureId, String siret) {
    }

    /** A délibération number no sitting of this database has yet (the test database outlives a run). */
    static String freshDeliberationNumber(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        java.util.Set<String> used = new java.util.HashSet<>(jdbc.queryForList(
                "select deliberation_number from cp_sitting where deliberation_number is not null", String.class));
        for (int n = 1; n < 1000; n++) {
            String number = String.format("CP-%d-11-%03d", TODAY.getYear(), n);
            if (!used.contains(number)) {
                return number;
            }
        }
        throw new IllegalStateException("no délibération number left for the tests");
    }

    private Line awaitingVote(long campaignId, int index, int years, int requested, int proposed) {
        return awaitingVote(jdbc, runtime, campaignId, index, years, requested, proposed);
    }

    static Line awaitingVote(org.springframework.jdbc.core.JdbcTemplate jdbc, org.camunda.bpm.engine.RuntimeService runtime,
                             long campaignId, int index, int years, int requested, int proposed) {
        Instant now = Instant.now();
        String siret = TestData.randomSiret();
        String name = "Association CP " + index + " " + Long.toString(System.nanoTime(), 36);
        jdbc.update("insert into structure (name, legal_form, siret, siren, address_line, postal_code, commune, "
                        + "commune_insee, ept, legal_rep_name, legal_rep_email, created_by, created_at) values "
                        + "(?, 'ASSOCIATION', ?, ?, '1 place de la Mairie', '93200', 'Saint-Denis', '93066', "
                        + "'PLAINE_COMMUNE', 'Awa Diallo', 'awa@example.org', 'porteur', ?)",
                name, siret, siret.substring(0, 9), Timestamp.from(now));
        long structureId = jdbc.queryForObject("select id from structure where siret = ?", Long.class, siret);
        String reference = "AGIR-CP-" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-" + index;
        jdbc.update("insert into application (reference, campaign_id, structure_id, title, description, thematic, "
                        + "target_public, territory, duration_years, status, submitted_at, submitted_by, created_by, "
                        + "created_at, updated_at) values (?, ?, ?, ?, 'Projet de quartier', 'TRANSITION_ECOLOGIQUE', "
                        + "'JEUNES', 'Saint-Denis', ?, 'AWAITING_VOTE', ?, 'porteur', 'porteur', ?, ?)",
                reference, campaignId, structureId, "Projet " + index, years, Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(now));
        long applicationId = jdbc.queryForObject("select id from application where reference = ?", Long.class, reference);
        for (int year = 1; year <= years; year++) {
            jdbc.update("insert into application_amount (application_id, grant_year, kind, amount) values (?, ?, 'REQUESTED', ?)",
                    applicationId, year, requested);
            jdbc.update("insert into application_amount (application_id, grant_year, kind, amount) values (?, ?, 'JURY', ?)",
                    applicationId, year, proposed);
        }
        jdbc.update("insert into jury_result (application_id, verdict, duration_years, recorded_by, recorded_at) "
                + "values (?, 'FAVORABLE', ?, 'instructeur', ?)", applicationId, years, Timestamp.from(now));
        runtime.createProcessInstanceByKey("application-lifecycle").businessKey(reference)
                .startBeforeActivity(VOTE_EVENT)
                .setVariables(Map.of("applicationId", applicationId, "thematic", "TRANSITION_ECOLOGIQUE",
                        "targetPublic", "JEUNES", "legalForm", "ASSOCIATION", "totalRequested", (long) requested * years,
                        "campaignId", campaignId, "ept", "PLAINE_COMMUNE"))
                .execute();
        return new Line(applicationId, reference, structureId, siret);
    }

    private Line realAwaitingVote(long campaignId, int requested, int proposed) {
        Voted voted = awaitingJury(campaignId, registerStructure("porteur"), requested);
        post("instructeur", "/api/applications/" + voted.applicationId() + "/jury-result", Map.of("verdict", "FAVORABLE",
                "durationYears", 1, "amounts", Map.of("1", proposed)));
        awaitWaitingAt(voted.reference(), VOTE_EVENT);
        return new Line(Long.parseLong(voted.applicationId()), voted.reference(), Long.parseLong(voted.structureId()),
                String.valueOf(get("porteur", "/api/structures/" + voted.structureId()).get("siret")));
    }

    /** What must not change when a recording is refused. */
    private record State(int decisions, int granted, int audit, long waiting, String status) {
    }

    private State state(long campaignId, String sittingId, List<String> references) {
        return new State(count("select count(*) from decision d join application a on a.id = d.application_id "
                        + "where a.campaign_id = ?", campaignId),
                count("select count(*) from application_amount m join application a on a.id = m.application_id "
                        + "where a.campaign_id = ? and m.kind = 'GRANTED'", campaignId),
                count("select count(*) from audit_event e join application a on a.id = e.application_id "
                        + "where a.campaign_id = ?", campaignId),
                references.stream().filter(r -> runtime.createExecutionQuery().processInstanceBusinessKey(r)
                        .activityId(VOTE_EVENT).count() > 0).count(),
                String.valueOf(get("instructeur", "/api/commission/seances/" + sittingId).get("sitting") instanceof Map<?, ?> s
                        ? s.get("status") : null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lineOf(Map<String, Object> report, long applicationId) {
        return ((List<Map<String, Object>>) report.get("lines")).stream()
                .filter(l -> ((Number) l.get("applicationId")).longValue() == applicationId).findFirst().orElseThrow();
    }

    private ResponseEntity<Map<String, Object>> vote(String sittingId, String number, LocalDate date,
                                                     List<Map<String, Object>> exceptions,
                                                     List<Map<String, Object>> recusals) {
        Map<String, Object> body = new HashMap<>();
        body.put("deliberationNumber", number);
        body.put("deliberationDate", date.toString());
        body.put("exceptions", exceptions);
        body.put("recusals", recusals);
        return call("instructeur", HttpMethod.POST, "/api/commission/seances/" + sittingId + "/vote", body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSittingOfThreeHundredLinesIsVotedInOneCallAndEachLifecycleMovesOnce() throws Exception {
        long campaignId = ((Number) openCampaign(30, 5_000_000, 200_000).get("id")).longValue();
        // Two through the whole HTTP path: one its structure linked to an elected member, one amended.
        Line linkedReal = realAwaitingVote(campaignId, 20000, 18000);
        Line amendedReal = realAwaitingVote(campaignId, 20000, 18000);
        List<Line> all = new ArrayList<>(List.of(linkedReal, amendedReal));
        for (int i = 0; i < 298; i++) {
            all.add(i % 10 == 0 ? awaitingVote(campaignId, i, 2, 12000, 9000) : awaitingVote(campaignId, i, 1, 10000, 9000));
        }
        List<String> references = all.stream().map(Line::reference).toList();
        Line linkedBulk = all.get(7);
        Line inactiveLinked = all.get(8);
        Line adjusted = all.get(2); // a two-year one (index 0 of the bulk)
        Line adjourned = all.get(20);
        Line unlisted = awaitingVote(((Number) openCampaign(30).get("id")).longValue(), 999, 1, 10000, 9000);

        // Elected members: two active with a declared link, one linked but no longer sitting.
        long elue = ((Number) post("instructeur", "/api/commission/elus", Map.of("fullName", "Mme Fatou Camara")).get("id")).longValue();
        long elu = ((Number) post("instructeur", "/api/commission/elus", Map.of("fullName", "M. Karim Benali")).get("id")).longValue();
        long ancien = ((Number) post("admin", "/api/commission/elus", Map.of("fullName", "M. Paul Ancien")).get("id")).longValue();
        post("instructeur", "/api/commission/elus/liens", Map.of("memberId", elue, "structureId", linkedReal.structureId(),
                "kind", "MANDATE", "description", "Présidente de l'association"));
        post("instructeur", "/api/commission/elus/liens", Map.of("memberId", elu, "siretOrRna", linkedBulk.siret(),
                "kind", "FAMILY", "description", "Son frère en est le trésorier"));
        post("instructeur", "/api/commission/elus/liens", Map.of("memberId", ancien, "siretOrRna", inactiveLinked.siret(),
                "kind", "EMPLOYMENT"));
        assertThat(callForText("instructeur", HttpMethod.POST, "/api/commission/elus/statut", Map.of("memberId", ancien,
                "active", false)).getStatusCode().value()).isEqualTo(200);
        assertProblem(call("instructeur", HttpMethod.POST, "/api/commission/elus/liens", Map.of("memberId", elu,
                "siretOrRna", "00000000000000", "kind", "OTHER")), 422, "urn:agir:probleme:saisie-invalide");

        // The sitting and its report.
        String sittingId = String.valueOf(post("instructeur", "/api/commission/seances", Map.of("campaignId", campaignId,
                "number", "CP-IT-" + Long.toString(System.nanoTime(), 36), "sittingDate", TODAY.minusDays(1).toString()))
                .get("id"));
        assertProblem(vote(sittingId, "CP-2026-11-001", TODAY, List.of(), List.of()), 409,
                "urn:agir:probleme:etat-incompatible");
        assertThat(post("instructeur", "/api/commission/seances/" + sittingId + "/rapport", null).get("added")).isEqualTo(300);
        assertThat(post("instructeur", "/api/commission/seances/" + sittingId + "/rapport", null).get("added"))
                .as("built twice: nothing more").isEqualTo(0);
        Map<String, Object> report = get("instructeur", "/api/commission/seances/" + sittingId);
        assertThat((List<Object>) report.get("lines")).hasSize(300);
        assertThat(((List<Map<String, Object>>) report.get("lines")).stream().filter(l -> (Boolean) l.get("recusalFlag"))
                .map(l -> ((Number) l.get("applicationId")).longValue()).collect(Collectors.toSet()))
                .as("flagged: the lines of structures linked to an active member, not to the one who left")
                .containsExactlyInAnyOrder(linkedReal.applicationId(), linkedBulk.applicationId());
        assertThat(lineOf(report, linkedReal.applicationId())).containsEntry("structure",
                get("porteur", "/api/structures/" + linkedReal.structureId()).get("name")).containsEntry("commune", "Saint-Denis")
                .containsEntry("ept", "Plaine Commune").containsEntry("siret", linkedReal.siret());
        assertThat(lineOf(report, linkedBulk.applicationId()).get("recusalsDue").toString()).contains("M. Karim Benali");
        String annex = callForText("instructeur", HttpMethod.GET, "/api/commission/seances/" + sittingId + "/annexe.csv").getBody();
        assertThat(annex.split("\r\n")).as("a header and one line per application").hasSize(301);
        assertThat(annex).startsWith("\uFEFFRéférence;Structure;SIRET").contains(linkedReal.reference() + ";")
                .contains("M. Karim Benali (lien familial)");

        // Adjustments: with a reason, within the request; the jury's proposal is kept beside.
        String adjust = "/api/commission/seances/" + sittingId + "/lignes/" + adjusted.applicationId();
        assertProblem(call("instructeur", HttpMethod.PUT, adjust, Map.of("durationYears", 2, "amounts",
                Map.of("1", 8000, "2", 7000))), 422, "urn:agir:probleme:saisie-invalide");
        assertProblem(call("instructeur", HttpMethod.PUT, adjust, Map.of("durationYears", 2, "amounts",
                Map.of("1", 13000, "2", 7000), "reason", "Trop")), 422, "urn:agir:probleme:saisie-invalide");
        Map<String, Object> adjustedLine = call("instructeur", HttpMethod.PUT, adjust, Map.of("durationYears", 2,
                "amounts", Map.of("1", 8000, "2", 7000), "reason", "Budget de communication réduit")).getBody();
        assertThat(adjustedLine).containsEntry("adjusted", true).containsEntry("adjustmentReason", "Budget de communication réduit");
        assertThat(adjustedLine.get("proposedAmounts").toString()).contains("9000");
        assertThat(adjustedLine.get("reportAmounts").toString()).contains("8000").contains("7000");
        // Totals: 2 real × 18 000 + 30 two-year × 9 000 (one adjusted to 8 000) + 268 × 9 000 in year 1.
        report = get("instructeur", "/api/commission/seances/" + sittingId);
        assertThat(new java.math.BigDecimal(((Map<String, Object>) report.get("totals")).get("1").toString()))
                .isEqualByComparingTo(String.valueOf(2 * 18000 + 297 * 9000 + 8000));
        assertThat(new java.math.BigDecimal(((Map<String, Object>) report.get("totals")).get("2").toString()))
                .isEqualByComparingTo(String.valueOf(29 * 9000 + 7000));
        // The applicant learns nothing of the report before the vote.
        String applicantHistory = callForText("porteur", HttpMethod.GET, "/api/applications/" + linkedReal.applicationId()
                + "/history").getBody();
        assertThat(applicantHistory).doesNotContain("Commission permanente", "rapport", "Rapport");
        assertThat(callForText("porteur", HttpMethod.GET, "/api/commission/seances/" + sittingId).getStatusCode().value())
                .isEqualTo(403);

        post("instructeur", "/api/commission/seances/" + sittingId + "/envoi", null);
        assertProblem(call("instructeur", HttpMethod.PUT, adjust, Map.of("durationYears", 1, "amounts", Map.of("1", 5000),
                "reason", "Après envoi")), 409, "urn:agir:probleme:etat-incompatible");

        List<Map<String, Object>> exceptions = List.of(
                Map.of("applicationId", amendedReal.applicationId(), "outcome", "AMENDED", "durationYears", 1,
                        "amounts", Map.of("1", 15000)),
                Map.of("applicationId", all.get(30).applicationId(), "outcome", "AMENDED", "amounts", Map.of("1", 6000)),
                Map.of("applicationId", all.get(12).applicationId(), "outcome", "AMENDED", "durationYears", 1,
                        "amounts", Map.of("1", 10000)),
                Map.of("applicationId", all.get(40).applicationId(), "outcome", "REJECTED",
                        "motivation", "Le projet ne relève pas des thématiques de l'appel"),
                Map.of("applicationId", all.get(41).applicationId(), "outcome", "REJECTED",
                        "motivation", "Budget prévisionnel insuffisamment étayé"),
                Map.of("applicationId", adjourned.applicationId(), "outcome", "ADJOURNED"));
        List<Map<String, Object>> recusals = List.of(
                Map.of("applicationId", linkedReal.applicationId(), "memberId", elue),
                Map.of("applicationId", linkedBulk.applicationId(), "memberId", elu));
        String number = freshDeliberationNumber(jdbc);

        // Refused, each with nothing changed.
        State before = state(campaignId, sittingId, references);
        assertThat(before).isEqualTo(new State(0, 0, before.audit(), 300, "REPORT_SENT"));
        List<Map<String, Object>> notInReport = new ArrayList<>(exceptions);
        notInReport.add(Map.of("applicationId", unlisted.applicationId(), "outcome", "ADJOURNED"));
        assertProblem(vote(sittingId, number, TODAY, notInReport, recusals), 422, "urn:agir:probleme:saisie-invalide");
        assertThat(state(campaignId, sittingId, references)).as("a line not in the report").isEqualTo(before);
        ResponseEntity<Map<String, Object>> badNumber = vote(sittingId, "CP-26-11-42", TODAY, exceptions, recusals);
        assertProblem(badNumber, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(badNumber.getBody().get("detail").toString()).contains("CP-AAAA-MM-NNN");
        assertThat(state(campaignId, sittingId, references)).as("a number in a wrong format").isEqualTo(before);
        List<Map<String, Object>> aboveRequest = new ArrayList<>(exceptions);
        aboveRequest.set(0, Map.of("applicationId", amendedReal.applicationId(), "outcome", "AMENDED",
                "amounts", Map.of("1", 20001)));
        ResponseEntity<Map<String, Object>> above = vote(sittingId, number, TODAY, aboveRequest, recusals);
        assertProblem(above, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(above.getBody().get("detail").toString()).contains("dépasser le montant demandé");
        assertThat(state(campaignId, sittingId, references)).as("an amendment above the request").isEqualTo(before);
        List<Map<String, Object>> unmotivated = new ArrayList<>(exceptions);
        unmotivated.set(3, Map.of("applicationId", all.get(40).applicationId(), "outcome", "REJECTED"));
        assertProblem(vote(sittingId, number, TODAY, unmotivated, recusals), 422, "urn:agir:probleme:saisie-invalide");
        assertProblem(vote(sittingId, number, TODAY.plusDays(1), exceptions, recusals), 422,
                "urn:agir:probleme:saisie-invalide");
        assertProblem(vote(sittingId, number, TODAY.minusDays(2), exceptions, recusals), 422,
                "urn:agir:probleme:saisie-invalide");
        assertThat(state(campaignId, sittingId, references)).as("unmotivated rejection, future date, date before the sitting")
                .isEqualTo(before);

        // Recorded in one call.
        long started = System.nanoTime();
        ResponseEntity<Map<String, Object>> voted = vote(sittingId, number, TODAY, exceptions, recusals);
        org.slf4j.LoggerFactory.getLogger(CommissionApiIT.class).info("300-line sitting recorded in {} ms",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(voted.getStatusCode().value()).as(String.valueOf(voted.getBody())).isEqualTo(200);
        assertThat((Map<String, Object>) voted.getBody().get("outcomes")).containsEntry("ADOPTED", 294)
                .containsEntry("AMENDED", 3).containsEntry("REJECTED", 2).containsEntry("ADJOURNED", 1);
        assertThat(voted.getBody()).containsEntry("recusals", 2);

        State after = state(campaignId, sittingId, references);
        assertThat(after.decisions()).isEqualTo(299);
        assertThat(after.waiting()).as("only the adjourned line still waits for the vote").isEqualTo(1);
        assertThat(after.status()).isEqualTo("VOTED");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(adjourned.reference()).activityId(VOTE_EVENT)
                .count()).isEqualTo(1);
        // Each lifecycle consumed the vote message once: one finished catch event per voted application.
        Set<String> votedInstances = new java.util.HashSet<>();
        for (Line line : all) {
            String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(line.reference())
                    .processDefinitionKey("application-lifecycle").singleResult().getId();
            long finished = history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(VOTE_EVENT)
                    .finished().count();
            assertThat(finished).as(line.reference()).isEqualTo(line == adjourned ? 0 : 1);
            if (finished == 1) {
                votedInstances.add(instance);
            }
        }
        assertThat(votedInstances).hasSize(299);
        assertThat(count("select count(*) from audit_event where action = 'VOTE_RECORDED' and application_id in "
                + "(select id from application where campaign_id = ?)", campaignId)).isEqualTo(299);
        assertThat(count("select count(*) from decision where sitting_id = ? and deliberation_number = ?",
                Long.parseLong(sittingId), number)).isEqualTo(299);

        // The amounts: adopted as proposed, as adjusted, as amended; rejected with their motivation.
        assertThat(jdbc.queryForObject("select amount from application_amount where application_id = ? and kind = 'GRANTED' "
                + "and grant_year = 1", java.math.BigDecimal.class, all.get(3).applicationId())).isEqualByComparingTo("9000");
        assertThat(jdbc.queryForList("select amount from application_amount where application_id = ? and kind = 'GRANTED' "
                + "order by grant_year", java.math.BigDecimal.class, adjusted.applicationId()))
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(new java.math.BigDecimal("8000"),
                        new java.math.BigDecimal("7000"));
        assertThat(jdbc.queryForList("select amount from application_amount where application_id = ? and kind = 'GRANTED'",
                java.math.BigDecimal.class, all.get(12).applicationId())).as("amended to one year")
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(new java.math.BigDecimal("10000"));
        assertThat(jdbc.queryForObject("select motivation from decision where application_id = ?", String.class,
                all.get(40).applicationId())).isEqualTo("Le projet ne relève pas des thématiques de l'appel");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                all.get(41).applicationId())).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class,
                adjourned.applicationId())).isEqualTo("AWAITING_VOTE");
        assertThat(count("select count(*) from decision where application_id = ?", adjourned.applicationId())).isZero();
        report = get("instructeur", "/api/commission/seances/" + sittingId);
        assertThat(lineOf(report, linkedBulk.applicationId()).get("recused").toString()).contains("M. Karim Benali");
        assertThat(lineOf(report, adjourned.applicationId())).containsEntry("outcome", "ADJOURNED");
        // The applicant learns the vote now, in words.
        assertThat(callForText("porteur", HttpMethod.GET, "/api/applications/" + amendedReal.applicationId() + "/history")
                .getBody()).contains("Subvention votée par la Commission permanente");

        // Recorded twice: refused, nothing changed.
        State voted1 = state(campaignId, sittingId, references);
        assertProblem(vote(sittingId, freshDeliberationNumber(jdbc), TODAY, List.of(), List.of()), 409,
                "urn:agir:probleme:etat-incompatible");
        assertThat(state(campaignId, sittingId, references).decisions()).isEqualTo(voted1.decisions());
        assertThat(state(campaignId, sittingId, references).waiting()).isEqualTo(1);

        // The adjourned line comes back in the next sitting's report, alone.
        String next = String.valueOf(post("instructeur", "/api/commission/seances", Map.of("campaignId", campaignId,
                "number", "CP-IT-" + Long.toString(System.nanoTime(), 36), "sittingDate", TODAY.toString())).get("id"));
        assertThat(post("instructeur", "/api/commission/seances/" + next + "/rapport", null).get("added")).isEqualTo(1);
        assertThat(((List<Map<String, Object>>) get("instructeur", "/api/commission/seances/" + next).get("lines")))
                .extracting(l -> ((Number) l.get("applicationId")).longValue()).containsExactly(adjourned.applicationId());

        // The amended amount reaches the legal act of the application that went through the whole path: one
        // year at 15,000 € is below the agreement threshold, so an arrêté attributif (bpmn/legal-instrument.dmn).
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.queryForObject(
                "select count(*) from agreement where application_id = ?", Integer.class, amendedReal.applicationId()) > 0);
        Map<String, Object> act = get("porteur", "/api/applications/" + amendedReal.applicationId() + "/agreement");
        assertThat(new java.math.BigDecimal(String.valueOf(act.get("totalAmount")))).isEqualByComparingTo("15000");
        assertThat(act.get("instrument")).isEqualTo("ARRETE");
        // The agreements of the other lines are generated by the job executor: let it finish before the next test.
        await().atMost(Duration.ofMinutes(5)).until(() -> management.createJobQuery().executable().count() == 0);

        assertDecisionLetters(campaignId, all, adjourned, amendedReal, all.get(40));
    }

    /**
     * After the jobs: each decided line has exactly one letter, e-mailed once with its PDF (the adjourned
     * line none); generating again sends nothing; the structure reads its letter, nobody else but the DIEESS.
     */
    @SuppressWarnings("unchecked")
    private void assertDecisionLetters(long campaignId, List<Line> all, Line adjourned, Line amendedReal, Line rejected)
            throws Exception {
        String ofCampaign = " from decision_letter l join application a on a.id = l.application_id where a.campaign_id = ?";
        assertThat(count("select count(*)" + ofCampaign, campaignId)).as("one letter per decision").isEqualTo(299);
        assertThat(count("select count(distinct l.application_id)" + ofCampaign, campaignId)).isEqualTo(299);
        assertThat(count("select count(distinct l.mail_message_id)" + ofCampaign, campaignId)).as("one e-mail each")
                .isEqualTo(299);
        assertThat(count("select count(*)" + ofCampaign + " and exists (select 1 from mail_attachment m where "
                + "m.message_id = l.mail_message_id and m.file_name = l.file_name and m.content = l.content)", campaignId))
                .as("each e-mail carries its letter's PDF").isEqualTo(299);
        assertThat(count("select count(*)" + ofCampaign + " and l.kind = 'REFUSAL'", campaignId)).isEqualTo(2);
        assertThat(count("select count(*) from decision_letter where application_id = ?", adjourned.applicationId()))
                .as("an adjourned line is not decided: no letter").isZero();
        assertThat(decisionLetters.send(all.get(5).applicationId())).as("generating again sends nothing").isEmpty();
        assertThat(count("select count(*)" + ofCampaign, campaignId)).isEqualTo(299);
        assertThat(count("select count(*) from audit_event where action = 'LETTER_SENT' and application_id in "
                + "(select id from application where campaign_id = ?)", campaignId)).isEqualTo(299);

        // The structure's e-mail, received with the letter and the arrêté attached.
        jakarta.mail.internet.MimeMessage mail = await().atMost(Duration.ofMinutes(3))
                .until(() -> TestSmtp.get().withSubject("Notification d'attribution de subvention — candidature "
                        + amendedReal.reference()), m -> !m.isEmpty()).get(0);
        byte[] attached = attachment(mail, "notification-attribution-" + amendedReal.reference() + ".pdf");
        assertThat(attached).isNotNull();
        assertThat(pdfText(attached)).contains("15 000,00 € (quinze mille euros)", "a modifié la proposition");
        assertThat(attachment(mail, "arrete-" + get("porteur", "/api/applications/" + amendedReal.applicationId()
                + "/agreement").get("number") + ".pdf")).as("the arrêté travels with its letter").isNotNull();

        // The structure lists and downloads its letter; the DIEESS too; anybody else is told nothing.
        List<Map<String, Object>> letters = list("porteur", "/api/applications/" + amendedReal.applicationId() + "/letters");
        assertThat(letters).singleElement().satisfies(l -> assertThat(l).containsEntry("kind", "ATTRIBUTION")
                .containsEntry("title", "Notification d'attribution de subvention"));
        String letterId = String.valueOf(letters.get(0).get("id"));
        String content = "/api/applications/" + amendedReal.applicationId() + "/letters/" + letterId + "/content";
        assertThat(pdfText(bytes("porteur", content))).contains("CP-" + TODAY.getYear());
        assertThat(list("instructeur", "/api/applications/" + amendedReal.applicationId() + "/letters")).hasSize(1);
        String portal = "/portail/candidatures/" + amendedReal.applicationId() + "/courriers/" + letterId;
        ResponseEntity<String> download = browser(signedInSession("porteur"), HttpMethod.GET, portal, null);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentType().toString()).startsWith("application/pdf");
        String page = browser(signedInSession("porteur"), HttpMethod.GET, "/portail/candidatures/"
                + amendedReal.applicationId(), null).getBody();
        assertThat(page).contains("Courriers", "Notification d&#39;attribution de subvention", portal);
        for (String intruder : List.of("porteuse", "jury", "avis-dpas")) {
            assertThat(callForText(intruder, HttpMethod.GET, "/api/applications/" + amendedReal.applicationId()
                    + "/letters").getStatusCode().value()).as(intruder).isIn(403, 404);
            assertThat(callForText(intruder, HttpMethod.GET, content).getStatusCode().value()).as(intruder).isIn(403, 404);
            assertThat(browser(signedInSession(intruder), HttpMethod.GET, portal, null).getStatusCode().value())
                    .as(intruder).isIn(403, 404);
        }
        // A letter reached through another application's id: not found.
        assertThat(callForText("instructeur", HttpMethod.GET, "/api/applications/" + rejected.applicationId()
                + "/letters/" + letterId + "/content").getStatusCode().value()).isEqualTo(404);
        String refusalId = String.valueOf(list("instructeur", "/api/applications/" + rejected.applicationId() + "/letters")
                .get(0).get("id"));
        assertThat(pdfText(bytes("instructeur", "/api/applications/" + rejected.applicationId() + "/letters/" + refusalId
                + "/content"))).contains("Le projet ne relève pas des thématiques de l'appel", "Voies et délais de recours",
                "tribunal administratif de Montreuil");
    }

    private static byte[] attachment(jakarta.mail.Part part, String fileName) throws Exception {
        if (fileName.equals(part.getFileName())) {
            return part.getInputStream().readAllBytes();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i), fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
                    .replace('\u202f', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void theOneApplicationVoteKeepsItsApiOnTheSameRules() {
        long campaignId = ((Number) openCampaign(30).get("id")).longValue();
        Line line = awaitingVote(campaignId, 1, 1, 10000, 9000);
        String path = "/api/applications/" + line.applicationId() + "/decision";
        String number = String.format("CP-%d-11-%03d", TODAY.getYear(), line.applicationId() % 1000);
        assertProblem(call("instructeur", HttpMethod.POST, path, Map.of("outcome", "ADOPTED", "deliberationNumber", "CP-X",
                "deliberationDate", TODAY.toString())), 422, "urn:agir:probleme:saisie-invalide");
        assertProblem(call("instructeur", HttpMethod.POST, path, Map.of("outcome", "REJECTED", "deliberationNumber", number,
                "deliberationDate", TODAY.toString())), 422, "urn:agir:probleme:saisie-invalide");
        assertProblem(call("instructeur", HttpMethod.POST, path, Map.of("outcome", "AMENDED", "deliberationNumber", number,
                "deliberationDate", TODAY.toString(), "amounts", Map.of("1", 10001))), 422, "urn:agir:probleme:saisie-invalide");
        assertThat(count("select count(*) from decision where application_id = ?", line.applicationId())).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(line.reference()).activityId(VOTE_EVENT).count())
                .isEqualTo(1);

        Map<String, Object> decision = post("instructeur", path, Map.of("outcome", "REJECTED", "deliberationNumber", number,
                "deliberationDate", TODAY.toString(), "motivation", "Hors du périmètre de l'appel"));
        assertThat(decision).containsEntry("outcome", "REJECTED").containsEntry("motivation", "Hors du périmètre de l'appel");
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, line.applicationId()))
                .isEqualTo("REJECTED");
        assertProblem(call("instructeur", HttpMethod.POST, path, Map.of("outcome", "ADOPTED", "deliberationNumber", number,
                "deliberationDate", TODAY.toString())), 409, "urn:agir:probleme:etat-incompatible");
    }
}
