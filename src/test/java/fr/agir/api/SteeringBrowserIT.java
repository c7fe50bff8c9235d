package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The steering dashboard in headless Chromium: an instructor opens it, reads when its figures were computed
 * (they are kept a minute, issue 21) and its charts' data; axe-core checks it at 1366 and 375 px.
 */
class SteeringBrowserIT extends BrowserTestSupport {

    @Test
    void anInstructorReadsTheDashboardAndWhenItsFiguresWereComputed() {
        openCampaign(30);
        signIn("instructeur");
        browser.driver.get(url("/pilotage"));
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Chiffres calculés à"));
        assertThat(browser.find(By.id("pilotage-calcul")).getText())
                .matches("Chiffres calculés à \\d{2} h \\d{2} ; ils sont recalculés toutes les (\\d+ )?minutes\\.");
        assertThat(browser.text()).contains("Candidatures par étape", "Montants, enveloppe et crédits");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }
}
