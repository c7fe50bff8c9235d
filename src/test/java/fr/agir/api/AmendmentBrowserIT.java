package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
}
