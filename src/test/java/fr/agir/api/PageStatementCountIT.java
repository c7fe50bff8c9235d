package fr.agir.api;

import static fr.agir.api.SqlStatementCounter.grouped;
import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.workflow.ProcessKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/**
 * The applicant's home and the instructors' queue page read a fixed number of SQL statements, however
 * many applications, structures and tasks they show (issue 21: both pages once read the case file of
 * each structure, or counted every agreement, one by one). Counted per request by {@link SqlStatementCounter}.
 */
@Import(SqlStatementCounter.class)
class PageStatementCountIT extends ApiTestSupport {

    @Test
    void thePortalHomeRunsAsManyStatementsForOneApplicationAsForTwenty() {
        Map<String, Object> campaign = openCampaign(30);
        String session = signedInSession("porteuse");
        Object first = registerStructure("porteuse").get("id");
        sentBackForMissingPieces(draft("porteuse", campaign.get("id"), first, 1, List.of(budget(1, 8000, 10000))));
        List<String> few = statements(session, "/portail");

        List<Object> structures = new ArrayList<>();
        structures.add(first);
        structures.add(registerStructureWithoutDocuments("porteuse").get("id"));  // pieces missing: said on the home
        structures.add(registerStructure("porteuse").get("id"));
        structures.add(registerStructure("porteuse").get("id"));
        for (int i = 0; i < 20; i++) {
            Object structure = i % 5 == 0 ? structures.get(1) : structures.get(i % 4 == 1 ? 2 : i % 2 == 0 ? 0 : 3);
            Map<String, Object> draft = draft("porteuse", campaign.get("id"), structure, 1,
                    List.of(budget(1, 8000, 10000)));
            if (i % 3 == 0 && !structure.equals(structures.get(1))) {
                sentBackForMissingPieces(draft);
            }
        }
        String page = browser(session, HttpMethod.GET, "/portail", null).getBody();
        assertThat(page).contains("Déposez les pièces demandées").contains("Terminez et déposez votre brouillon")
                .contains("Pièces manquantes").contains("Dossier unique complet");
        List<String> many = statements(session, "/portail");

        assertThat(many.size()).as("statements of the home, 1 application and 1 structure:\n%s\n"
                + "21 applications and 4 structures:\n%s", grouped(few), grouped(many)).isEqualTo(few.size());
    }

    @Test
    void theQueuePageRunsAsManyStatementsForOneTaskAsForTwenty() {
        Map<String, Object> campaign = openCampaign(30);
        Object structure = registerStructure("porteur").get("id");
        String session = signedInSession("instructeur");
        submitted(draft("porteur", campaign.get("id"), structure, 1, List.of(budget(1, 8000, 10000))));
        String queue = "/instruction?campaignId=" + campaign.get("id");
        List<String> few = statements(session, queue);

        for (int i = 0; i < 20; i++) {
            submitted(draft("porteur", campaign.get("id"), structure, 1, List.of(budget(1, 1000 + 500 * i, 10000))));
        }
        assertThat(browser(session, HttpMethod.GET, queue, null).getBody()).contains("21 tâches");
        List<String> many = statements(session, queue);

        assertThat(many.size()).as("statements of the queue page, 1 task:\n%s\n21 tasks:\n%s",
                grouped(few), grouped(many)).isEqualTo(few.size());
    }

    /** The statements of the page's second request (the first warms what is cached for the session). */
    private List<String> statements(String session, String path) {
        List<String> counted = null;
        for (int i = 0; i < 2; i++) {
            String key = UUID.randomUUID().toString();
            HttpHeaders headers = new HttpHeaders();
            headers.add(SqlStatementCounter.HEADER, key);
            ResponseEntity<String> page = browser(session, HttpMethod.GET, path,
                    new HttpEntity<MultiValueMap<String, String>>(null, headers));
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            counted = SqlStatementCounter.statementsOf(key);
        }
        return counted;
    }

    private String submitted(Map<String, Object> draft) {
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        String reference = String.valueOf(draft.get("reference"));
        awaitWaitingAt(reference, ProcessKeys.TASK_CHECK_COMPLETENESS);
        return reference;
    }

    private void sentBackForMissingPieces(Map<String, Object> draft) {
        post("porteuse", "/api/applications/" + draft.get("id") + "/submit", null);
        String reference = String.valueOf(draft.get("reference"));
        awaitWaitingAt(reference, ProcessKeys.TASK_CHECK_COMPLETENESS);
        post("instructeur", "/api/applications/" + draft.get("id") + "/completeness", Map.of("outcome",
                "MISSING_PIECES", "missingPieces", "Budget signé"));
        awaitWaitingAt(reference, ProcessKeys.TASK_PROVIDE_MISSING_PIECES);
    }
}
