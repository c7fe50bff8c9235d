package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages no journey of a role goes through: every role's home, the footer's pages, the French
 * error pages, and the case file's members, agreement and report pages of a grant — each checked by
 * axe-core at 1366 and 375 px, and never wider than a phone's screen.
 */
class LayoutBrowserIT extends BrowserTestSupport {

    private void visit(String path, String title) {
        browser.driver.get(url(path));
        browser.await(d -> d.getTitle().startsWith(title));
        assertThat(browser.driver.findElements(By.cssSelector("footer.pied a[href='/accessibilite']"))).hasSize(1);
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    @Test
    void everyRolesHomeTheFootersPagesAndTheErrorPagesAreAccessibleAtBothWidths() {
        for (String user : List.of("instructeur", "avis-dter", "jury", "finances1", "admin")) {
            signIn(user);
            visit("/", "Accueil");
            assertThat(browser.find(By.tagName("h1")).getText()).as("a name, not the login")
                    .startsWith("Bonjour ").isNotEqualTo("Bonjour " + user);
        }
        signIn("porteur");
        visit("/", "Accueil");
        visit("/mentions-legales", "Mentions légales");
        visit("/donnees-personnelles", "Données personnelles");
        visit("/accessibilite", "Déclaration d");
        visit("/contact", "Contact");
        visit("/nulle-part", "Introuvable");
        visit("/instruction", "Accès refusé");
        assertThat(browser.find(By.cssSelector("main .bouton")).getText()).isEqualTo("Retour à l’accueil");
    }

    /**
     * The Content-Security-Policy lets Agir's pages and the API's documentation (Swagger UI) work, and
     * refuses what comes from elsewhere: the check of every journey's pages does see a refusal.
     */
    @Test
    void theContentSecurityPolicyRefusesWhatComesFromElsewhereAndNothingOfAgirsOwn() {
        signIn("porteur");
        visit("/mentions-legales", "Mentions légales");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "const i = new Image(); i.src = 'http://127.0.0.1:1/intrus.png'; document.body.appendChild(i);");
        List<String> refused = browser.await(d -> {
            List<String> seen = browser.contentSecurityPolicyViolations();
            return seen.isEmpty() ? null : seen;
        });
        assertThat(refused).anyMatch(m -> m.contains("img-src"));

        browser.driver.get(url("/swagger-ui/index.html"));
        browser.await(d -> d.findElements(By.cssSelector(".opblock-tag")).size() > 3);
        browser.assertNoContentSecurityPolicyViolation();
    }

    @Test
    void theMembersAgreementAndReportPagesOfAGrantAreAccessibleAtBothWidths() {
        Grant grant = grantedOneYear();
        signIn("porteur");
        visit("/portail/structures/" + grant.structureId() + "/membres", "Membres");
        visit("/portail/structures/" + grant.structureId() + "/documents", "Dossier unique");
        visit("/portail/candidatures/" + grant.applicationId() + "/convention", "Convention");
        assertThat(browser.text()).contains("Paul Porteur").doesNotContain("signée par porteur");
        visit("/portail/candidatures/" + grant.applicationId() + "/compte-rendu", "Compte");
        visit("/portail/candidatures/" + grant.applicationId(), "Candidature");
    }
}
