package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A directorate reviewer's journey, then the instructor's synthesis, in headless Chromium: the
 * inbox, the case with its budget in words and the opinion form (refused empty, then shown for
 * confirmation, nothing recorded before it is confirmed, then sent), the inbox again with the opinion
 * given; a second tab told why its opinion is refused; the synthesis form prefilled with the opinions
 * and sent. axe-core checks every page, at 1366 and 375 px for the main ones.
 */
class ReviewerBrowserIT extends BrowserTestSupport {

    /** The synthesis page's form-js form, rendered. */
    private void awaitTaskForm() {
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-tache")).getAttribute("data-ready")));
    }

    /** Replaces a field's whole value as a user does: select all, then type. */
    private void replace(String label, String text) {
        WebElement field = browser.fieldLabelled(label);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private void press(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    /** Ticks a radio as a user does: a click on its label. */
    private void tick(String label) {
        WebElement radio = browser.fieldLabelled(label);
        browser.driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
        browser.await(d -> radio.isSelected());
    }

    private Map<String, Object> opinionRow(String id) {
        return jdbc.queryForMap("select status, verdict, opinion_comment, suggested_amount from opinion "
                + "where application_id = ? and directorate = 'DTER'", Long.valueOf(id));
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
                .containsPattern("À rendre au plus tard le \\d{1,2} \\p{L}+ \\d{4}, dans 15 jours");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.linkText(reference + " — avis DTER")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/avis/" + id + "/DTER"));
        assertThat(browser.text()).contains("Saint-Denis (Plaine Commune)").contains("Total des charges")
                .contains("Total des produits").contains("74 — Subvention : Département")
                .contains("Montant demandé au Département").contains("Statuts, version 1")
                .doesNotContain("74-DEPARTEMENT").doesNotContain("FR76").doesNotContain("Messages");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // Sent empty: refused, each error linked to its field.
        press("Relire l'avis avant de l'envoyer");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("L’avis n’est pas encore envoyé")
                .contains("Choisissez l'avis de la direction").contains("Écrivez ce qui fonde l'avis");
        browser.assertAccessible();

        tick("Favorable");
        browser.type("Commentaire", "Projet utile à la transition du quartier.");
        browser.type("Montant suggéré", "18 000");
        press("Relire l'avis avant de l'envoyer");
        // The confirmation step: what will be sent, nothing recorded yet.
        WebElement confirmation = browser.find(By.cssSelector("section.confirmation"));
        assertThat(confirmation.getText()).contains("Envoyer cet avis de la DTER ?").contains("Favorable")
                .contains("Projet utile à la transition du quartier.").contains("18 000,00 €")
                .contains("ne peut plus être modifié");
        assertThat(opinionRow(id)).containsEntry("status", "REQUESTED").containsEntry("verdict", null);
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // Back to the form: what was typed is kept.
        press("Modifier mon avis");
        assertThat(browser.fieldLabelled("Commentaire").getDomProperty("value"))
                .isEqualTo("Projet utile à la transition du quartier.");
        assertThat(browser.fieldLabelled("Favorable").isSelected()).isTrue();
        press("Relire l'avis avant de l'envoyer");
        press("Envoyer l'avis définitivement");
        browser.await(d -> d.getCurrentUrl().endsWith("/avis"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Votre avis favorable est envoyé");
        WebElement given = browser.find(By.xpath("//section[h2[@id='donnes']]//tr[td/a[contains(., '" + reference
                + "')]]"));
        assertThat(given.getText()).contains("Avis favorable donné le").contains("Alain Transition")
                .doesNotContain("avis-dter");
        assertThat(browser.find(By.xpath("//section[h2[@id='a-donner']]")).getText()).doesNotContain(reference);
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        assertThat(opinionRow(id)).containsEntry("verdict", "FAVORABLE")
                .containsEntry("opinion_comment", "Projet utile à la transition du quartier.");

        browser.driver.get(url("/avis/" + id + "/DTER"));
        assertThat(browser.text()).contains("Avis favorable donné le").contains("par Alain Transition")
                .contains("Il ne peut plus être modifié").contains("18 000,00 €");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // Two tabs on the same request: the opinion sent from the other one first, this one is told why not,
        // in the page's error summary.
        Map<String, Object> other = oneYearDraft(budget(1, 15000, 25000));
        String otherId = String.valueOf(other.get("id"));
        submitAndAwaitOpinions(otherId, (String) other.get("reference"));
        browser.driver.get(url("/avis/" + otherId + "/DTER"));
        tick("Réservé");
        browser.type("Commentaire", "Envoyé depuis un second onglet.");
        press("Relire l'avis avant de l'envoyer");
        browser.find(By.cssSelector("section.confirmation"));
        post("avis-dter", "/api/applications/" + otherId + "/opinions/DTER", Map.of("verdict", "UNFAVORABLE",
                "comment", "Hors du champ de la direction"));
        press("Envoyer l'avis définitivement");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("a déjà été donné");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/avis/" + otherId + "/DTER");
        assertThat(opinionRow(otherId)).containsEntry("verdict", "UNFAVORABLE");
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
