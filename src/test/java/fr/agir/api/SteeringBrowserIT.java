package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The steering pages in headless Chromium, as an instructor: the dashboard reached from the header, every
 * chart drawn (a canvas) with its text alternative and its data table, the communes map recoloured by another
 * measure, the time its figures were computed; then the process map drawn by bpmn-js with its counters and
 * the list of a step's applications.
 * axe-core at 1366 and 375 px, no Content-Security-Policy violation.
 */
class SteeringBrowserIT extends BrowserTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.TaskService taskService;


    @Test
    void anInstructorReadsTheDashboardTheMapAndTheProcessMap() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> draft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 12000, 20000)));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        // Overdue, so that the step's list (overdue first, 200 at most) shows it whatever else waits there.
        taskService.setDueDate(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId(),
                java.util.Date.from(java.time.Instant.now().minusSeconds(86_400)));

        signIn("instructeur");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Pilotage")).click();
        browser.await(d -> d.findElement(By.tagName("h1")).getText().contains("Pilotage"));
        new Select(browser.find(By.id("campagne"))).selectByValue(String.valueOf(campaign.get("id")));
        browser.find(By.xpath("//button[normalize-space()='Afficher']")).click();
        browser.await(d -> d.getCurrentUrl().contains("campagne=" + campaign.get("id")));
        List<String> charts = List.of("etapes", "montants", "thematiques", "ept", "carte", "editions");
        browser.await(d -> charts.stream().allMatch(name -> "oui".equals(d.findElement(
                By.cssSelector("[data-graphique='" + name + "']")).getDomAttribute("data-rendu"))));
        for (String name : charts) {
            WebElement chart = browser.find(By.cssSelector("[data-graphique='" + name + "']"));
            assertThat(chart.findElements(By.tagName("canvas"))).as(name).isNotEmpty();
            assertThat(chart.getDomAttribute("role")).isEqualTo("img");
            assertThat(chart.getDomAttribute("aria-label")).as(name).isNotBlank();
        }
        assertThat(browser.find(By.cssSelector("[data-graphique='etapes']")).getDomAttribute("aria-label"))
                .contains("Déposées 1");
        assertThat(browser.driver.findElements(By.cssSelector("details table caption"))).hasSizeGreaterThanOrEqualTo(6);
        // The figures are kept a minute (issue 21): the page says when they were computed.
        assertThat(browser.find(By.id("pilotage-calcul")).getText())
                .matches("Chiffres calculés à \\d{2} h \\d{2} ; ils sont recalculés toutes les (\\d+ )?minutes\\.");
        new Select(browser.find(By.id("carte-mesure"))).selectByValue("granted");
        assertThat(browser.text()).contains("Licence Ouverte");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.linkText("Voir la carte du processus")).click();
        browser.await(d -> "oui".equals(d.findElement(By.id("carte-processus")).getDomAttribute("data-rendu")));
        assertThat(browser.driver.findElements(By.cssSelector(".djs-container svg"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".bjs-powered-by"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".djs-overlay .carte-processus__compteur"))).isNotEmpty();
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.linkText("Vérifier la recevabilité")).click();
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("En attente à l’étape"));
        assertThat(browser.driver.findElements(By.linkText(reference))).isNotEmpty();
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }
}
