package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's pages in headless Chromium: the administration's home reached from the header, the
 * campaign form sent with a closing before the opening (the error next to its field, what was typed kept) then
 * corrected, the list showing the new campaign; the directorates page with the routing table drawn by dmn-js and
 * its HTML alternative, and the simulator on a submitted application. axe-core checks each page at 1366 and 375 px.
 */
class AdministrationBrowserIT extends BrowserTestSupport {

    private void check() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    private void awaitText(String text) {
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void click(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, value);
    }

    @Test
    void theAdministratorSchedulesACampaignAndReadsTheRoutingTableAndItsSimulation() {
        // A submitted application for the simulator: Transition écologique, young public (DTER and DJVA).
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> draft = draft("porteur", campaign.get("id"), registerStructure("porteur").get("id"), 1,
                List.of(budget(1, 12000, 20000)));
        post("porteur", "/api/applications/" + draft.get("id") + "/submit", null);
        String reference = (String) draft.get("reference");

        signIn("admin");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Administration")).click();
        awaitText("Programmer une nouvelle campagne");
        assertThat(browser.text()).contains((String) campaign.get("code"), "Ouverte");
        check();

        browser.find(By.linkText("Programmer une nouvelle campagne")).click();
        awaitText("Calendrier (heure de Paris)");
        String code = "BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        LocalDate opening = LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusMonths(3);
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("name")).sendKeys("Appel à Agir " + code);
        setValue("openingDate", opening.toString());
        setValue("closingDate", opening.minusDays(2).toString());
        browser.find(By.id("envelopeOperating")).sendKeys("1 500 000");
        browser.find(By.id("envelopeInvestment")).sendKeys("300 000");
        browser.find(By.xpath("//label[normalize-space()='Transition écologique']")).click();
        browser.find(By.id("sous-themes-TRANSITION_ECOLOGIQUE")).sendKeys("Réemploi");
        check();
        click("Programmer la campagne");
        awaitText("La clôture doit suivre l");
        assertThat(browser.find(By.id("envelopeOperating")).getDomAttribute("value")).isEqualTo("1 500 000");
        assertThat(browser.find(By.id("closingDate")).getDomAttribute("aria-invalid")).isEqualTo("true");
        check();

        setValue("closingDate", opening.plusDays(40).toString());
        click("Programmer la campagne");
        awaitText("Campagne programmée");
        assertThat(browser.text()).contains(code, "Programmée");

        browser.find(By.linkText("Directions et table de routage des avis")).click();
        awaitText("Table de routage des avis");
        browser.await(d -> "true".equals(d.findElement(By.id("table-dmn")).getDomAttribute("data-rendered")));
        assertThat(browser.driver.findElements(By.cssSelector("#table-dmn .tjs-table, #table-dmn table"))).isNotEmpty();
        assertThat(browser.find(By.id("table-dmn")).getText()).contains("Thématique", "DPAS");
        assertThat(browser.find(By.id("regles")).getText()).contains("Nouvelles solidarités", "≥ 50 000,00 €", "DMTA");
        assertThat(browser.text()).contains("avis-djva@agir.example.org");
        check();

        new Select(browser.find(By.id("candidature"))).selectByVisibleText(reference + " – Recyclerie solidaire");
        click("Simuler");
        browser.find(By.id("resultat-simulation"));
        assertThat(browser.find(By.id("resultat-simulation")).getText()).contains(reference, "2 directions consultées",
                "DTER", "DJVA", "Jeunes", "12 000,00 €", "Association loi 1901");
        check();
    }

    @Test
    void theAdministratorAddsADirectorateFixingAnInvalidAddressAndReadsItAgainstTheRoutingTable() {
        signIn("admin");
        browser.driver.get(url("/administration/directions"));
        awaitText("Ce qui décide des directions consultées");
        browser.await(d -> "true".equals(d.findElement(By.id("table-dmn")).getDomAttribute("data-rendered")));
        assertThat(browser.find(By.id("table-dmn")).getText()).as("dmn-js speaks French")
                .doesNotContain("View DRD", "Hit Policy", "Collect");
        assertThat(browser.find(By.id("direction-DJVA")).getText()).contains("Règles n° 3, 4", "Active");

        browser.find(By.linkText("Ajouter une direction")).click();
        awaitText("Boîtes aux lettres des avis");
        String code = "BR" + Long.toString(System.nanoTime(), 36).toUpperCase();
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("name")).sendKeys("Direction de l'essai " + code);
        browser.find(By.id("mailboxes")).sendKeys("essai@agir.example.org\nessai-sans-domaine");
        browser.find(By.xpath("//label[normalize-space()='Transition écologique']")).click();
        check();
        click("Ajouter la direction");
        awaitText("Cette adresse n'est pas valide : essai-sans-domaine");
        assertThat(browser.find(By.id("mailboxes")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("code")).getDomProperty("value")).isEqualTo(code);
        check();

        browser.find(By.id("mailboxes")).clear();
        browser.find(By.id("mailboxes")).sendKeys("essai@agir.example.org\nessai-bis@agir.example.org");
        click("Ajouter la direction");
        awaitText("Direction ajoutée : " + code);
        assertThat(browser.find(By.id("direction-" + code)).getText()).contains("essai-bis@agir.example.org",
                "Transition écologique", "Aucune règle ne la désigne", "Code nouveau");

        browser.find(By.cssSelector("#direction-" + code + " a")).click();
        awaitText("Ce que la table de routage lui envoie");
        check();
        browser.find(By.xpath("//label[normalize-space()='Direction active']")).click();
        click("Enregistrer les modifications");
        awaitText("Direction " + code + " modifiée");
        assertThat(browser.find(By.id("direction-" + code)).getText()).contains("Inactive");
    }
}
