package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The agreement's signatures in headless Chromium: the legal representative reads and signs from the
 * portal (refused without code and consent, then with a wrong code; signed with the code GreenMail
 * received), the Département's signatory finds it in his list,
 * reads the validation report and countersigns after a confirmation; the structure then sees both
 * signatures verified. axe-core checks each page at 1366 and 375 px.
 */
class AgreementSignatureBrowserIT extends BrowserTestSupport {

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
    void signedFromThePortalThenCountersignedByTheSignatory() {
        Voted voted = votedOneYear();
        awaitWaitingAt(voted.reference(), "Task_SignAgreement");
        String number = (String) get("porteur", "/api/applications/" + voted.applicationId() + "/agreement").get("number");

        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + voted.applicationId() + "/convention"));
        awaitText("Signer la convention");
        check();
        click("Signer la convention");
        awaitText("La convention n’a pas été signée.");
        assertThat(browser.text()).contains("Saisissez le code à 6 chiffres reçu par e-mail", "Cochez la case pour signer");
        check();

        // Step 2: the code by e-mail, read from GreenMail.
        String subject = "Votre code pour signer la convention " + number;
        int before = TestSmtp.get().withSubject(subject).size();
        click("Recevoir un code par e-mail");
        awaitText("Un code a été envoyé à p•••@");
        check();
        String code = lastSignatureCode(subject, before);

        // Step 3: a wrong code first — the error at its field, the consent kept.
        browser.type("Code reçu par e-mail", code.equals("000000") ? "111111" : "000000");
        browser.fieldLabelled("J’ai lu la convention et je la signe au nom de la structure, dont je suis le représentant légal.")
                .click();
        click("Signer la convention");
        awaitText("Code incorrect : il vous reste 4 essais.");
        assertThat(browser.fieldLabelled("J’ai lu la convention et je la signe").isSelected()).isTrue();
        check();
        browser.type("Code reçu par e-mail", code);
        click("Signer la convention");
        awaitText("Convention signée.");
        assertThat(browser.text()).contains("Signatures électroniques", "Paul Porteur", "Signature valide, document intact",
                "cachet d'Agir");
        check();
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");

        signIn("signataire");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Conventions à contresigner")).click();
        awaitText(number);
        check();
        browser.find(By.linkText(number)).click();
        awaitText("Contresigner la convention " + number + " au nom du Département ?");
        assertThat(browser.text()).contains("Paul Porteur", "Signature valide, document intact");
        check();
        click("Contresigner la convention");
        awaitText("Convention " + number + " contresignée.");
        // Back on the list, which no longer offers this one (others, from other tests, may still wait).
        assertThat(browser.text()).contains("Conventions à contresigner");
        assertThat(browser.driver.findElements(By.linkText(number))).as("the countersigned agreement left the list")
                .isEmpty();
        check();

        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + voted.applicationId() + "/convention"));
        awaitText("Sophie Signataire");
        assertThat(browser.text()).contains("En vigueur", "le document n’a pas été modifié depuis les signatures");
        check();
    }
}
