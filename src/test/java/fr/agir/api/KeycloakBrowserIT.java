package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person signs in through Keycloak's login page in a real browser (Debian's headless Chromium,
 * driven by Debian's chromedriver: nothing is downloaded) and lands on the home of his role.
 */
class KeycloakBrowserIT extends KeycloakTestSupport {
    private static Browser session;
    private static WebDriver browser;

    /** A new browser profile per test: each starts signed out of Agir and of Keycloak. */
    @BeforeEach
    void openBrowser() {
        session = new Browser();
        browser = session.driver;
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anApplicantAndAnInstructorSignInThroughKeycloakAndLandOnTheirHomePages() {
        signIn("porteur");
        assertThat(browser.getTitle()).contains("Accueil");
        assertThat(headings()).contains("Espace porteur de projet").doesNotContain("Instruction des candidatures");

        signOut();
        browser.get(keycloak().appUrl() + "/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("the Keycloak session ended too: the login form again")
                .startsWith(keycloak().url() + "/realms/agir/");

        signIn("instructeur");
        assertThat(headings()).contains("Instruction des candidatures").doesNotContain("Espace porteur de projet");
        browser.get(keycloak().appUrl() + "/camunda/app/cockpit/default/");
        assertThat(browser.findElement(By.tagName("body")).getText()).as("Cockpit is for admins only")
                .doesNotContain("Cockpit");
        browser.get(keycloak().appUrl() + "/");
        signOut();
    }

    @Test
    void anAdministratorReachesCockpitWithTheSameSignIn() {
        signIn("admin");
        assertThat(headings()).contains("Administration");
        browser.findElement(By.linkText("Suivi technique des processus (Cockpit, en anglais)")).click();
        waitFor(ExpectedConditions.titleContains("Cockpit"));
        waitFor(ExpectedConditions.urlContains("#/dashboard"));
        assertThat(browser.getCurrentUrl()).as("Cockpit's dashboard, not its first-administrator setup")
                .startsWith(keycloak().appUrl() + "/camunda/app/cockpit/default/");
        browser.get(keycloak().appUrl() + "/");
        signOut();
    }

    @Test
    void aWrongPasswordStaysOnKeycloakWithAMessageInFrench() {
        browser.get(keycloak().appUrl() + "/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("porteur");
        browser.findElement(By.id("password")).sendKeys("pas-le-bon");
        browser.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-username")));
        assertThat(browser.findElement(By.id("input-error-username")).getText())
                .isEqualTo("Nom d'utilisateur ou mot de passe invalide.");
        assertThat(browser.getCurrentUrl()).startsWith(keycloak().url());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }

    /**
     * A project leader without an account registers on Keycloak's page, receives the address check
     * by e-mail (a real SMTP server), follows its link and lands in Agir as an applicant.
     */
    @Test
    void aNewProjectLeaderRegistersVerifiesHisAddressAndLandsOnTheApplicantHome() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(keycloak().smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String username = "nouveau" + Long.toString(System.nanoTime(), 36);
            String email = username + "@asso-exemple.fr";
            browser.get(keycloak().appUrl() + "/");
            waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#kc-registration a"))).click();
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("password-confirm")));
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("firstName")).sendKeys("Awa");
            browser.findElement(By.id("lastName")).sendKeys("Diallo");
            browser.findElement(By.id("password")).sendKeys("Velos-Solidaires-93");
            browser.findElement(By.id("password-confirm")).sendKeys("Velos-Solidaires-93");
            browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();

            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the address check was sent").isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
            Matcher link = Pattern.compile("https?://[^\\s\"<>]+action-token[^\\s\"<>]+")
                    .matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
            assertThat(link.find()).as("a verification link in the e-mail").isTrue();
            browser.get(link.group().replace("&amp;", "&"));

            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Awa Diallo"));
            assertThat(headings()).as("a new account is an applicant").containsExactly("Espace porteur de projet");
        } finally {
            smtp.stop();
        }
    }

    private void signIn(String username) {
        browser.get(keycloak().appUrl() + "/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("sent to Keycloak's login page")
                .startsWith(keycloak().url() + "/realms/agir/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(KeycloakServer.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour " + fr.agir.security.DemoAccounts.nameOf(username).orElseThrow()));
        assertThat(browser.getCurrentUrl()).startsWith(keycloak().appUrl());
    }

    private void signOut() {
        browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Vous êtes déconnecté·e"));
        assertThat(browser.getCurrentUrl()).startsWith(keycloak().appUrl() + "/login?logout");
    }

    private List<String> headings() {
        return browser.findElements(By.tagName("h2")).stream().map(e -> e.getText().trim()).toList();
    }

    private static <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return session.await(condition);
    }
}
