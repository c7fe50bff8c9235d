package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Conventions à signer" as an instructor reaches it from the queue: the agreement waiting for the
 * structure, since when, the reminders; the case opens from the row. axe-core at 1366 and 375 px.
 */
class AgreementsToSignBrowserIT extends BrowserTestSupport {

    @Test
    void anInstructorFindsTheAgreementsWaitingForASignatureAndOpensTheCase() {
        Voted voted = votedOneYear();
        String reference = voted.reference();

        signIn("instructeur");
        browser.find(By.linkText("File de travail")).click();
        browser.await(d -> d.getTitle().startsWith("File de travail"));
        browser.find(By.linkText("Conventions à signer")).click();
        browser.await(d -> d.getTitle().startsWith("Conventions à signer"));
        assertThat(browser.text()).contains(reference, "Signature de la structure", "Aucune pour l'instant",
                "aujourd'hui");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.xpath("//a[@aria-label='Ouvrir le dossier " + reference + "']")).click();
        browser.await(d -> browser.driver.getCurrentUrl().endsWith("/instruction/candidatures/" + voted.applicationId()));
        assertThat(browser.text()).contains(reference);
    }
}
