package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An instructor's day in the back office, in headless Chromium: the queue, the case view, a private
 * note, a request for missing pieces (a decision without a choice is refused next to its field).
 * axe-core checks every page.
 */
class InstructionBrowserIT extends BrowserTestSupport {

    @Test
    void anInstructorFindsACaseInTheQueueWritesANoteAndAsksForMissingPieces() {
        Map<String, Object> draft = oneYearDraft(budget(1, 12000, 20000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);
        post("porteur", "/api/applications/" + id + "/messages", Map.of("body", "Notre local ouvre en janvier."));
        awaitWaitingAt(reference, "Task_CheckCompleteness");

        signIn("instructeur");
        browser.find(By.linkText("Ma file de travail")).click();
        browser.assertAccessible();
        browser.driver.get(http.getRootUri() + "/instruction?campaignId=" + draft.get("campaignId"));
        assertThat(browser.text()).contains("1 tâche(s)", reference, "Vérifier la recevabilité");
        browser.find(By.xpath("//button[@aria-label='Prendre " + reference + "']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=tache"));
        assertThat(browser.text()).contains("Remettre dans la file");

        browser.find(By.linkText(reference)).click();
        browser.await(d -> d.getTitle().startsWith(reference));
        browser.assertAccessible();
        assertThat(browser.text()).contains("Dossier unique de la structure", "Statuts", "Budget prévisionnel, année 1",
                "Notre local ouvre en janvier.", "Chronologie");

        browser.type("Ajouter une note interne", "Structure connue : à rencontrer avant le jury.");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la note']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=note"));
        assertThat(browser.text()).contains("à rencontrer avant le jury");

        // A decision without a choice is refused, next to its field, and nothing is lost.
        browser.type("Pièces à fournir", "Attestation URSSAF de moins de 6 mois");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        browser.await(d -> d.findElement(By.id("erreurs")).getText().contains("Choisissez une décision"));
        assertThat(browser.fieldLabelled("Pièces à fournir").getAttribute("value")).contains("Attestation URSSAF");
        browser.assertAccessible();

        WebElement missing = browser.find(By.id("outcome-MISSING_PIECES"));
        browser.driver.findElement(By.cssSelector("label[for='outcome-MISSING_PIECES']")).click();
        browser.await(d -> missing.isSelected());
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=recevabilite"));
        assertThat(browser.text()).contains("Pièces complémentaires demandées");
        awaitWaitingAt(reference, "Task_ProvideMissingPieces");
        await().atMost(PATIENCE).until(() -> !TestSmtp.get()
                .withSubject("Pièces manquantes pour votre candidature " + reference).isEmpty());

        // The note is the instructors' only.
        assertThat(callForText("porteur", org.springframework.http.HttpMethod.GET, "/portail/candidatures/" + id)
                .getBody()).doesNotContain("à rencontrer avant le jury");
        assertThat(callForText("porteur", org.springframework.http.HttpMethod.GET,
                "/api/applications/" + id + "/annotations").getStatusCode().value()).isEqualTo(403);
    }
}
