package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A finance officer generates today's bordereaux, then imports the finance software's return: first a file
 * that is not a CSV (refused, said in French next to the field), then the right one; the installment is paid.
 * axe-core checks each page at 1366 and 375 px.
 */
class PaymentOrderBrowserIT extends BrowserTestSupport {

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
    void exportThenImportTheReturn() throws Exception {
        String installment = validatedAdvance();

        signIn("finances1");
        browser.driver.get(url("/finances/bordereaux"));
        awaitText("Générer les bordereaux du jour");
        check();
        click("Générer les bordereaux du jour");
        browser.await(d -> d.findElement(By.tagName("body")).getText().matches("(?si).*bordereaux? générés?.*"));
        assertThat(browser.text()).contains("Bordereaux exportés", "Fonctionnement");
        check();
        Map<String, Object> order = list("finances1", "/api/payment-orders?installment=" + installment).get(0);
        browser.find(By.linkText("N° " + order.get("idBord") + " — exercice " + order.get("exercice"))).click();
        awaitText(String.valueOf(order.get("idPce")));
        assertThat(browser.text()).contains("En attente du retour", "65 / 6574 / 93");
        check();

        browser.driver.get(url("/finances/retours"));
        awaitText("Importer le retour du logiciel financier");
        check();
        Path wrong = Files.createTempFile("retour", ".pdf");
        Files.write(wrong, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        browser.find(By.id("file")).sendKeys(wrong.toString());
        click("Importer le retour");
        awaitText("Le fichier n’a pas été importé");
        assertThat(browser.text()).contains("fichier texte CSV");
        check();

        Path file = Files.createTempFile("retour", ".csv");
        Files.writeString(file, "piece;mandat;date;montant\n" + order.get("idPce") + ";M-NAV-" + installment + ";"
                + LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";21600,00\n99999999;M-X;"
                + LocalDate.now(fr.agir.shared.TimeConfig.PARIS) + ";1,00\n");
        browser.find(By.id("file")).sendKeys(file.toString());
        click("Importer le retour");
        awaitText("Retour appliqué en partie");
        assertThat(browser.text()).contains("1 échéance payée par cet import", "inconnue");
        check();
        assertThat(jdbc.queryForObject("select status from installment where id = ?", String.class,
                Long.valueOf(installment))).isEqualTo("PAID");
        Files.deleteIfExists(wrong);
        Files.deleteIfExists(file);
    }
}
