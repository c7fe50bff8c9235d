package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The DIEESS records two later délibérations on a voted grant in headless Chromium: from the case page's
 * "Délibérations" section, an amendment (a number equal to the revised one refused first, what was typed
 * kept), confirmed then recorded; then a withdrawal, confirmed: the case page shows the history and the
 * withdrawn status. axe-core checks each page at 1366 and 375 px.
 */
class DecisionRevisionBrowserIT extends BrowserTestSupport {
    private static final LocalDate TODAY = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);

    private void check() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    private void setDate(String label, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                browser.fieldLabelled(label), date.toString());
    }

    private void click(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    @Test
    void theDieessAmendsThenWithdrawsAGrantByLaterDeliberations() {
        Voted voted = votedOneYear();
        signIn("instructeur");
        browser.driver.get(url("/instruction/candidatures/" + voted.applicationId()));
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Délibérations de la Commission permanente"));
        assertThat(browser.text()).contains("CP-2026-11-043", "En vigueur");
        check();

        // An amendment: the same number as the revised délibération is refused, what was typed is kept.
        browser.find(By.partialLinkText("Délibération modificative")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/decision/modification"));
        check();
        browser.fieldLabelled("Modifier les montants ou la durée").click();
        browser.type("Numéro de la délibération", "CP-2026-11-043");
        setDate("Date de la délibération", TODAY);
        browser.type("Montant de l’année 1", "25 000");
        click("Vérifier avant d'enregistrer");
        browser.await(d -> !d.findElements(By.id("deliberationNumber-erreur")).isEmpty());
        assertThat(browser.text()).contains("Numéro différent de celui de la délibération modifiée");
        assertThat(browser.fieldLabelled("Montant de l’année 1").getAttribute("value")).isEqualTo("25 000");
        check();
        browser.type("Numéro de la délibération", "CP-2026-12-301");
        click("Vérifier avant d'enregistrer");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Modifier les montants de la subvention ?"));
        assertThat(browser.text()).contains("qui remplace la délibération CP-2026-11-043");
        check();
        click("Enregistrer la modification");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Délibération modificative CP-2026-12-301 enregistrée"));
        assertThat(browser.text()).contains("Remplacée", "En vigueur", "Amendée");
        assertThat(browser.driver.findElements(By.xpath("//section[@aria-labelledby='deliberations']//tbody/tr"))
                .stream().map(r -> r.getText().replace('\n', ' ')).toList()).as("the first superseded, the new one in force")
                .hasSize(2).satisfies(rows -> {
                    assertThat(rows.get(0)).contains("CP-2026-11-043", "Remplacée").doesNotContain("En vigueur");
                    assertThat(rows.get(1)).contains("CP-2026-12-301", "25 000,00", "En vigueur").doesNotContain("Remplacée");
                });
        check();

        // A withdrawal, confirmed: the case shows it.
        browser.find(By.partialLinkText("Délibération modificative")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/decision/modification"));
        browser.fieldLabelled("Retirer la subvention").click();
        browser.type("Numéro de la délibération", "CP-2026-12-302");
        setDate("Date de la délibération", TODAY);
        browser.type("Motivation du retrait", "La structure a renoncé au projet");
        click("Vérifier avant d'enregistrer");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Retirer la subvention ?"));
        check();
        click("Retirer la subvention");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Subvention retirée : délibération CP-2026-12-302"));
        assertThat(browser.text()).contains("Subvention retirée par délibération", "La structure a renoncé au projet")
                .doesNotContain("retirer la subvention ou en modifier les montants");
        check();
    }
}
