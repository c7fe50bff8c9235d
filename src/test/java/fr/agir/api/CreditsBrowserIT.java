package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The credits page in headless Chromium, as a finance officer: reached from the header, a form sent empty
 * then with a wrong amount (errors next to their fields, what was typed kept), then an AE and this year's CP
 * opened, the chart and the tables showing them. axe-core checks each state at 1366 and 375 px.
 */
class CreditsBrowserIT extends BrowserTestSupport {

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
    void aFinanceOfficerOpensAnAeAndThisYearsCpAndSeesThemCharted() {
        Map<String, Object> campaign = openCampaign(30);
        String campaignId = String.valueOf(campaign.get("id"));
        String code = (String) campaign.get("code");
        int year = LocalDate.now(fr.agir.shared.TimeConfig.PARIS).getYear();

        signIn("finances1");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Crédits (AE/CP)")).click();
        awaitText("Ouvrir ou modifier une AE");
        check();

        click("Enregistrer l'AE");
        awaitText("L’AE n’a pas été enregistrée");
        assertThat(browser.text()).contains("Choisissez la campagne", "Saisissez le montant de l'AE");
        check();

        new Select(browser.find(By.id("campaignId"))).selectByValue(campaignId);
        new Select(browser.find(By.id("part"))).selectByValue("OPERATING");
        browser.find(By.id("amount")).sendKeys("douze mille");
        click("Enregistrer l'AE");
        awaitText("Montant en euros, par exemple");
        assertThat(browser.find(By.id("amount")).getDomAttribute("value")).isEqualTo("douze mille");
        check();

        browser.find(By.id("amount")).clear();
        browser.find(By.id("amount")).sendKeys("1 200 000");
        click("Enregistrer l'AE");
        awaitText("Autorisation d'engagement enregistrée.");

        new Select(browser.find(By.id("cp-campaignId"))).selectByValue(campaignId);
        new Select(browser.find(By.id("cp-part"))).selectByValue("OPERATING");
        browser.find(By.id("cp-amount")).sendKeys("800 000,50");
        click("Enregistrer les CP");
        awaitText("Crédits de paiement enregistrés.");
        assertThat(browser.text()).contains("AE " + code + " – fonctionnement : voté 1 200 000,00 €, engagé 0,00 € (0 %), "
                + "disponible 1 200 000,00 €.", "CP " + year + " " + code + " – fonctionnement : voté 800 000,50 €",
                "65 / 6574 / 93");
        assertThat(browser.driver.findElements(By.cssSelector(".graphique__barres svg rect.graphique__disponible")))
                .isNotEmpty();
        check();
    }
}
