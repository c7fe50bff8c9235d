package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The DIEESS runs a jury session in headless Chromium: the sessions' page (a refused creation keeps
 * what was typed), the frozen grid, the session's page, the deliberation's ranking with a refused then
 * accepted proposal, the closing and its minutes. axe-core checks every page.
 */
class JurySecretariatBrowserIT extends BrowserTestSupport {

    @Test
    void theSecretariatDeliberatesWithinTheEnvelopeAndClosesTheSession() {
        JurySetup jury = juryInScoring(List.of("jury", "jure2"), 2, 2);
        Voted first = jury.applications().get(0);
        Voted second = jury.applications().get(1);
        for (String member : List.of("jury", "jure2")) {
            post(member, "/api/jury/my-sessions/" + jury.sessionId() + "/applications/" + first.applicationId() + "/score",
                    Map.of("values", Map.of(jury.criteria().get(0), 5, jury.criteria().get(1), 4)));
            post(member, "/api/jury/my-sessions/" + jury.sessionId() + "/applications/" + second.applicationId() + "/score",
                    Map.of("values", Map.of(jury.criteria().get(0), 3, jury.criteria().get(1), 2)));
        }

        signIn("instructeur");
        browser.find(By.linkText("Séances de jury")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/instruction/jury"));
        browser.assertAccessible();

        // A creation refused keeps what was typed, the errors next to their fields.
        browser.type("Nom de la séance", "Jury d'automne");
        browser.type("Membres par dossier", "12");
        browser.find(By.xpath("//button[normalize-space()='Créer la séance']")).click();
        browser.await(d -> !d.findElements(By.id("erreurs")).isEmpty());
        assertThat(browser.fieldLabelled("Nom de la séance").getAttribute("value")).isEqualTo("Jury d'automne");
        assertThat(browser.find(By.id("campaignId-erreur")).getText()).contains("Choisissez la campagne");
        assertThat(browser.find(By.id("scoringOpens-erreur")).getText()).contains("Date manquante");
        browser.assertAccessible();

        // The grid the session scores with is frozen: saving makes the next version; a bad weight is refused.
        browser.driver.get(url("/instruction/jury/campagnes/" + jury.campaignId() + "/grille"));
        assertThat(browser.text()).contains("est figée depuis le");
        assertThat(browser.fieldLabelled("Intitulé").getAttribute("value")).isEqualTo("Utilité sociale");
        browser.type("Poids", "lourd");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la grille']")).click();
        browser.await(d -> !d.findElements(By.id("weight-0-erreur")).isEmpty());
        assertThat(browser.fieldLabelled("Poids").getAttribute("value")).isEqualTo("lourd");
        browser.assertAccessible();

        browser.driver.get(url("/instruction/jury/seances/" + jury.sessionId()));
        assertThat(browser.text()).contains("Notation").contains("Membre jury").contains("Membre jure2")
                .contains(first.reference()).contains("version 1 (figée), 2 critère(s)").doesNotContain("dépassement");
        browser.assertAccessible();
        browser.find(By.xpath("//button[starts-with(normalize-space(), 'Ouvrir la délibération')]")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=phase"));
        assertThat(browser.text()).contains("La séance passe à l'étape suivante").contains("Classement des dossiers")
                .contains("moyenne 18,67").contains("Projet de procès-verbal (PDF)");
        browser.assertAccessible();

        // More than requested: refused, the amount typed stays in its row.
        WebElement row = browser.find(By.id("dossier-" + first.applicationId()));
        new Select(row.findElement(By.name("verdict-" + first.applicationId()))).selectByVisibleText("Favorable");
        WebElement amount = row.findElement(By.name("amount1-" + first.applicationId()));
        amount.clear();
        amount.sendKeys("99999");
        row.findElement(By.name("comment-" + first.applicationId())).sendKeys("Projet exemplaire");
        row.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        browser.await(d -> !d.findElements(By.id("erreurs")).isEmpty());
        assertThat(browser.text()).contains("Le jury ne propose pas plus que le montant demandé");
        row = browser.find(By.id("dossier-" + first.applicationId()));
        assertThat(row.findElement(By.name("amount1-" + first.applicationId())).getAttribute("value")).isEqualTo("99999");
        assertThat(row.findElement(By.name("comment-" + first.applicationId())).getAttribute("value"))
                .isEqualTo("Projet exemplaire");
        browser.assertAccessible();

        amount = row.findElement(By.name("amount1-" + first.applicationId()));
        amount.clear();
        amount.sendKeys("9000");
        row.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=proposition"));
        row = browser.find(By.id("dossier-" + second.applicationId()));
        new Select(row.findElement(By.name("verdict-" + second.applicationId()))).selectByVisibleText("Défavorable");
        row.findElement(By.xpath(".//button[normalize-space()='Enregistrer']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=proposition"));
        assertThat(browser.text()).contains("9 000,00 €");

        browser.find(By.xpath("//button[starts-with(normalize-space(), 'Clore la séance')]")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=phase"));
        assertThat(browser.text()).contains("La séance est close le").contains("Procès-verbal (PDF)")
                .contains("Favorable : année 1 : 9 000,00 €");
        browser.assertAccessible();
        awaitWaitingAt(first.reference(), "Event_VoteReceived");
        awaitWaitingAt(second.reference(), "Event_VoteReceived");
    }
}
