package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administrator's webhook pages in headless Chromium: reached from the header, the form sent empty (errors
 * next to their fields), then an internal address (refused, what was typed kept), then a valid one: the secret
 * shown once, then only its hint; the deliveries page. axe-core checks each state at 1366 and 375 px.
 */
class WebhookBrowserIT extends BrowserTestSupport {

    @AfterEach
    void disableEndpoints() {
        jdbc.update("update webhook_endpoint set enabled = false");
    }

    private void check() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    private void click(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    private void awaitText(String text) {
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    @Test
    void theAdministratorRegistersAnEndpointAndSeesItsSecretOnce() {
        signIn("admin");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Webhooks")).click();
        awaitText("Enregistrer un point de réception");
        check();

        click("Enregistrer et générer le secret");
        awaitText("Le point de réception n’a pas été enregistré");
        assertThat(browser.text()).contains("Saisissez l'adresse du point de réception", "Choisissez au moins un événement");
        check();

        browser.find(By.id("url")).sendKeys("https://10.0.0.8/agir");
        browser.find(By.id("events-0")).click();
        click("Enregistrer et générer le secret");
        awaitText("désigne un réseau interne");
        assertThat(browser.find(By.id("url")).getDomAttribute("value")).isEqualTo("https://10.0.0.8/agir");
        assertThat(browser.find(By.id("events-0")).isSelected()).isTrue();

        browser.find(By.id("url")).clear();
        browser.find(By.id("url")).sendKeys("http://127.0.0.1:9/agir");
        click("Enregistrer et générer le secret");
        awaitText("copiez-le maintenant");
        String secret = browser.find(By.id("secret")).getText();
        assertThat(secret).startsWith("whsec_");
        check();

        browser.driver.get(url("/administration/webhooks"));
        awaitText("Points de réception");
        assertThat(browser.text()).doesNotContain(secret).contains("whsec_…" + secret.substring(secret.length() - 4),
                "http://127.0.0.1:9/agir", "Actif");

        // The newest row (the list is in registration order; earlier runs left disabled ones with this address).
        String row = browser.find(By.xpath("(//tr[td[contains(., 'http://127.0.0.1:9/agir')]])[last()]")).getText();
        assertThat(row).as("one state per endpoint").contains("Actif", "Candidature déposée").doesNotContain("Désactivé");

        browser.find(By.linkText("Voir les livraisons")).click();
        awaitText("Livraisons des webhooks");
        check();

        // One endpoint's deliveries, from its row.
        browser.driver.get(url("/administration/webhooks"));
        browser.find(By.xpath("(//a[@aria-label='Livraisons de http://127.0.0.1:9/agir'])[last()]")).click();
        awaitText("Voir ceux de tous les points");
        assertThat(browser.text()).contains("Les derniers événements envoyés à http://127.0.0.1:9/agir");
        check();
    }
}
