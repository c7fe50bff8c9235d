package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.agir.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Jury sessions through the HTTP API, on MariaDB: conflicts of interest (declared, suggested, decided
 * by an administrator) keep a member away from an application whatever the way in; scores stay hidden
 * until one's own is submitted; closing over the envelope is refused; closing hands each result to its
 * application's process.
 */
class JuryApiIT extends ApiTestSupport {
    private static final String NOT_FOUND = "urn:agir:probleme:introuvable";
    private static final String INVALID = "urn:agir:probleme:saisie-invalide";
    private static final String CONFLICT = "urn:agir:probleme:etat-incompatible";

    @Test
    void aMemberInConflictNeverReachesTheApplicationEvenByItsIdAndOnlyAnAdministratorOverridesIt() {
        JurySetup jury = juryInScoring(List.of("jury", "jure2", "jure3"), 2, 2);
        String session = jury.sessionId();
        Voted a = jury.applications().get(0);
        String member = membersOf(session, a.applicationId()).get(0);
        String caseUrl = "/api/jury/my-sessions/" + session + "/applications/" + a.applicationId();
        assertThat(get(member, caseUrl).get("reference")).isEqualTo(a.reference());

        Map<String, Object> conflict = post(member, "/api/jury/my-conflicts", Map.of("structureId", a.structureId(),
                "type", "OFFICER", "comment", "Je siège à son bureau"));
        assertThat(conflict.get("status")).isEqualTo("DECLARED");
        for (ResponseEntity<Map<String, Object>> refused : List.of(call(member, HttpMethod.GET, caseUrl, null),
                call(member, HttpMethod.PUT, caseUrl + "/score", Map.of("values", Map.of(jury.criteria().get(0), 3))),
                call(member, HttpMethod.POST, caseUrl + "/score", Map.of("values", Map.of(jury.criteria().get(0), 3,
                        jury.criteria().get(1), 3))),
                call(member, HttpMethod.GET, caseUrl + "/scores", null))) {
            assertProblem(refused, 404, NOT_FOUND);
            assertThat(String.valueOf(refused.getBody())).doesNotContain(a.reference());
        }
        Map<String, Object> mine = get(member, "/api/jury/my-sessions/" + session);
        assertThat((List<Map<String, Object>>) mine.get("assigned")).extracting(m -> String.valueOf(m.get("applicationId")))
                .doesNotContain(a.applicationId());
        assertThat(count("select count(*) from audit_event where action = 'JURY_UNASSIGNED' and application_id = ?",
                Long.valueOf(a.applicationId()))).isEqualTo(1);

        // The DIEESS cannot put him back by hand; the planner fills the place with someone else.
        assertProblem(call("instructeur", HttpMethod.POST, "/api/jury/sessions/" + session + "/assignments",
                Map.of("applicationId", a.applicationId(), "username", member, "reason", "Essai")), 409, CONFLICT);
        post("instructeur", "/api/jury/sessions/" + session + "/assignments/automatic", null);
        assertThat(membersOf(session, a.applicationId())).hasSize(2).doesNotContain(member);

        // Only an administrator overrides a conflict, with a reason, and it is traced.
        String conflictId = String.valueOf(conflict.get("id"));
        String decision = "/api/jury/conflicts/" + conflictId + "/decision";
        for (String notAdmin : List.of(member, "instructeur", "porteur")) {
            assertThat(call(notAdmin, HttpMethod.POST, decision, Map.of("decision", "DISMISS", "reason", "x"))
                    .getStatusCode().value()).as(notAdmin).isEqualTo(403);
        }
        assertProblem(call("admin", HttpMethod.POST, decision, Map.of("decision", "DISMISS")), 422, INVALID);
        assertThat(post("admin", decision, Map.of("decision", "PIN")).get("pinned")).isEqualTo(true);
        assertThat(call(member, HttpMethod.DELETE, "/api/jury/my-conflicts/" + conflictId, null).getStatusCode().value())
                .as("a pinned conflict is not the member's to withdraw").isEqualTo(403);
        assertThat(count("select count(*) from audit_event where entity_type = 'JURY_CONFLICT' and entity_id = ? "
                + "and action in ('CONFLICT_DECLARED', 'CONFLICT_PINNED')", Long.valueOf(conflictId))).isEqualTo(2);

        // A structure outside his sessions, another member's conflict: 404, as if they did not exist.
        Map<String, Object> elsewhere = registerStructure("porteuse");
        assertProblem(call(member, HttpMethod.POST, "/api/jury/my-conflicts", Map.of("structureId", elsewhere.get("id"),
                "type", "OTHER")), 404, NOT_FOUND);
        String other = List.of("jury", "jure2", "jure3").stream().filter(u -> !u.equals(member)).findFirst().orElseThrow();
        assertProblem(call(other, HttpMethod.DELETE, "/api/jury/my-conflicts/" + conflictId, null), 404, NOT_FOUND);
        assertThat(call("porteur", HttpMethod.GET, "/api/jury/my-sessions", null).getStatusCode().value()).isEqualTo(403);
        assertThat(call("jury", HttpMethod.GET, "/api/jury/sessions/" + session, null).getStatusCode().value())
                .as("members do not run sessions").isEqualTo(403);
    }

    @Test
    void aMemberSeesTheOthersScoresOnlyOnceHisOwnIsSubmittedAndThenItIsFinal() {
        JurySetup jury = juryInScoring(List.of("jury", "jure2"), 2, 1);
        String session = jury.sessionId();
        Voted a = jury.applications().get(0);
        Long social = jury.criteria().get(0);
        Long model = jury.criteria().get(1);
        String caseUrl = "/api/jury/my-sessions/" + session + "/applications/" + a.applicationId();

        post("jure2", caseUrl + "/score", Map.of("values", Map.of(social, 5, model, 5), "comment", "Excellent projet"));
        assertThat(call("jury", HttpMethod.GET, caseUrl + "/scores", null).getStatusCode().value()).isEqualTo(403);
        assertThat(String.valueOf(get("jury", caseUrl))).as("the case view carries no one else's score")
                .doesNotContain("Excellent projet");
        ResponseEntity<Map<String, Object>> draft = call("jury", HttpMethod.PUT, caseUrl + "/score",
                Map.of("values", Map.of(social, 1), "comment", "À revoir"));
        assertThat(draft.getBody().get("status")).isEqualTo("DRAFT");
        assertThat(call("jury", HttpMethod.GET, caseUrl + "/scores", null).getStatusCode().value())
                .as("a draft does not open the others' scores").isEqualTo(403);

        // Bad scores: out of the scale, a criterion of no grid, a required criterion left out.
        assertThat(((Map<String, String>) call("jury", HttpMethod.POST, caseUrl + "/score",
                Map.of("values", Map.of(social, 9, model, 1))).getBody().get("erreurs"))).containsKey("criterion-" + social);
        assertProblem(call("jury", HttpMethod.POST, caseUrl + "/score", Map.of("values", Map.of(social, 1, 999999, 1))),
                422, INVALID);
        assertProblem(call("jury", HttpMethod.POST, caseUrl + "/score", Map.of("values", Map.of(social, 1))), 422, INVALID);

        Map<String, Object> submitted = post("jury", caseUrl + "/score", Map.of("values", Map.of(social, 1, model, 2),
                "comment", "Utilité peu démontrée"));
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        // (2×1/5 + 1×2/5) / 3 × 20 = 5.33; the other member's 20: spread 14.67, a strong disagreement.
        assertThat(submitted.get("weighted")).isEqualTo(5.33);
        Map<String, Object> scores = get("jury", caseUrl + "/scores");
        assertThat((List<Map<String, Object>>) scores.get("scores")).extracting(s -> s.get("comment"))
                .containsExactlyInAnyOrder("Excellent projet", "Utilité peu démontrée");
        assertThat(scores.get("mean")).isEqualTo(12.67);
        assertThat(scores.get("median")).isEqualTo(12.67);
        assertThat(scores.get("spread")).isEqualTo(14.67);
        assertThat(scores.get("disagreement")).isEqualTo(true);
        assertThat((List<String>) scores.get("eliminatedBy")).as("mean 3 on a criterion eliminatory below 2").isEmpty();
        assertProblem(call("jury", HttpMethod.POST, caseUrl + "/score", Map.of("values", Map.of(social, 5, model, 5))),
                409, CONFLICT);
        assertThat(count("select count(*) from audit_event where action = 'JURY_SCORE_SUBMITTED' and application_id = ?",
                Long.valueOf(a.applicationId()))).isEqualTo(2);
    }

    @Test
    void closingOverTheEnvelopeIsRefusedAndClosingHandsEachResultToItsApplication() throws Exception {
        // 10 000, 11 000 and 12 000 € requested; 15 000 € of operating envelope.
        JurySetup jury = juryInScoring(List.of("jury", "jure2"), 2, 3, 15000);
        String session = jury.sessionId();
        Voted first = jury.applications().get(0);
        Voted second = jury.applications().get(1);
        Voted third = jury.applications().get(2);
        Long social = jury.criteria().get(0);
        Long model = jury.criteria().get(1);
        Map<Voted, Integer> socialUtility = Map.of(first, 5, second, 3, third, 1);
        for (String member : List.of("jury", "jure2")) {
            for (Voted application : jury.applications()) {
                post(member, "/api/jury/my-sessions/" + session + "/applications/" + application.applicationId() + "/score",
                        Map.of("values", Map.of(social, socialUtility.get(application), model, 3)));
            }
        }
        String proposal = "/api/jury/sessions/" + session + "/applications/%s/proposal";
        assertProblem(call("instructeur", HttpMethod.PUT, proposal.formatted(first.applicationId()),
                favourable(10000)), 409, CONFLICT); // still scoring
        post("instructeur", "/api/jury/sessions/" + session + "/phase", Map.of("phase", "DELIBERATION"));

        Map<String, Object> ranking = get("instructeur", "/api/jury/sessions/" + session + "/ranking");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ranking.get("rows");
        assertThat(rows).extracting(r -> r.get("reference"))
                .containsExactly(first.reference(), second.reference(), third.reference());
        assertThat(rows.get(2).get("eliminatedBy")).as("social utility 1 of 5, eliminatory below 2")
                .isEqualTo(List.of("Utilité sociale"));
        assertProblem(call("instructeur", HttpMethod.PUT, proposal.formatted(third.applicationId()), favourable(5000)),
                409, CONFLICT);
        assertThat(((Map<String, String>) call("instructeur", HttpMethod.PUT, proposal.formatted(first.applicationId()),
                favourable(10001)).getBody().get("erreurs"))).as("never more than requested").containsKey("amounts.1");
        assertProblem(call("instructeur", HttpMethod.POST, "/api/jury/sessions/" + session + "/phase",
                Map.of("phase", "CLOSED")), 409, CONFLICT); // no opinion yet

        call("instructeur", HttpMethod.PUT, proposal.formatted(first.applicationId()), favourable(10000));
        call("instructeur", HttpMethod.PUT, proposal.formatted(second.applicationId()), favourable(11000));
        call("instructeur", HttpMethod.PUT, proposal.formatted(third.applicationId()),
                Map.of("verdict", "UNFAVORABLE", "comment", "Utilité sociale insuffisante"));
        Map<String, Object> operating = ((List<Map<String, Object>>) get("instructeur", "/api/jury/sessions/" + session
                + "/ranking").get("envelope")).get(0);
        assertThat(operating.get("nature")).isEqualTo("OPERATING");
        assertThat(operating.get("proposed")).isEqualTo(21000.0);
        assertThat(operating.get("remaining")).isEqualTo(-6000.0);
        ResponseEntity<Map<String, Object>> over = call("instructeur", HttpMethod.POST, "/api/jury/sessions/" + session
                + "/phase", Map.of("phase", "CLOSED"));
        assertProblem(over, 409, CONFLICT);
        assertThat(String.valueOf(over.getBody().get("detail"))).contains("dépassent l'enveloppe", "Fonctionnement");
        assertThat(get("instructeur", "/api/jury/sessions/" + session).get("phase")).isEqualTo("DELIBERATION");

        call("instructeur", HttpMethod.PUT, proposal.formatted(second.applicationId()), favourable(5000));
        assertThat(text(bytes("instructeur", "/api/jury/sessions/" + session + "/minutes")))
                .contains("Projet de procès-verbal");
        post("instructeur", "/api/jury/sessions/" + session + "/phase", Map.of("phase", "CLOSED"));

        for (Voted application : jury.applications()) {
            awaitWaitingAt(application.reference(), "Event_VoteReceived");
            assertThat(get("instructeur", "/api/applications/" + application.applicationId()).get("status"))
                    .isEqualTo("AWAITING_VOTE");
        }
        assertThat(count("select count(*) from application_amount where application_id = ? and kind = 'JURY' "
                + "and amount = 5000", Long.valueOf(second.applicationId()))).isEqualTo(1);
        assertThat(count("select count(*) from jury_result where application_id = ? and verdict = 'UNFAVORABLE'",
                Long.valueOf(third.applicationId()))).isEqualTo(1);
        String minutes = text(bytes("instructeur", "/api/jury/sessions/" + session + "/minutes"));
        assertThat(minutes).contains("Procès-verbal", first.reference(), third.reference(), "favorable, 1 an,",
                "défavorable", "Utilité sociale insuffisante", "Éliminé par la grille").doesNotContain("Projet de");
        assertProblem(call("instructeur", HttpMethod.PUT, proposal.formatted(first.applicationId()), favourable(10000)),
                409, CONFLICT);
        assertProblem(call("instructeur", HttpMethod.POST, "/api/applications/" + first.applicationId() + "/jury-result",
                Map.of("verdict", "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", 1))), 409, CONFLICT);
    }

    private static Map<String, Object> favourable(int amount) {
        return Map.of("verdict", "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", amount), "comment", "Projet utile");
    }

    @Test
    void agirSuggestsConflictsFromMembershipMandatesSharedSirenAndEmailDomain() {
        Map<String, Object> campaign = openCampaign(30);
        Object campaignId = campaign.get("id");
        Map<String, Object> lumiere = structure(TestData.randomSiret(), "presidente@asso-lumiere.fr");
        Map<String, Object> lumiereNord = structure(TestData.siretOfSameSiren((String) lumiere.get("siret")),
                "nord@example.org");
        Map<String, Object> jardins = structure(TestData.randomSiret(), "contact@gmail.com");
        Voted lumiereApplication = awaitingJury(campaignId, lumiere, 8000);
        awaitingJury(campaignId, lumiereNord, 8000);
        Voted jardinsApplication = awaitingJury(campaignId, jardins, 8000);
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        ResponseEntity<Map<String, Object>> badSession = call("instructeur", HttpMethod.POST, "/api/jury/sessions",
                Map.of("campaignId", campaignId, "name", "", "scoringOpens", today.toString(),
                        "scoringCloses", today.minusDays(1).toString(), "deliberationDate", today.toString(),
                        "jurorsPerApplication", 0, "members", List.of(Map.of("username", "pas un identifiant"))));
        assertProblem(badSession, 422, INVALID);
        assertThat((Map<String, String>) badSession.getBody().get("erreurs"))
                .containsKeys("name", "scoringCloses", "jurorsPerApplication");
        String session = String.valueOf(post("instructeur", "/api/jury/sessions", Map.of("campaignId", campaignId,
                "name", "Jury des suggestions", "scoringOpens", today.toString(),
                "scoringCloses", today.plusDays(5).toString(), "deliberationDate", today.plusDays(6).toString(),
                "jurorsPerApplication", 1, "members", List.of(
                        Map.of("username", "jury", "displayName", "Julie", "email", "julie@asso-lumiere.fr"),
                        Map.of("username", "jure2", "displayName", "Jean", "email", "jean@gmail.com"),
                        Map.of("username", "jure3", "displayName", "Jeanne", "email", "jeanne@jury.example.org"))))
                .get("id"));
        assertProblem(call("instructeur", HttpMethod.POST, "/api/jury/sessions/" + session + "/applications",
                Map.of("applicationIds", List.of(999999999))), 409, CONFLICT);
        post("instructeur", "/api/jury/sessions/" + session + "/applications", Map.of("applicationIds", List.of()));

        // Same e-mail domain as the legal representative (not a webmail): suggested.
        assertThat(conflictOf(session, "jury", lumiere)).containsEntry("status", "SUGGESTED");
        assertThat(conflictOf(session, "jure2", jardins)).as("gmail.com is everybody's").isEmpty();
        // A declared conflict makes the other establishment of the same SIREN a likely one.
        post("jure2", "/api/jury/my-conflicts", Map.of("structureId", lumiere.get("id"), "type", "FAMILY"));
        assertThat(conflictOf(session, "jure2", lumiereNord)).containsEntry("status", "SUGGESTED");
        // A mandate naming a structure's SIREN: suggested; a wrong SIREN is refused.
        assertProblem(call("jure3", HttpMethod.POST, "/api/jury/my-mandates", Map.of("organisation", "Les Jardins",
                "siren", "123456789", "role", "Trésorière")), 422, INVALID);
        post("jure3", "/api/jury/my-mandates", Map.of("organisation", "Les Jardins", "role", "Trésorière",
                "siren", String.valueOf(jardins.get("siret")).substring(0, 9)));
        assertThat(conflictOf(session, "jure3", jardins)).containsEntry("status", "SUGGESTED")
                .hasEntrySatisfying("comment", c -> assertThat((String) c).contains("Trésorière"));

        // The planner never assigns a suggested conflict; an administrator may dismiss it, with a trace.
        Map<String, Object> report = post("instructeur", "/api/jury/sessions/" + session + "/assignments/automatic", null);
        assertThat((List<?>) report.get("shortfalls")).isEmpty();
        assertThat(membersOf(session, lumiereApplication.applicationId())).doesNotContain("jury", "jure2");
        assertThat(membersOf(session, jardinsApplication.applicationId())).doesNotContain("jure3");
        String suggested = String.valueOf(conflictOf(session, "jury", lumiere).get("id"));
        post("admin", "/api/jury/conflicts/" + suggested + "/decision", Map.of("decision", "DISMISS",
                "reason", "Domaine partagé par une fédération, sans lien avec la structure"));
        assertThat(conflictOf(session, "jury", lumiere)).containsEntry("status", "DISMISSED");
        assertThat(count("select count(*) from audit_event where action = 'CONFLICT_DISMISSED' and entity_id = ?",
                Long.valueOf(suggested))).isEqualTo(1);
    }

    private Map<String, Object> structure(String siret, String legalRepEmail) {
        Map<String, Object> structure = post("porteur", "/api/structures", Map.of("name", "Association " + System.nanoTime(),
                "legalForm", "ASSOCIATION", "siret", siret, "addressLine", "5 rue Gabriel Péri",
                "postalCode", "93200", "commune", "Saint-Denis", "legalRepName", "Awa Diallo",
                "legalRepEmail", legalRepEmail, "iban", "FR76 3000 6000 0112 3456 7890 189", "bic", "AGRIFRPP"));
        provideRequiredPieces("porteur", structure.get("id"));
        return structure;
    }

    private Map<String, Object> conflictOf(String session, String member, Map<String, Object> structure) {
        return list("instructeur", "/api/jury/sessions/" + session + "/conflicts").stream()
                .filter(c -> member.equals(c.get("username")) && String.valueOf(structure.get("id"))
                        .equals(String.valueOf(c.get("structureId")))).findFirst().orElse(Map.of());
    }

    private List<String> membersOf(String session, String applicationId) {
        return list("instructeur", "/api/jury/sessions/" + session + "/assignments").stream()
                .filter(a -> String.valueOf(a.get("applicationId")).equals(applicationId))
                .flatMap(a -> ((List<String>) a.get("members")).stream()).sorted().toList();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
