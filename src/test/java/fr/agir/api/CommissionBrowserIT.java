package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The DIEESS prepares and records a sitting of the Commission permanente in headless Chromium: the
 * sittings' page and a creation, the report built with its déport flag, a line adjusted (a refusal
 * first), the report sent after a confirmation, the vote with one rejection (a wrong number refused
 * first) confirmed then recorded, and the elected members' page; then the project leader finds the
 * refusal letter on his application's page and downloads it. axe-core checks each page at 1366
 * and 375 px, and none is wider than a 375 px screen.
 */
class CommissionBrowserIT extends BrowserTestSupport {
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
    void theDieessPreparesTheReportAndRecordsTheVote() {
        Map<String, Object> campaign = openCampaign(30);
        long campaignId = ((Number) campaign.get("id")).longValue();
        CommissionApiIT.Line first = CommissionApiIT.awaitingVote(jdbc, runtime, campaignId, 1, 1, 10000, 9000);
        CommissionApiIT.Line linked = CommissionApiIT.awaitingVote(jdbc, runtime, campaignId, 2, 2, 12000, 9000);
        CommissionApiIT.Line rejected = CommissionApiIT.awaitingVote(jdbc, runtime, campaignId, 3, 1, 10000, 8000);
        long member = ((Number) post("instructeur", "/api/commission/elus", Map.of("fullName", "Mme Fatou Camara"))
                .get("id")).longValue();
        post("instructeur", "/api/commission/elus/liens", Map.of("memberId", member, "structureId", linked.structureId(),
                "kind", "MANDATE", "description", "Présidente"));

        signIn("instructeur");
        browser.find(By.linkText("Commission permanente")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/instruction/commission"));
        check();

        // A creation refused, then accepted.
        click("Créer la séance");
        browser.await(d -> !d.findElements(By.id("erreurs")).isEmpty());
        assertThat(browser.text()).contains("Numéro de la séance obligatoire");
        check();
        new Select(browser.fieldLabelled("Appel à projets")).selectByValue(String.valueOf(campaignId));
        String number = "CP-NAV-" + Long.toString(System.nanoTime(), 36);
        browser.type("Numéro de la séance", number);
        setDate("Date de la séance", TODAY);
        click("Créer la séance");
        browser.await(d -> d.getCurrentUrl().matches(".*/instruction/commission/seances/\\d+$"));
        String sittingUrl = browser.driver.getCurrentUrl();
        String sittingId = sittingUrl.replaceAll(".*/", "");
        assertThat(browser.text()).contains("La séance " + number + " est créée").contains("Le rapport est vide");
        check();

        click("Constituer le rapport");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("3 dossiers ajoutés au rapport"));
        assertThat(browser.text()).contains(first.reference(), linked.reference(), rejected.reference())
                .contains("Mme Fatou Camara (mandat dans la structure)").contains("Plaine Commune");
        check();

        // Adjust a line: the reason is required, the jury's proposal stays beside.
        browser.driver.get(url("/instruction/commission/seances/" + sittingId + "/lignes/" + first.applicationId()));
        browser.type("Montant de l’année 1", "8 500");
        click("Ajuster la proposition");
        browser.await(d -> !d.findElements(By.id("reason-erreur")).isEmpty());
        assertThat(browser.fieldLabelled("Montant de l’année 1").getAttribute("value")).isEqualTo("8 500");
        check();
        browser.type("Raison de l’ajustement", "Frais de communication réduits");
        click("Ajuster la proposition");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Proposition ajustée"));
        assertThat(browser.text()).contains("Frais de communication réduits").contains("jury : année 1 : 9 000,00");

        // Send the report: confirmed first.
        click("Envoyer le rapport aux élus…");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Envoyer le rapport aux élus ?"));
        check();
        click("Envoyer le rapport");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Rapport envoyé aux élus."));

        // The vote: a wrong number refused, then one rejection, confirmed, recorded.
        browser.find(By.linkText("Enregistrer le vote")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/vote"));
        check();
        browser.type("Numéro de la délibération", "CP-26-11-1");
        setDate("Date de la délibération", TODAY);
        browser.type("Dossier", rejected.reference());
        new Select(browser.fieldLabelled("Décision")).selectByValue("REJECTED");
        browser.type("Motivation du rejet", "Le projet ne relève pas des thématiques de l'appel");
        click("Vérifier avant d'enregistrer");
        browser.await(d -> !d.findElements(By.id("deliberationNumber-erreur")).isEmpty());
        assertThat(browser.text()).contains("Format attendu : CP-AAAA-MM-NNN");
        check();
        String deliberation = CommissionApiIT.freshDeliberationNumber(jdbc);
        browser.type("Numéro de la délibération", deliberation);
        click("Vérifier avant d'enregistrer");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Enregistrer le vote de la Commission permanente ?"));
        assertThat(browser.text()).contains("2 dossiers adoptés tels que le rapport les propose").contains("1 dossier rejeté").contains("1 déport enregistré");
        check();
        // Back from the confirmation: the form as it was typed, nothing recorded.
        click("Revenir modifier");
        browser.await(d -> d.getCurrentUrl().endsWith("/vote") && !d.findElements(By.id("deliberationNumber")).isEmpty());
        assertThat(browser.fieldLabelled("Numéro de la délibération").getAttribute("value")).isEqualTo(deliberation);
        assertThat(browser.fieldLabelled("Dossier").getAttribute("value")).isEqualTo(rejected.reference());
        assertThat(browser.fieldLabelled("Motivation du rejet").getAttribute("value"))
                .isEqualTo("Le projet ne relève pas des thématiques de l'appel");
        assertThat(count("select count(*) from decision where sitting_id = ?", Long.parseLong(sittingId))).isZero();
        click("Vérifier avant d'enregistrer");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Enregistrer le vote de la Commission permanente ?"));
        click("Enregistrer le vote");
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Vote enregistré : délibération " + deliberation));
        assertThat(browser.text()).contains("Le projet ne relève pas des thématiques de l'appel")
                .contains("S’est retiré·e : Mme Fatou Camara");
        check();
        assertThat(count("select count(*) from decision where sitting_id = ?", Long.parseLong(sittingId))).isEqualTo(3);
        assertThat(jdbc.queryForObject("select status from application where id = ?", String.class, rejected.applicationId()))
                .isEqualTo("REJECTED");

        browser.find(By.linkText("Commission permanente")).click();
        browser.find(By.linkText("Élus de la Commission et leurs liens avec des structures")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/elus"));
        assertThat(browser.text()).contains("Mme Fatou Camara").contains("Présidente");
        check();

        // The project leader of the rejected application reads its refusal letter in the portal.
        jdbc.update("insert into structure_member (structure_id, username, member_role, created_at) values "
                + "(?, 'porteur', 'LEGAL_REPRESENTATIVE', now(6))", rejected.structureId());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> count(
                "select count(*) from decision_letter where application_id = ?", rejected.applicationId()) == 1);
        signIn("porteur");
        browser.driver.get(url("/portail/candidatures/" + rejected.applicationId()));
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains("Courriers"));
        org.openqa.selenium.WebElement link = browser.find(By.partialLinkText("Notification de refus de subvention"));
        String href = link.getDomAttribute("href");
        assertThat(href).startsWith("/portail/candidatures/" + rejected.applicationId() + "/courriers/");
        assertThat(link.getText()).isEqualTo("Notification de refus de subvention (PDF)");
        assertThat(browser.text()).contains("(PDF), envoyé le").contains("Rien : ce dossier est terminé.")
                .doesNotContain("vous serez prévenu");
        check();
        org.springframework.http.ResponseEntity<String> pdf = browser(signedInSession("porteur"),
                org.springframework.http.HttpMethod.GET, href, null);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).startsWith("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("notification-refus-" + rejected.reference() + ".pdf");
        assertThat(pdf.getBody()).startsWith("%PDF");
    }
}
