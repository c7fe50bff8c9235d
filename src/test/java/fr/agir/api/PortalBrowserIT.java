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

    /** The page as the project leader sees it on a computer (1366 px) and on a phone (375 px). */
    private void checkPage() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    /** Pastes a value into a field as a user does (one input event with the whole text). */
    private void paste(String label, String text) {
        WebElement field = browser.fieldLabelled(label);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("""
                arguments[0].focus();
                arguments[0].value = arguments[1];
                arguments[0].dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
                """, field, text);
    }

    /** The page's text, its non-breaking spaces (French amounts: "12 000 €") read as spaces. */
    private String pageText() {
        return browser.text().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** The notice shown after an action (what happened, what comes next). */
    private String notice() {
        return browser.find(By.cssSelector("main .alerte[role=status]")).getText();
    }

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
        checkPage();

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
        // The home says what is missing before he can apply.
        assertThat(browser.text()).contains("Déposez les pièces exigées pour candidater");
        checkPage();

        // The case file's pieces, uploaded once in the vault; a renamed executable is refused.
        browser.find(By.cssSelector("a[href='/portail/structures/" + structureId + "/documents']")).click();
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
        String applicationId = prepareApplication(campaign, name);
        assertThat(notice()).contains("Brouillon").contains("créé").contains("Remplissez maintenant le formulaire");
        checkPage();

        browser.find(By.id("deposer")).click();
        assertThat(browser.find(By.id("resume-erreurs")).getText())
                .contains("corrigez-les avant de déposer").contains("Ce champ est obligatoire");
        assertThat(browser.text()).as("nothing is balanced in an empty budget").doesNotContain("Budget équilibré");

        browser.type("Titre du projet", "Atelier vélo solidaire");
        browser.type("Description du projet", "Réparer et prêter des vélos aux habitants.");
        // Right after typing in a field whose error is still shown: the error goes on blur, and the
        // page must not move under the pointer (portal.css), or the click would be lost.
        click("Transition écologique");
        browser.type("64 – Charges de personnel", "12 000");
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
        assertThat(pageText()).contains("Total des charges : 12 000 €");

        choose("Jeunes");
        browser.type("Territoire du projet", "Saint-Denis, quartier Pleyel");
        // French thousands separators, pasted from a spreadsheet: kept, and counted in the totals.
        paste("70 – Vente de produits", "2 000");
        paste("74 – Subvention : Département", "9\u00a0000");
        browser.await(d -> pageText().contains("Budget déséquilibré : écart de 1 000 €"));
        assertThat(browser.fieldLabelled("70 – Vente de produits").getAttribute("value")).isEqualTo("2000");
        browser.type("74 – Subvention : commune", "1000");
        browser.await(d -> browser.text().contains("Budget équilibré"));
        assertThat(pageText()).contains("Total des produits : 12 000 €");
        awaitSaved();
        checkPage();

        // Submitting goes through the summary: the content read back, then the declaration on honour.
        browser.find(By.id("deposer")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/candidatures/" + applicationId + "/recapitulatif"));
        assertThat(pageText()).contains("Relire et déposer la candidature", "Atelier vélo solidaire",
                "Transition écologique", "Jeunes", "Charges de personnel", "12 000,00 €", "9 000,00 €",
                "Total des produits", "Statuts", "Liste des dirigeants", "RIB");
        checkPage();
        browser.find(By.xpath("//button[normalize-space()='Déposer ma candidature']")).click();
        assertThat(browser.find(By.id("erreurs")).getText()).contains("Cochez la déclaration sur l'honneur");
        assertThat(get("porteur", "/api/applications/" + applicationId).get("status")).isEqualTo("DRAFT");
        browser.assertAccessible();
        browser.find(By.id("declaration")).click();
        browser.find(By.xpath("//button[normalize-space()='Déposer ma candidature']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/portail/candidatures/" + applicationId));
        Map<String, Object> submitted = get("porteur", "/api/applications/" + applicationId);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        String reference = (String) submitted.get("reference");
        assertThat(notice()).contains("Votre candidature " + reference + " est déposée")
                .contains("Télécharger l’accusé de réception (PDF)");
        assertThat(browser.find(By.linkText("Télécharger l’accusé de réception (PDF)")).getAttribute("href"))
                .endsWith("/api/applications/" + applicationId + "/receipt");
        assertThat(jdbc.queryForObject("select reason from audit_event where application_id = ? and action = 'SUBMITTED'",
                String.class, Long.valueOf(applicationId))).contains("certifiées exactes sur l'honneur");
        checkPage();
        assertThat(list("porteur", "/api/applications/" + applicationId + "/documents"))
                .extracting(d -> d.get("type")).containsExactlyInAnyOrder("STATUTS", "LISTE_DIRIGEANTS", "RIB");

        // The submitted form says so, and offers nothing to do (no autosave text, no hidden button shown again).
        openForm(applicationId);
        assertThat(browser.text()).contains("Candidature déposée le").doesNotContain("enregistrée automatiquement")
                .doesNotContain("Déposer ma candidature").doesNotContain("Relire puis déposer");
        assertThat(browser.driver.findElements(By.id("deposer"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("etat-enregistrement"))).isEmpty();
        checkPage();

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
                .containsPattern("Avant le \\d{1,2} [a-zéû]+ \\d{4} \\((dans \\d+ jours|demain|aujourd'hui)\\)");
        browser.find(By.xpath("//a[contains(., 'Déposez les pièces demandées') and contains(., '" + reference + "')]"))
                .click();
        assertThat(browser.text()).contains("Attestation URSSAF de moins de 6 mois");
        checkPage();
        String followPage = browser.driver.getCurrentUrl();
        browser.find(By.linkText("dossier unique de la structure")).click();
        uploadPiece("ATTESTATION_URSSAF", "urssaf.pdf", SampleFiles.pdf("Attestation de vigilance"));
        browser.driver.get(followPage);
        browser.type("Votre réponse au service instructeur", "Attestation ajoutée au dossier.");
        browser.find(By.xpath("//button[contains(., 'reprendre l')]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/portail/candidatures/" + applicationId));
        assertThat(notice()).contains("la DIEESS reprend l’examen de votre dossier");
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        assertThat(get("porteur", "/api/applications/" + applicationId).get("status")).isEqualTo("SUBMITTED");
        assertThat(list("instructeur", "/api/applications/" + applicationId + "/documents"))
                .extracting(d -> d.get("type")).contains("ATTESTATION_URSSAF");

        // A message to the DIEESS, kept in the application's thread.
        browser.type("Écrire à la DIEESS", "Bonjour, le RIB a changé : je l'ai mis à jour.");
        browser.find(By.xpath("//button[normalize-space()='Envoyer le message']")).click();
        // The page sent from is the page come back to: wait for its new notice, not for its address (already there,
        // so the previous notice could be read while the page reloads, and go stale).
        browser.await(d -> d.getCurrentUrl().contains("/portail/candidatures/" + applicationId)
                && d.findElement(By.cssSelector("main .alerte[role=status]")).getText().contains("Votre message est envoyé"));
        assertThat(notice()).contains("Votre message est envoyé");
        assertThat(browser.text()).contains("le RIB a changé");
        checkPage();
        await().until(() -> list("instructeur", "/api/applications/" + applicationId + "/messages").size() == 1);

        // He withdraws it: a confirmation step with the reason, then the process ends and the page says so.
        browser.find(By.linkText("Retirer ma candidature")).click();
        checkPage();
        browser.type("Pourquoi la structure retire-t-elle sa candidature", "Le local n'est plus disponible.");
        browser.find(By.xpath("//button[normalize-space()='Retirer ma candidature']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/portail/candidatures/" + applicationId));
        assertThat(notice()).contains("Votre candidature " + reference + " est retirée");
        assertThat(browser.text()).contains("Retirée par la structure", "Le local n'est plus disponible.")
                .doesNotContain("Retirer ma candidature");
        assertThat(browser.find(By.cssSelector(".etapes [aria-current=step]")).getAttribute("textContent"))
                .contains("Recevable").contains("arrêtée ici");
        assertThat(get("porteur", "/api/applications/" + applicationId).get("status")).isEqualTo("WITHDRAWN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        checkPage();

        // A second draft, given up: deleted after a confirmation step, its deletion audited.
        browser.driver.get(url("/portail"));
        String second = prepareApplication(campaign, name);
        browser.find(By.linkText("Supprimer ce brouillon")).click();
        checkPage();
        browser.find(By.xpath("//button[normalize-space()='Supprimer le brouillon']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/portail"));
        assertThat(notice()).contains("est supprimé");
        assertThat(count("select count(*) from application where id = ?", Long.valueOf(second))).isZero();
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'DRAFT_DELETED'",
                Long.valueOf(second))).isEqualTo(1);
    }

    /** "Préparer une candidature" in the open call's card, for his structure; the form's id. */
    private String prepareApplication(Map<String, Object> campaign, String structureName) {
        WebElement form = browser.find(By.xpath("//form[input[@name='campaignId' and @value='" + campaign.get("id") + "']]"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.tagName("select")))
                .selectByVisibleText(structureName);
        form.findElement(By.tagName("button")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/formulaire"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*/candidatures/(\\d+)/formulaire", "$1");
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-candidature")).getAttribute("data-ready")));
        return id;
    }

    @Test
    void theCampaignsSubThemesOfTheChosenThematicAreOfferedOnTheForm() {
        String code = "SB-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        java.time.LocalDate today = java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        Map<String, Object> campaign = post("admin", "/api/campaigns", Map.of("code", code, "name", "Appel " + code,
                "openingDate", today.minusDays(1).toString(), "closingDate", today.plusDays(30).toString(),
                "envelopeOperating", 1000000, "envelopeInvestment", 100000, "maxDurationYears", 2,
                "thematics", java.util.List.of("NOUVELLES_SOLIDARITES", "TRANSITION_ECOLOGIQUE"),
                "subThemes", Map.of("TRANSITION_ECOLOGIQUE", java.util.List.of("Réemploi", "Alimentation durable"))));
        await().atMost(PATIENCE).until(() -> "OPEN".equals(get("admin", "/api/campaigns/" + campaign.get("id")).get("status")));
        String id = String.valueOf(draft("porteur", campaign.get("id"), registerStructure("porteur").get("id"), 1,
                java.util.List.of(budget(1, 10000, 20000))).get("id"));

        signIn("porteur");
        openForm(id);
        // Transition écologique is chosen: its sub-themes are offered, none ticked.
        assertThat(browser.text()).contains("Sous-thème", "Aucun en particulier", "Réemploi", "Alimentation durable");
        checkPage();
        click("Alimentation durable");
        awaitSaved();
        await().atMost(PATIENCE).until(() -> "Alimentation durable".equals(jdbc.queryForObject(
                "select sub_theme from application where id = ?", String.class, Long.valueOf(id))));

        // Another thematic without sub-themes: the question goes, and so does the choice.
        click("Nouvelles solidarités");
        browser.await(d -> !d.findElement(By.tagName("body")).getText().contains("Alimentation durable"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select sub_theme from application where id = ?",
                String.class, Long.valueOf(id)) == null);
        assertThat(jdbc.queryForObject("select thematic from application where id = ?", String.class, Long.valueOf(id)))
                .isEqualTo("NOUVELLES_SOLIDARITES");
    }
}
