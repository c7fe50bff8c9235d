package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The recovery orders' pages in headless Chromium, as a finance officer: reached from the header, the form
 * sent empty then above what was paid (errors next to their fields, what was typed kept), an order raised,
 * exported, then recovered in part. axe-core checks each state at 1366 and 375 px.
 */
class RecoveryBrowserIT extends BrowserTestSupport {

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
    void aFinanceOfficerRaisesExportsAndRecoversAnOrder() {
        Grant grant = grantedOneYear();

        signIn("finances1");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Titres de recettes")).click();
        awaitText("Émettre un titre de recettes");
        check();

        click("Émettre le titre de recettes");
        awaitText("Le titre n’a pas été émis");
        assertThat(browser.text()).contains("Indiquez la référence de la candidature", "Indiquez le motif");
        check();

        browser.find(By.id("reference")).sendKeys(grant.reference());
        browser.find(By.id("amount")).sendKeys("99 999");
        browser.find(By.id("reason")).sendKeys("Dépenses non justifiées au compte rendu");
        click("Émettre le titre de recettes");
        awaitText("dépasse ce qui peut être recouvré");
        assertThat(browser.find(By.id("amount")).getDomAttribute("value")).isEqualTo("99 999");
        check();

        browser.find(By.id("amount")).clear();
        browser.find(By.id("amount")).sendKeys("1 250,50");
        click("Émettre le titre de recettes");
        awaitText("Titre de recettes émis");
        check();

        click("Générer l’export des titres");
        awaitText("Export des titres généré");
        check();

        String number = jdbc.queryForObject("select order_number from recovery_order where application_id = ? "
                + "order by id desc limit 1", String.class, Long.valueOf(grant.applicationId()));
        browser.find(By.linkText(number)).click();
        awaitText("Marquer recouvré");
        check();
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.find(By.id("date")), LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString());
        browser.find(By.id("amount")).sendKeys("1000");
        click("Marquer recouvré");
        awaitText("Recouvrement partiel enregistré");
        assertThat(browser.text()).contains("reste dû 250,50 €");
        check();
    }
}
