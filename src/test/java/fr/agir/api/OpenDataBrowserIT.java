package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The public open-data page in headless Chromium, without sign-in: the years published and the schema's columns,
 * then, with a wrong SIRET of the Département, the French notice that nothing is published. axe-core at 1366 and
 * 375 px.
 */
class OpenDataBrowserIT extends BrowserTestSupport {
    @Autowired
    private ConfigurableEnvironment environment;

    private void awaitText(String text) {
        browser.await(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    @Test
    void aVisitorReadsThePageAndSeesWhenNothingIsPublished() {
        try (OpenDataSeed seed = new OpenDataSeed(jdbc, 1997)) {
            long s = seed.structure("Association visible 1997", null, false);
            long app = seed.application(s, "Projet 1997", "IN_PROGRESS");
            seed.decision(app, "ADOPTED", "CP-1997-01-001");
            seed.act(app, "ARRETE", "IN_FORCE", 1997, null, Instant.parse("1997-02-01T09:00:00Z"), "2500.00");

            browser = new Browser();
            browser.driver.get(url("/donnees-ouvertes"));
            awaitText("Ce que contient un fichier");
            assertThat(browser.find(By.linkText("Subventions de l'exercice 1997 (CSV)")).getDomAttribute("href"))
                    .endsWith("/donnees-ouvertes/subventions-1997.csv");
            NarrowScreen.assertAccessibleAtBothWidths(browser);

            MapPropertySource wrong = new MapPropertySource("open-data-siret-under-test",
                    Map.of("agir.open-data.attribuant-siret", "22930001700007"));
            environment.getPropertySources().addFirst(wrong);
            try {
                browser.driver.get(url("/donnees-ouvertes"));
                awaitText("Les fichiers ne sont pas publiés pour le moment");
                assertThat(browser.text()).doesNotContain("Subventions de l'exercice 1997");
                NarrowScreen.assertAccessibleAtBothWidths(browser);
            } finally {
                environment.getPropertySources().remove(wrong.getName());
            }
        }
    }
}
