package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An avenant in headless Chromium: the instructor drafts it from the case page (an amount above the vote
 * first refused next to the field, with the voted amount), checks the preview and submits it; the legal
 * representative signs it from the portal's agreement page; the signatory countersigns it from his list.
 * axe-core checks each page at 1366 and 375 px.
 */
class AmendmentBrowserIT extends BrowserTestSupport {

    private void check() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    private void click(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    private void awaitText(String text) {
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void type(String label, String text) {
        var field = browser.fieldLabelled(label);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void draftedByTheInstructorSignedByTheStructureCountersignedByTheSignatory() {
        Grant grant = grantedOneYear();

        signIn("instructeur");
        browser.driver.get(url("/instruction/candidatures/" + grant.applicationId()));
        browser.find(By.linkText("Préparer un avenant")).click();
        awaitText("Le cadre");
        check();
        type("Montant de l’année 1 (€)", "30 000");
        type("Objet de l’avenant", "Ajustement du montant de l'année");
        type("Motif", "Action réduite");
        click("Vérifier l’avenant");
        awaitText("dépasse le montant voté");
        assertThat(browser.text()).contains("27 000,00 €", "délibération modificative");
        assertThat(browser.fieldLabelled("Objet de l’avenant").getAttribute("value"))
                .as("what was typed is kept").isEqualTo("Ajustement du montant de l'année");
        check();
        type("Montant de l’année 1 (€)", "25 000");
        click("Vérifier l’avenant");
        awaitText("Ce que l’avenant change");
        String number = browser.find(By.tagName("h1")).getText().replace("Avenant ", "");
        assertThat(number).endsWith("-A1");
        check();
        click("Soumettre à la signature");
        awaitText("soumis à la signature");
        check();

        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + grant.applicationId() + "/convention"));
        awaitText("Avenant n° A1 à signer");
        check();
        String subject = "Votre code pour signer l'avenant " + number;
        int before = TestSmtp.get().withSubject(subject).size();
        click("Recevoir un code par e-mail pour l’avenant");
        awaitText("Un code a été envoyé à p•••@");
        String code = ApiTestSupport.lastSignatureCode(subject, before);
        browser.type("Code reçu par e-mail pour l’avenant", code);
        browser.fieldLabelled("J’ai lu l’avenant et je le signe au nom de la structure, dont je suis le représentant légal.")
                .click();
        click("Signer l’avenant");
        awaitText("Avenant " + number + " signé.");
        check();

        signIn("signataire");
        browser.driver.get(url("/signature"));
        awaitText("Avenants à contresigner");
        browser.find(By.linkText(number)).click();
        awaitText("Contresigner l’avenant " + number + " au nom du Département ?");
        assertThat(browser.text()).contains("Paul Porteur", "Signature valide, document intact");
        check();
        click("Contresigner l’avenant");
        awaitText("Avenant " + number + " contresigné.");
        assertThat(browser.driver.findElements(By.linkText(number))).isEmpty();

        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + grant.applicationId() + "/convention"));
        awaitText("Versions de la convention");
        assertThat(browser.text()).contains("Avenant A1", "25 000,00 €");
        check();
    }

    /**
     * Issue 16: a rise after signature. The DIEESS records the délibération modificative raising the grant;
     * the confirmation and the notice say the signed agreement does not change, the notice links to the
     * avenant, whose ceiling is now the new délibération.
     */
    @Test
    void aRiseAfterSignatureGoesFromTheDeliberationToTheAvenant() {
        Grant grant = grantedOneYear();

        signIn("instructeur");
        browser.driver.get(url("/instruction/candidatures/" + grant.applicationId() + "/decision/modification"));
        awaitText("Enregistrer une nouvelle délibération");
        browser.fieldLabelled("Modifier les montants ou la durée").click();
        browser.type("Numéro de la délibération", "CP-2026-12-401");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                browser.fieldLabelled("Date de la délibération"),
                LocalDate.now(fr.agir.shared.TimeConfig.PARIS).toString());
        browser.type("Montant de l’année 1", "30 000");
        click("Vérifier avant d'enregistrer");
        awaitText("Modifier les montants de la subvention ?");
        assertThat(browser.text()).contains("La convention signée ne change pas : préparez un avenant pour l'appliquer.",
                "plafond de l'avenant");
        check();
        click("Enregistrer la modification");
        awaitText("Délibération modificative CP-2026-12-401 enregistrée");
        assertThat(browser.text()).contains("La convention signée ne change pas", "30 000,00 €");
        check();

        browser.find(By.partialLinkText("Préparer l'avenant de la convention")).click();
        awaitText("Le cadre");
        assertThat(browser.text()).contains("30 000,00 €", "CP-2026-12-401", "27 000,00 €");
        check();
        type("Montant de l’année 1 (€)", "30 000");
        type("Objet de l’avenant", "Hausse votée par la délibération CP-2026-12-401");
        type("Motif", "Public élargi");
        click("Vérifier l’avenant");
        awaitText("Ce que l’avenant change");
        assertThat(browser.text()).contains("30 000,00 €");
        check();
    }
}
