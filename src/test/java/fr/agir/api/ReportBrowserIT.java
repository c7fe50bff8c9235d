package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The financial report in headless Chromium: the structure fills it over two sittings (the draft comes back from
 * the server in a fresh browser), rereads it and sends it; the instructor reviews it (the gap above the threshold
 * flagged with its explanation) and validates it. axe-core checks each page at 1366 and 375 px.
 */
class ReportBrowserIT extends BrowserTestSupport {
    private static final JsonNode FORM;

    static {
        try {
            FORM = new ObjectMapper().readTree(new File("forms/financial-report.form"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form-js input of {@code key} (in the line group {@code group}, or at the top when null). */
    private WebElement field(String group, String key) {
        return browser.find(By.cssSelector("#formulaire-candidature [id$='-" + id(group, key) + "']"));
    }

    private String id(String group, String key) {
        String id = null;
        for (JsonNode c : FORM.path("components")) {
            if (group == null && key.equals(c.path("key").asText())) {
                id = c.path("id").asText();
            }
            if (group != null && group.equals(c.path("path").asText())) {
                for (JsonNode child : c.path("components")) {
                    if (key.equals(child.path("key").asText())) {
                        id = child.path("id").asText();
                    }
                }
            }
        }
        return id;
    }

    private void type(String group, String key, String text) {
        WebElement input = field(group, key);
        input.clear();
        input.sendKeys(text);
    }

    private void awaitText(String text) {
        browser.await(d -> d.findElement(By.tagName("body")).getText().replace('\u00a0', ' ').contains(text));
    }

    private void openForm(String applicationId) {
        browser.driver.get(url("/portail/candidatures/" + applicationId + "/compte-rendu"));
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-candidature")).getAttribute("data-ready")));
    }

    private void awaitSaved() {
        browser.await(d -> d.findElement(By.id("etat-enregistrement")).getText().startsWith("Brouillon enregistré à"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;

    private long px(String script) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(script)).longValue();
    }

    @Test
    void theStructureFillsItsReportOverTwoSittingsAndTheInstructorValidatesIt() throws IOException {
        Grant grant = grantedOneYear();
        // The report is late: the structure's home says so; the instructors follow it up from their queue.
        java.time.LocalDate today = java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        jdbc.update("update report set due_date = ? where id = ?", today.minusDays(3), Long.valueOf(grant.reportId()));
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(grant.reference()).list()
                .stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
        management.createJobQuery().timers().activityId("Event_ReportOverdue").list().stream()
                .filter(j -> instances.contains(j.getProcessInstanceId()))
                .forEach(j -> management.executeJob(j.getId()));
        awaitWaitingAt(grant.reference(), "Task_FollowUpLateReport");
        signIn("instructeur");
        Object campaignId = get("porteur", "/api/applications/" + grant.applicationId()).get("campaignId");
        browser.driver.get(url("/instruction?campaignId=" + campaignId));
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        browser.find(By.linkText("Suivre le compte-rendu en retard")).click();
        awaitText("Relancer le compte-rendu en retard");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        new org.openqa.selenium.support.ui.Select(browser.fieldLabelled("Moyen de contact")).selectByVisibleText("E-mail");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.fieldLabelled("Date du contact"), today.toString());
        browser.type("Ce qui a été dit ou convenu (facultatif)", "Envoi promis pour la fin de semaine.");
        browser.find(By.xpath("//button[normalize-space()='Relance effectuée']")).click();
        awaitText("Relance enregistrée.");
        assertThat(browser.text()).contains("Structure contactée par e-mail le", "Envoi promis pour la fin de semaine.");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        browser.driver.get(url("/instruction/candidatures/" + grant.applicationId()));
        awaitText("Comptes rendus financiers de la structure");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // First sitting: the qualitative part and two lines, autosaved.
        signIn("porteur");
        browser.driver.get(url("/portail"));
        awaitText("En retard de 3 jours");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        openForm(grant.applicationId());
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        type(null, "actions", "Atelier de réparation ouvert 40 semaines.");
        type(null, "publicReached", "420");
        type(null, "datesPlaces", "De janvier à décembre, à Saint-Denis.");
        type(null, "indicators", "Objets réparés : 1 900 (objectif 1 500).");
        type("l60", "actual", "3000");
        type("l64", "actual", "46 500");
        awaitText("+6 500 €");
        // The gap is above 15 %: its explanation is asked for.
        type("l64", "explanation", "Un poste d'animateur à mi-temps de plus.");
        awaitSaved();

        // A piece from the report page, right after typing: the draft is saved before the page posts the file.
        type(null, "datesPlaces", "De janvier à décembre, à Saint-Denis et Aubervilliers.");
        java.nio.file.Path comptes = java.nio.file.Files.createTempDirectory("agir-report-")
                .resolve("comptes-approuves-2026.pdf");
        java.nio.file.Files.write(comptes, fr.agir.structure.SampleFiles.pdf("Comptes approuvés"));
        browser.find(By.id("fichier-comptes_approuves")).sendKeys(comptes.toString());
        browser.find(By.cssSelector("button[aria-label='Déposer et joindre : Derniers comptes approuvés']")).click();
        awaitText("Pièce « Derniers comptes approuvés » jointe au compte-rendu.");
        browser.await(d -> "true".equals(d.findElement(By.id("formulaire-candidature")).getAttribute("data-ready")));
        assertThat(field(null, "datesPlaces").getAttribute("value"))
                .isEqualTo("De janvier à décembre, à Saint-Denis et Aubervilliers.");
        java.nio.file.Files.deleteIfExists(comptes);

        // Second sitting, in a fresh browser (nothing on the device): the draft comes back from the server.
        signIn("porteur");
        openForm(grant.applicationId());
        assertThat(field(null, "actions").getAttribute("value")).isEqualTo("Atelier de réparation ouvert 40 semaines.");
        assertThat(field("l64", "explanation").getAttribute("value")).isEqualTo("Un poste d'animateur à mi-temps de plus.");
        type("l70", "actual", "22500");
        type("l70", "explanation", "Ventes de la boutique plus fortes que prévu.");
        type("l74_departement", "actual", "27000");
        type("l86", "actual", "1500");
        type("l87", "actual", "1500");
        for (String line : new String[] {"l61", "l62", "l63", "l65", "l66", "l67", "l68", "l73", "l74_etat",
                "l74_region", "l74_epci", "l74_commune", "l74_organismes_sociaux", "l74_fonds_europeens", "l74_asp",
                "l74_autres", "l74_aides_privees", "l75", "l76", "l77", "l78", "l79"}) {
            type(line, "actual", "0");
        }
        type(null, "grantUse", "Salaires de l'encadrant technique et outillage.");
        type(null, "unspent", "0");
        awaitText("Les charges et les produits réalisés sont égaux.");
        awaitSaved();
        // Percentages the French way, as on the summary and the PDF; at a desk the table is a table (one line per
        // row, the forecast beside the actual), on a phone each line is stacked.
        browser.await(d -> browser.text().contains("+73,1\u202f%"));
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        String forecastTop = "return document.querySelector(\"#formulaire-candidature [id$='-" + id("l64", "forecast")
                + "']\").getBoundingClientRect().top";
        String actualTop = forecastTop.replace(id("l64", "forecast"), id("l64", "actual"));
        assertThat(Math.abs(px(forecastTop) - px(actualTop))).as("forecast and actual on one row").isLessThan(8);
        assertThat(px("return document.getElementById('formulaire-candidature').offsetHeight")).as("the form's height")
                .isLessThan(6000);
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 375, "height", 900, "deviceScaleFactor", 1, "mobile", true));
        browser.await(d -> px(actualTop) - px(forecastTop) > 20);
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        browser.find(By.id("deposer")).click();

        // The summary: reread, then send.
        awaitText("Relire et remettre le compte-rendu");
        assertThat(browser.text()).contains("Équilibré", "à expliquer", "Un poste d'animateur à mi-temps de plus.",
                "(+73,1\u202f%)", "Derniers comptes approuvés");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        browser.find(By.xpath("//button[normalize-space()='Remettre le compte-rendu']")).click();
        awaitText("Compte-rendu remis.");
        assertThat(browser.text()).contains("Le compte-rendu remis (PDF)");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // The instructor: the gap flagged with its explanation, then validated.
        awaitWaitingAt(grant.reference(), "Task_ValidateReport");
        signIn("instructeur");
        browser.driver.get(url("/instruction/comptes-rendus"));
        browser.find(By.partialLinkText(grant.reference())).click();
        awaitText("Compte-rendu financier — " + grant.reference());
        assertThat(browser.text()).contains("à expliquer", "Un poste d'animateur à mi-temps de plus.");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        WebElement validate = browser.fieldLabelled("Valider le compte-rendu");
        browser.driver.findElement(By.cssSelector("label[for='" + validate.getAttribute("id") + "']")).click();
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        awaitText("Compte-rendu validé.");
        assertThat(browser.text()).contains("Validé le", "(instruction, DIEESS)");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        assertThat(jdbc.queryForObject("select status from report where id = ?", String.class,
                Long.valueOf(grant.reportId()))).isEqualTo("VALIDATED");
    }
}
