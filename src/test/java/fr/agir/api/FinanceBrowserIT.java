package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The finance officers' workspace in headless Chromium: finances1 finds the installment ready to
 * liquidate, reads its checklist and liquidates it; finances2 finds it awaiting validation (with who
 * liquidated it), confirms and validates the payment order. axe-core checks each page at 1366 and 375 px.
 */
class FinanceBrowserIT extends BrowserTestSupport {

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
    void oneOfficerLiquidatesAnotherValidates() {
        Voted voted = votedOneYear();
        String agreementId = String.valueOf(get("porteur", "/api/applications/" + voted.applicationId() + "/agreement")
                .get("id"));
        signAgreement("porteur", agreementId);
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
        post("signataire", "/api/agreements/" + agreementId + "/countersign", null);
        Map<String, Object> installment = awaitInstallment(voted.applicationId(), 1, "ADVANCE");
        String id = String.valueOf(installment.get("id"));
        awaitWaitingAt(voted.reference(), "Task_PreparePayment");
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM installment WHERE id = ? "
                + "AND payable_since IS NOT NULL", id) == 1);
        String campaignId = String.valueOf(jdbc.queryForObject("SELECT campaign_id FROM application WHERE id = ?",
                Long.class, Long.valueOf(voted.applicationId())));
        String structureName = String.valueOf(jdbc.queryForObject("SELECT s.name FROM structure s JOIN application a "
                + "ON a.structure_id = s.id WHERE a.id = ?", String.class, Long.valueOf(voted.applicationId())));

        signIn("finances1");
        browser.driver.get(url("/"));
        browser.find(By.linkText("Échéances à payer")).click();
        awaitText("Délai de paiement par appel à projets");
        browser.driver.get(url("/finances?onglet=a-liquider&campaignId=" + campaignId));
        awaitText(structureName);
        assertThat(browser.text()).contains("J+0", "avance, année 1", "21 600,00 €");
        check();
        browser.find(By.linkText(structureName)).click();
        awaitText("Vérifications avant paiement");
        assertThat(browser.text()).contains("Convention contresignée par le Département le", "Conformes",
                "FR76 3000 6000 0112 3456 7890 189", "Échéancier de la convention");
        check();
        click("Liquider l'échéance");
        awaitText("Échéance liquidée.");
        assertThat(browser.text()).contains("Vous avez liquidé cette échéance");
        check();
        awaitWaitingAt(voted.reference(), "Task_ValidatePayment");

        signIn("finances2");
        browser.driver.get(url("/finances?onglet=a-valider&campaignId=" + campaignId));
        awaitText(structureName);
        assertThat(browser.text()).contains("Fanny Finances");
        check();
        browser.find(By.linkText(structureName)).click();
        awaitText("Valider le mandat");
        click("Valider le mandat…");
        awaitText("Cette action est définitive.");
        check();
        click("Valider le mandat");
        awaitText("Mandat validé.");
        check();
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'INSTALLMENT' "
                + "AND entity_id = ? AND action = 'PAYMENT_VALIDATED' AND actor = 'finances2'", id) == 1);

        // The validated tab and the installment's page follow the order into its bordereau.
        browser.driver.get(url("/finances?onglet=validees&campaignId=" + campaignId));
        awaitText(structureName);
        assertThat(browser.text()).contains("En attente du prochain bordereau", "Générer les bordereaux du jour",
                "Fonctionnement");
        check();
        exportedOrder(id);
        browser.driver.get(url("/finances?onglet=validees&campaignId=" + campaignId));
        awaitText("Bordereau n°");
        check();
        browser.find(By.linkText(structureName)).click();
        awaitText("Mandat de paiement");
        assertThat(browser.text()).contains("Numéro de pièce", "En attente du retour du logiciel financier");
        check();

        browser.driver.get(url("/finances/rib"));
        awaitText("Changements de coordonnées bancaires à vérifier");
        check();
    }
}
