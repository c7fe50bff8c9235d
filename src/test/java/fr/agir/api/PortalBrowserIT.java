package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import fr.agir.structure.SampleFiles;

/**
 * A project leader's journey in the portal, in headless Chromium, as a new user would go: he
 * registers his structure, prepares an application over two sessions (the draft is restored),
 * submits it, and answers the instructor's request for missing pieces. axe-core checks every page.
 */
class PortalBrowserIT extends BrowserTestSupport {

    private void openForm(String applicationId) {
        browser.driver.get(url("/portail/candidatures/" + applicationId + "/formulaire"));
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-candidature")).getAttribute("data-ready")));
    }

    private void awaitSaved() {
        browser.await(d -> d.findElement(By.id("etat-enregistrement")).getText().startsWith("Brouillon enregistré à"));
    }

    /** Selects a radio option with the mouse, on its label. */
    private void click(String optionLabel) {
        WebElement radio = browser.fieldLabelled(optionLabel);
        browser.driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
        browser.await(d -> radio.isSelected());
    }

    /** Selects a radio option with the keyboard, as a keyboard user does (space on the focused option). */
    private void choose(String optionLabel) {
        WebElement radio = browser.fieldLabelled(optionLabel);
        radio.sendKeys(org.openqa.selenium.Keys.SPACE);
        browser.await(d -> radio.isSelected());
    }

    /** Uploads a file through the vault page's form, as a user picking it on his disk. */
    private void uploadPiece(String type, String name, byte[] content) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("agir-upload").resolve(name);
            java.nio.file.Files.write(file, content);
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("type"))).selectByValue(type);
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            WebElement page = browser.find(By.tagName("html"));
            browser.find(By.xpath("//button[normalize-space()='Déposer la pièce']")).click();
            // The page is replaced: its old root is gone (chromedriver reports it stale, or "not in the document").
            browser.await(d -> {
                try {
                    page.isEnabled();
                    return false;
                } catch (org.openqa.selenium.WebDriverException gone) {
                    return true;
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aProjectLeaderRegistersAppliesOverTwoSessionsAndAnswersMissingPieces() throws Exception {
        Map<String, Object> campaign = openCampaign(30);
        String siret = fr.agir.TestData.randomSiret();
        String name = "Les Vélos Solidaires " + siret.substring(9);

        signIn("porteur");
        browser.driver.get(url("/portail"));
        browser.assertAccessible();

        // Registration: a wrong SIRET and a postal code of another commune are refused next to their fields,
        // and nothing typed is lost.
        browser.find(By.linkText("Enregistrer une nouvelle structure")).click();
        browser.assertAccessible();
        browser.type("Nom de la structure", name);
        new org.openqa.selenium.support.ui.Select(browser.fieldLabelled("Forme juridique"))
                .selectByVisibleText("Association loi 1901");
        browser.type("SIRET", "73282932000075");
        browser.type("Adresse", "12 rue de la République");
        browser.type("Code postal", "93100");
        new org.openqa.selenium.support.ui.Select(browser.fieldLabelled("Commune"))
                .selectByVisibleText("Saint-Denis (Plaine Commune)");
        browser.type("Nom et prénom", "Awa Diallo");
        browser.type("E-mail", "awa.diallo@example.org");
        browser.type("IBAN", "FR76 3000 6000 0112 3456 7890 189");
        browser.type("BIC", "AGRIFRPP");
        browser.find(By.cssSelector("main form button[type=submit]")).click();
        browser.find(By.id("siret-erreur"));
        assertThat(browser.find(By.id("siret-erreur")).getText()).contains("SIRET invalide");
        assertThat(browser.find(By.id("postalCode-erreur")).getText()).contains("93200 ou 93210");
        assertThat(browser.fieldLabelled("SIRET").getAttribute("aria-describedby")).contains("siret-erreur");
        assertThat(browser.fieldLabelled("Nom de la structure").getAttribute("value")).isEqualTo(name);
        browser.assertAccessible();
        browser.type("SIRET", siret);
        browser.type("Code postal", "93200");
        browser.find(By.cssSelector("main form button[type=submit]")).click();
        browser.await(d -> d.getCurrentUrl().contains("/portail?structure="));
        assertThat(browser.text()).contains(name).contains("Saint-Denis (Plaine Commune)");
        Integer structureId = jdbc.queryForObject("select id from structure where siret = ?", Integer.class, siret);
        assertThat(jdbc.queryForObject("select ept from structure where id = ?", String.class, structureId))
                .isEqualTo("PLAINE_COMMUNE");

        // The case file's pieces, uploaded once in the vault; a renamed executable is refused.
        browser.find(By.linkText("Documents de " + name)).click();
        browser.assertAccessible();
        uploadPiece("RIB", "rib.pdf", SampleFiles.windowsExecutable());
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("vrai PDF");
        assertThat(count("select count(*) from structure_document where structure_id = ?", structureId)).isZero();
        browser.assertAccessible();
        uploadPiece("STATUTS", "statuts.pdf", SampleFiles.pdf("Statuts"));
        uploadPiece("LISTE_DIRIGEANTS", "dirigeants.pdf", SampleFiles.pdf("Bureau"));
        uploadPiece("RIB", "rib.pdf", SampleFiles.pdf("RIB"));
        assertThat(browser.text()).contains("Les pièces exigées pour candidater sont toutes déposées");
        browser.driver.get(url("/portail"));

        // First session: start an application, type part of it, let it autosave, close the browser.
        WebElement form = browser.find(By.xpath("//form[input[@name='campaignId' and @value='" + campaign.get("id") + "']]"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.tagName("select")))
                .selectByVisibleText(name);
        form.findElement(By.tagName("button")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/formulaire"));
        String applicationId = browser.driver.getCurrentUrl().replaceAll(".*/candidatures/(\\d+)/formulaire", "$1");
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-candidature")).getAttribute("data-ready")));
        browser.assertAccessible();

        browser.find(By.id("deposer")).click();
        assertThat(browser.find(By.id("resume-erreurs")).getText())
                .contains("corrigez-les avant de déposer").contains("Ce champ est obligatoire");

        browser.type("Titre du projet", "Atelier vélo solidaire");
        browser.type("Description du projet", "Réparer et prêter des vélos aux habitants.");
        // Right after typing in a field whose error is still shown: the error goes on blur, and the
        // page must not move under the pointer (portal.css), or the click would be lost.
        click("Transition écologique");
        browser.type("64 – Charges de personnel", "12000");
        awaitSaved();
        assertThat(jdbc.queryForMap("select title, thematic from application where id = ?",
                Long.valueOf(applicationId))).containsEntry("title", "Atelier vélo solidaire")
                .containsEntry("thematic", "TRANSITION_ECOLOGIQUE");
        closeBrowser();

        // Second session, another browser profile: the draft comes back from the server.
        signIn("porteur");
        openForm(applicationId);
        assertThat(browser.fieldLabelled("Titre du projet").getAttribute("value")).isEqualTo("Atelier vélo solidaire");
        assertThat(browser.fieldLabelled("64 – Charges de personnel").getAttribute("value")).contains("12000");
        assertThat(browser.text()).contains("Total des charges : 12000");

        choose("Jeunes");
        browser.type("Territoire du projet", "Saint-Denis, quartier Pleyel");
        browser.type("70 – Vente de produits", "2000");
        browser.type("74 – Subvention : Département", "9000");
        browser.await(d -> browser.text().contains("Budget déséquilibré : écart de 1000"));
        browser.type("74 – Subvention : commune", "1000");
        browser.await(d -> browser.text().contains("Budget équilibré"));
        awaitSaved();
        browser.assertAccessible();
        browser.find(By.id("deposer")).click();
        browser.await(d -> d.getCurrentUrl().contains("/portail?ok=depot"));
        assertThat(browser.text()).contains("Votre candidature est déposée");
        Map<String, Object> submitted = get("porteur", "/api/applications/" + applicationId);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        String reference = (String) submitted.get("reference");
        assertThat(list("porteur", "/api/applications/" + applicationId + "/documents"))
                .extracting(d -> d.get("type")).containsExactlyInAnyOrder("STATUTS", "LISTE_DIRIGEANTS", "RIB");

        // The dated receipt arrives by e-mail (GreenMail), its PDF attached.
        await().atMost(PATIENCE).until(() -> !TestSmtp.get().withSubject(reference).isEmpty());
        jakarta.mail.internet.MimeMessage receipt = TestSmtp.get().withSubject(reference).get(0);
        assertThat(receipt.getAllRecipients()).extracting(Object::toString).contains("awa.diallo@example.org");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(receipt)).contains("application/pdf");

        // The instructor asks for a missing piece; the applicant sees it with its deadline and answers.
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        post("instructeur", "/api/applications/" + applicationId + "/completeness", Map.of("outcome",
                "MISSING_PIECES", "missingPieces", "Attestation URSSAF de moins de 6 mois"));
        awaitWaitingAt(reference, "Task_ProvideMissingPieces");
        browser.driver.get(url("/portail"));
        assertThat(browser.text()).contains("Déposez les pièces demandées puis confirmez-le — " + reference)
                .containsPattern("avant le \\d{2}/\\d{2}/\\d{4}");
        browser.find(By.xpath("//a[contains(., 'Déposez les pièces demandées') and contains(., '" + reference + "')]"))
                .click();
        assertThat(browser.text()).contains("Attestation URSSAF de moins de 6 mois");
        browser.assertAccessible();
        String followPage = browser.driver.getCurrentUrl();
        browser.find(By.linkText("dossier unique de la structure")).click();
        uploadPiece("ATTESTATION_URSSAF", "urssaf.pdf", SampleFiles.pdf("Attestation de vigilance"));
        browser.driver.get(followPage);
        browser.type("Votre réponse au service instructeur", "Attestation ajoutée au dossier.");
        browser.find(By.xpath("//button[contains(., 'reprendre l')]")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=pieces"));
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        assertThat(get("porteur", "/api/applications/" + applicationId).get("status")).isEqualTo("SUBMITTED");
        assertThat(list("instructeur", "/api/applications/" + applicationId + "/documents"))
                .extracting(d -> d.get("type")).contains("ATTESTATION_URSSAF");

        // A message to the DIEESS, kept in the application's thread.
        browser.type("Écrire à la DIEESS", "Bonjour, le RIB a changé : je l'ai mis à jour.");
        browser.find(By.xpath("//button[normalize-space()='Envoyer le message']")).click();
        browser.await(d -> d.getCurrentUrl().contains("ok=message"));
        assertThat(browser.text()).contains("le RIB a changé");
        browser.assertAccessible();
        await().until(() -> list("instructeur", "/api/applications/" + applicationId + "/messages").size() == 1);
    }
}
