package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Map;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;

/**
 * The portal's stepper for a grant carried by an arrêté attributif: the step after the vote names
 * both acts (« Convention ou arrêté »), not « Convention » alone; the page passes axe-core at 1366 and
 * 375 px (AGIR_SCREENSHOTS=<folder> keeps the screenshots).
 */
class PortalStepperBrowserIT extends BrowserTestSupport {

    @Test
    void aGrantedArreteShowsConventionOuArreteInTheStepper() {
        Map<String, Object> campaign = openCampaign(30);
        Voted voted = awaitingJury(campaign.get("id"), registerStructure("porteur"), 20000);
        post("instructeur", "/api/applications/" + voted.applicationId() + "/jury-result", Map.of("verdict",
                "FAVORABLE", "durationYears", 1, "amounts", Map.of("1", 15000)));
        post("instructeur", "/api/applications/" + voted.applicationId() + "/decision", Map.of("outcome", "ADOPTED",
                "deliberationNumber", "CP-2026-11-044",
                "deliberationDate", LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString()));
        await().atMost(PATIENCE).until(() -> {
            var response = call("porteur", org.springframework.http.HttpMethod.GET,
                    "/api/applications/" + voted.applicationId() + "/agreement", null);
            return response.getStatusCode().value() == 200 && "ARRETE".equals(response.getBody().get("instrument"));
        });

        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + voted.applicationId()));
        String stepper = browser.driver.findElement(By.cssSelector("ol.etapes")).getText();
        assertThat(stepper).contains("Convention ou arrêté").doesNotContain("Convention\n");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }
}
