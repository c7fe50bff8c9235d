package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A directorate reviewer's journey, then the instructor's synthesis, in headless Chromium: the
 * inbox, the case and its form-js opinion form (refused empty, then sent), the inbox again with the
 * opinion given; the synthesis form prefilled with the opinions and sent. axe-core checks every page.
 */
class ReviewerBrowserIT extends BrowserTestSupport {

    private void awaitTaskForm() {
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-tache")).getAttribute("data-ready")));
    }

    /** Replaces a field's whole value as a user does: select all, then type. */
    private void replace(String label, String text) {
        WebElement field = browser.fieldLabelled(label);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    @Test
    void aReviewerGivesHisOpinionAndTheInstructorWritesThePrefilledSynthesis() {
        Map<String, Object> draft = oneYearDraft(budget(1, 20000, 30000)); // routed to DTER and DJVA
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        submitAndAwaitOpinions(id, reference);

        signIn("avis-dter");
        browser.find(By.linkText("Avis à donner et avis donnés")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/avis"));
        assertThat(browser.text()).contains("Avis de ma direction (DTER)").contains(reference)
                .contains("Recyclerie solidaire").contains("Transition écologique").contains("20 000,00 €")
                .containsPattern("À rendre au plus tard le \\d{2}/\\d{2}/\\d{4}, dans 15 jours");
        browser.assertAccessible();

        browser.find(By.linkText(reference + " — avis DTER")).click();
        awaitTaskForm();
        assertThat(browser.text()).contains("Saint-Denis (Plaine Commune)").contains("Total des charges")
                .contains("Montant demandé au Département").contains("Statuts, version 1")
                .doesNotContain("FR76").doesNotContain("Messages");
        browser.assertAccessible();

        // Sent empty: form-js' own checks, in French, in the summary.
        browser.find(By.id("envoyer-tache")).click();
        assertThat(browser.find(By.id("resume-erreurs")).getText()).contains("corrigez-les avant d'envoyer")
                .contains("Ce champ est obligatoire");
        browser.assertAccessible();

        WebElement favorable = browser.fieldLabelled("Favorable");
        browser.driver.findElement(By.cssSelector("label[for='" + favorable.getAttribute("id") + "']")).click();
        browser.await(d -> favorable.isSelected());
        browser.type("Commentaire", "Projet utile à la transition du quartier.");
        browser.type("Montant suggéré", "18000");
        browser.find(By.id("envoyer-tache")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/avis?ok=avis"));
        assertThat(browser.text()).contains("Votre avis est enregistré");
        WebElement given = browser.find(By.xpath("//section[h2[@id='donnes']]//tr[td/a[contains(., '" + reference
                + "')]]"));
        assertThat(given.getText()).contains("Avis favorable donné le").contains("avis-dter");
        assertThat(browser.find(By.xpath("//section[h2[@id='a-donner']]")).getText()).doesNotContain(reference);
        browser.assertAccessible();
        assertThat(jdbc.queryForMap("select verdict, opinion_comment, suggested_amount from opinion "
                + "where application_id = ? and directorate = 'DTER'", Long.valueOf(id)))
                .containsEntry("verdict", "FAVORABLE")
                .containsEntry("opinion_comment", "Projet utile à la transition du quartier.");

        browser.driver.get(url("/avis/" + id + "/DTER"));
        assertThat(browser.text()).contains("Avis favorable donné le").contains("Il ne peut plus être modifié");
        browser.assertAccessible();

        // Two tabs on the same request: the opinion sent from the other one first, this one is told why not,
        // in the page's error summary.
        Map<String, Object> other = oneYearDraft(budget(1, 15000, 25000));
        String otherId = String.valueOf(other.get("id"));
        submitAndAwaitOpinions(otherId, (String) other.get("reference"));
        browser.driver.get(url("/avis/" + otherId + "/DTER"));
        awaitTaskForm();
        post("avis-dter", "/api/applications/" + otherId + "/opinions/DTER", Map.of("verdict", "UNFAVORABLE",
                "comment", "Hors du champ de la direction"));
        WebElement reserved = browser.fieldLabelled("Réservé");
        browser.driver.findElement(By.cssSelector("label[for='" + reserved.getAttribute("id") + "']")).click();
        browser.type("Commentaire", "Envoyé depuis un second onglet.");
        browser.find(By.id("envoyer-tache")).click();
        browser.await(d -> d.findElement(By.id("resume-erreurs")).getText().contains("a déjà été donné"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("resume-erreurs");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/avis/" + otherId + "/DTER");
        browser.assertAccessible();

        // DJVA answers through the API; the instructor writes the synthesis from the prefilled form.
        post("avis-djva", "/api/applications/" + id + "/opinions/DJVA", Map.of("verdict", "RESERVED",
                "comment", "Public jeune à préciser"));
        awaitWaitingAt(reference, "Task_WriteSynthesis");
        signIn("instructeur");
        browser.driver.get(url("/instruction/candidatures/" + id + "/synthese"));
        awaitTaskForm();
        assertThat(browser.fieldLabelled("Synthèse").getAttribute("value"))
                .contains("DTER (Direction de la transition écologique et de la résilience) : avis favorable.")
                .contains("Montant suggéré : 18 000,00 €").contains("DJVA (").contains("avis réservé");
        assertThat(browser.fieldLabelled("Montant proposé — année 1").getAttribute("value")).startsWith("20000");
        assertThat(browser.driver.findElements(By.xpath("//label[starts-with(normalize-space(), "
                + "'Montant proposé — année 2')]"))).as("one-year application").isEmpty();
        browser.assertAccessible();

        WebElement summary = browser.fieldLabelled("Synthèse");
        summary.sendKeys(Keys.END, "Projet solide, porté par une équipe expérimentée.");
        replace("Montant proposé — année 1", "18000");
        browser.find(By.id("envoyer-tache")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/synthese?ok=synthese"));
        assertThat(browser.text()).contains("La synthèse est enregistrée").contains("Projet solide, porté par")
                .contains("Proposé par l'instruction");
        assertThat(browser.driver.findElement(By.cssSelector("td[data-label='Proposé par l’instruction']")).getText())
                .isEqualTo("18 000,00 €");
        browser.assertAccessible();
        awaitWaitingAt(reference, "Event_JuryResultReceived");
        assertThat(jdbc.queryForObject("select synthesis from application where id = ?", String.class,
                Long.valueOf(id))).startsWith("Avis des directions consultées :").endsWith("équipe expérimentée.");
    }
}
