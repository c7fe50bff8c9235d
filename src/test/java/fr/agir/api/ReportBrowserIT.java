package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        return browser.find(By.cssSelector("#formulaire-candidature [id$='-" + id + "']"));
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

    @Test
    void theStructureFillsItsReportOverTwoSittingsAndTheInstructorValidatesIt() {
        Grant grant = grantedOneYear();

        // First sitting: the qualitative part and two lines, autosaved.
        signIn("porteur");
        openForm(grant.applicationId());
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        type(null, "actions", "Atelier de réparation ouvert 40 semaines.");
        type(null, "publicReached", "420");
        type(null, "datesPlaces", "De janvier à décembre, à Saint-Denis.");
        type(null, "indicators", "Objets réparés : 1 900 (objectif 1 500).");
        type("l60", "actual", "3000");
        type("l64", "actual", "46 500");
        awaitText("Écart : 6 500 €");
        // The gap is above 15 %: its explanation is asked for.
        type("l64", "explanation", "Un poste d'animateur à mi-temps de plus.");
        awaitSaved();

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
        browser.find(By.id("deposer")).click();

        // The summary: reread, then send.
        awaitText("Relire et remettre le compte-rendu");
        assertThat(browser.text()).contains("Équilibré", "à expliquer", "Un poste d'animateur à mi-temps de plus.");
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
        assertThat(browser.text()).contains("Validé par le service instructeur");
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        assertThat(jdbc.queryForObject("select status from report where id = ?", String.class,
                Long.valueOf(grant.reportId()))).isEqualTo("VALIDATED");
    }
}
