package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An applicant with many applications: the home lists the ten most recent and links to « Mes candidatures »,
 * which lists them all, page by page (issue 21: the home rendered every one of them at each visit).
 */
class PortalApplicationListBrowserIT extends BrowserTestSupport {

    @Test
    void theHomeListsTheTenMostRecentApplicationsAndLinksToAllOfThem() {
        Map<String, Object> campaign = openCampaign(30);
        Object structure = registerStructure("porteuse").get("id");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            references.add(String.valueOf(draft("porteuse", campaign.get("id"), structure, 1,
                    List.of(budget(1, 8000, 10000))).get("reference")));
        }
        int total = count("select count(*) from application where structure_id in "
                + "(select structure_id from structure_member where username = 'porteuse')");

        signIn("porteuse");
        browser.driver.get(url("/portail"));
        assertThat(browser.text()).contains("Vos 10 candidatures les plus récentes",
                "Toutes vos candidatures (" + total + ")");
        List<String> listed = browser.driver.findElements(By.cssSelector("section[aria-labelledby='candidatures'] tbody tr"))
                .stream().map(row -> row.findElement(By.tagName("a")).getText()).toList();
        List<String> newestFirst = new ArrayList<>(references.subList(2, 12));
        java.util.Collections.reverse(newestFirst);
        assertThat(listed).as("the ten most recent, newest first").isEqualTo(newestFirst);
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.linkText("Toutes vos candidatures (" + total + ")")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/portail/candidatures"));
        assertThat(browser.text()).contains("Mes candidatures");
        List<String> all = browser.driver.findElements(By.cssSelector("main tbody tr"))
                .stream().map(row -> row.findElement(By.tagName("a")).getText()).toList();
        assertThat(all).hasSize(Math.min(total, 50)).containsAll(references);
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }
}
