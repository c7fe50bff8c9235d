package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The DIEESS runs a jury session in headless Chromium: the sessions' page (a refused creation keeps
 * what was typed), the frozen grid, the session's page, confirmed phase changes, the deliberation's
 * proposals (a refused then accepted one), the closing and its minutes. axe-core checks every page at
 * 1366 and 375 px, and no page is wider than a 375 px screen. Members are chosen among people with the
 * jury role; every action posts, then redirects (303) to a page with a notice.
 */
class JurySecretariatBrowserIT extends BrowserTestSupport {

    @Test
    void theSecretariatDeliberatesWithinTheEnvelopeAndClosesTheSession() {
        JurySetup jury = juryInScoring(List.of("jury", "jure2"), 2, 2);
        Voted first = jury.applications().get(0);
        Voted second = jury.applications().get(1);
        for (String member : List.of("jury", "jure2")) {
            post(member, "/api/jury/my-sessions/" + jury.sessionId() + "/applications/" + first.applicationId() + "/score",
                    Map.of("values", Map.of(jury.criteria().get(0), 5, jury.criteria().get(1), 4)));
            post(member, "/api/jury/my-sessions/" + jury.sessionId() + "/applications/" + second.applicationId() + "/score",
                    Map.of("values", Map.of(jury.criteria().get(0), 3, jury.criteria().get(1), 2)));
        }

        signIn("instructeur");
        browser.find(By.linkText("Jury")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/instruction/jury"));
        assertReadableAtBothWidths();

        // A creation refused keeps what was typed, the errors next to their fields.
        browser.type("Nom de la séance", "Jury d'automne");
        browser.type("Membres par dossier", "12");
        browser.find(By.xpath("//button[normalize-space()='Créer la séance']")).click();
        browser.await(d -> !d.findElements(By.id("erreurs")).isEmpty());
        assertThat(browser.fieldLabelled("Nom de la séance").getAttribute("value")).isEqualTo("Jury d'automne");
        assertThat(browser.find(By.id("campaignId-erreur")).getText()).contains("Choisissez la campagne");
        assertThat(browser.find(By.id("scoringOpens-erreur")).getText()).contains("date d'ouverture de la notation");
        assertThat(browser.find(By.id("jurorsPerApplication-erreur")).getText()).contains("Entre 1 et 10 membres par dossier");
        assertReadableAtBothWidths();

        // The grid the session scores with is frozen: saving makes the next version; a bad weight is refused.
        browser.driver.get(url("/instruction/jury/campagnes/" + jury.campaignId() + "/grille"));
        assertThat(browser.text()).contains("est figée depuis le").doesNotContain("|");
        assertThat(browser.fieldLabelled("Intitulé").getAttribute("value")).isEqualTo("Utilité sociale");
        assertThat(browser.fieldLabelled("Note 0").getAttribute("value")).as("one field per point").isEqualTo("Absente");
        assertThat(browser.fieldLabelled("Note 5").getAttribute("value")).isEqualTo("Exemplaire");
        assertThat(browser.driver.findElements(By.cssSelector("fieldset.critere"))).hasSize(2);
        assertReadableAtBothWidths();
        browser.find(By.xpath("//button[normalize-space()='Ajouter un critère']")).click();
        browser.await(d -> d.findElements(By.cssSelector("fieldset.critere")).size() == 3);
        browser.type("Poids", "lourd");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la grille']")).click();
        browser.await(d -> !d.findElements(By.id("criteria-0-weight-erreur")).isEmpty());
        assertThat(browser.fieldLabelled("Poids").getAttribute("value")).isEqualTo("lourd");
        assertThat(browser.driver.findElements(By.cssSelector("fieldset.critere"))).as("the criterion added stays").hasSize(3);
        assertReadableAtBothWidths();

        browser.driver.get(url("/instruction/jury/seances/" + jury.sessionId()));
        assertThat(browser.text()).contains("Notation").contains("Membre jury").contains("Membre jure2")
                .contains(first.reference()).contains("version 1 (figée), 2 critères").contains("2 membres par dossier")
                .doesNotContain("(s)").doesNotContain("dépassement");
        assertReadableAtBothWidths();

        // Opening the deliberation is confirmed first.
        browser.find(By.linkText("Ouvrir la délibération…")).click();
        browser.await(d -> d.getCurrentUrl().contains("/phase?vers=DELIBERATION"));
        assertThat(browser.text()).contains("Ouvrir la délibération de la séance ?").contains("Cette action est définitive");
        assertReadableAtBothWidths();
        browser.find(By.xpath("//button[normalize-space()='Ouvrir la délibération']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/instruction/jury/seances/" + jury.sessionId() + "#etape"));
        assertThat(browser.text()).contains("La délibération est ouverte").contains("Classement des dossiers")
                .contains("moyenne 18,67").contains("Projet de procès-verbal (PDF)")
                .contains("Enveloppe de la campagne, première année").doesNotContain("(s)");
        assertReadableAtBothWidths();

        // More than requested: refused, what was typed stays.
        openProposal(first);
        assertReadableAtBothWidths();
        browser.find(By.xpath("//label[normalize-space()='Favorable']")).click();
        browser.type("Montant de la première année", "99999");
        browser.type("Avis motivé", "Projet exemplaire");
        browser.find(By.xpath("//button[normalize-space()=\"Enregistrer l'avis\"]")).click();
        browser.await(d -> !d.findElements(By.id("erreurs")).isEmpty());
        assertThat(browser.text()).contains("Le jury ne propose pas plus que le montant demandé");
        assertThat(browser.find(By.id("amount1-erreur")).getText()).contains("Au plus le montant demandé");
        assertThat(browser.fieldLabelled("Montant de la première année").getAttribute("value")).isEqualTo("99999");
        assertThat(browser.fieldLabelled("Avis motivé").getAttribute("value")).isEqualTo("Projet exemplaire");
        assertReadableAtBothWidths();

        browser.type("Montant de la première année", "9000");
        browser.find(By.xpath("//button[normalize-space()=\"Enregistrer l'avis\"]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("#dossier-" + first.applicationId()));
        assertThat(browser.text()).contains("L'avis favorable du jury est enregistré").contains("9 000,00 €");
        openProposal(second);
        browser.find(By.xpath("//label[normalize-space()='Défavorable']")).click();
        browser.find(By.xpath("//button[normalize-space()=\"Enregistrer l'avis\"]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("#dossier-" + second.applicationId()));
        assertThat(browser.text()).contains("L'avis défavorable du jury est enregistré");

        browser.find(By.linkText("Clore la séance…")).click();
        browser.await(d -> d.getCurrentUrl().contains("/phase?vers=CLOSED"));
        assertReadableAtBothWidths();
        browser.find(By.xpath("//button[normalize-space()='Clore la séance et transmettre les avis']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("#etape"));
        assertThat(browser.text()).contains("La séance est close : l'avis du jury part vers chaque candidature")
                .contains("La séance est close depuis le").contains("Procès-verbal (PDF)")
                .contains("Favorable : année 1 : 9 000,00 €");
        assertReadableAtBothWidths();
        awaitWaitingAt(first.reference(), "Event_VoteReceived");
        awaitWaitingAt(second.reference(), "Event_VoteReceived");
    }

    @Test
    void membersAreChosenAmongPeopleWithTheJuryRoleAndEachActionRedirectsWithANotice() {
        Map<String, Object> campaign = openCampaign(30);
        LocalDate today = LocalDate.now(fr.agir.shared.TimeConfig.PARIS);
        String sessionId = String.valueOf(post("instructeur", "/api/jury/sessions", Map.of("campaignId", campaign.get("id"),
                "name", "Jury des membres", "scoringOpens", today.toString(), "scoringCloses", today.plusDays(7).toString(),
                "deliberationDate", today.plusDays(9).toString(), "jurorsPerApplication", 2)).get("id"));
        String page = "/instruction/jury/seances/" + sessionId;
        String session = signedInSession("instructeur");

        // Someone without the jury role cannot sit, even when the form is forged: a French error, nobody added.
        ResponseEntity<String> refused = postForm(session, page, page + "/membres",
                Map.of("rows[0].username", "porteur", "rows[0].selected", "true"));
        assertThat(refused.getStatusCode().value()).isEqualTo(303);
        assertThat(refused.getHeaders().getLocation().getPath()).isEqualTo(page);
        assertThat(browser(session, HttpMethod.GET, page, null).getBody())
                .contains("Paul Porteur n&#39;a pas le rôle de membre de jury").contains("La séance n'a encore aucun membre");
        assertThat(count("select count(*) from jury_session_member where session_id = ?", Long.valueOf(sessionId))).isZero();

        // In the page: people with the role are offered by name, with the campaign's thematics by their labels.
        signIn("instructeur");
        browser.driver.get(url(page));
        assertThat(browser.text()).contains("Julie Jury").contains("Jean Juré").contains("Transition écologique")
                .doesNotContain("NOUVELLES_SOLIDARITES");
        assertReadableAtBothWidths();
        browser.find(By.xpath("//label[normalize-space()='Julie Jury siège dans la séance']")).click();
        browser.find(By.xpath("//label[normalize-space()='Jean Juré siège dans la séance']")).click();
        browser.find(By.id("membre-" + indexOf("jury") + "-thematique-1")).click();
        browser.find(By.xpath("//button[normalize-space()='Enregistrer les membres']")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("#membres"));
        assertThat(browser.text()).contains("Les membres de la séance sont enregistrés : 2 membres.");
        List<Map<String, Object>> members = jdbc.queryForList("select username, display_name, email, thematics "
                + "from jury_session_member where session_id = ? order by username", Long.valueOf(sessionId));
        assertThat(members).extracting(m -> m.get("username")).containsExactly("jure2", "jury");
        assertThat(members.get(1)).containsEntry("display_name", "Julie Jury").containsEntry("thematics", "TRANSITION_ECOLOGIQUE");
        assertReadableAtBothWidths();

        // A phase change posts, then redirects (303) to the page with its notice; unconfirmed, it asks first.
        ResponseEntity<String> unconfirmed = postForm(session, page, page + "/phase", Map.of("phase", "SCORING"));
        assertThat(unconfirmed.getStatusCode().value()).isEqualTo(303);
        assertThat(unconfirmed.getHeaders().getLocation().toString()).endsWith(page + "/phase?vers=SCORING");
        ResponseEntity<String> confirmed = postForm(session, page, page + "/phase",
                Map.of("phase", "SCORING", "confirmed", "true"));
        assertThat(confirmed.getStatusCode().value()).isEqualTo(303);
        assertThat(confirmed.getHeaders().getLocation().toString()).endsWith(page + "#etape");
        assertThat(browser(session, HttpMethod.GET, page, null).getBody())
                .as("refused: no application taken yet, said in a notice").contains("La séance ne change pas d&#39;étape")
                .contains("alerte--erreur");
    }

    private int indexOf(String username) {
        List<WebElement> hidden = browser.driver.findElements(By.cssSelector("input[type=hidden][name$='.username']"));
        for (int i = 0; i < hidden.size(); i++) {
            if (username.equals(hidden.get(i).getAttribute("value"))) {
                return i;
            }
        }
        throw new AssertionError(username + " is not offered");
    }

    private void openProposal(Voted application) {
        browser.driver.get(url("/instruction/jury/seances/" + currentSessionId() + "#dossier-" + application.applicationId()));
        browser.find(By.id("dossier-" + application.applicationId()))
                .findElement(By.partialLinkText("avis du jury")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/candidatures/" + application.applicationId() + "/proposition"));
    }

    private String currentSessionId() {
        return browser.driver.getCurrentUrl().replaceAll(".*/seances/(\\d+).*", "$1");
    }

    /** axe-core at 1366 and 375 px, and nothing wider than the 375 px screen. */
    private void assertReadableAtBothWidths() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }

    /** Posts a page's form as the browser would: the session's cookie and the page's CSRF token, no redirect followed. */
    private ResponseEntity<String> postForm(String session, String pageWithForm, String action, Map<String, String> fields) {
        String csrf = csrfOf(browser(session, HttpMethod.GET, pageWithForm, null).getBody());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return browser(session, HttpMethod.POST, action, new HttpEntity<>(form, headers));
    }
}
