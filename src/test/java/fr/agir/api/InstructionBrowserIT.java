package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An instructor's day in the back office, in headless Chromium: the queue (take a task, give it to a
 * colleague by name), the case page, a private note, the completeness decision whose form shows only
 * the chosen decision's fields; the search of every application; and, without JavaScript, the
 * server reading only the chosen decision's fields. axe-core checks every page at 1366 and 375 px,
 * and no page is wider than 375 px.
 */
class InstructionBrowserIT extends BrowserTestSupport {

    @Test
    void anInstructorTakesATaskGivesItToAColleagueWritesANoteAndAsksForMissingPieces() {
        Map<String, Object> draft = oneYearDraft(budget(1, 12000, 20000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);
        post("porteur", "/api/applications/" + id + "/messages", Map.of("body", "Notre local ouvre en janvier."));
        awaitWaitingAt(reference, "Task_CheckCompleteness");

        signIn("instructeur");
        browser.find(By.linkText("File de travail")).click();
        browser.await(d -> d.getTitle().startsWith("File de travail"));
        assertAccessibleAtBothWidths();
        browser.driver.get(url("/instruction?campaignId=" + draft.get("campaignId")));
        assertThat(browser.text()).contains("1 tâche", reference, "Vérifier la recevabilité").doesNotContain("(s)");

        browser.find(By.xpath("//button[@aria-label='Prendre " + reference + "']")).click();
        browser.await(d -> browser.text().contains("Tâche prise : elle est dans votre file."));
        assertThat(browser.driver.getCurrentUrl()).as("back to the same filters")
                .contains("campaignId=" + draft.get("campaignId"));
        assertThat(browser.text()).contains("Remettre dans la file", "Ivan Instructeur").doesNotContain("Tâche mise à jour");

        // Given to a colleague chosen by name, not by typing a sign-in name.
        browser.find(By.xpath("//summary[starts-with(normalize-space(), 'Confier à')]")).click();
        new Select(browser.fieldLabelled("Collègue pour " + reference)).selectByVisibleText("Inès Instructrice");
        browser.find(By.xpath("//button[normalize-space()='Confier']")).click();
        browser.await(d -> browser.text().contains("Tâche confiée à Inès Instructrice."));
        assertThat(browser.find(By.cssSelector("td[data-label='Prise par']")).getText()).isEqualTo("Inès Instructrice");
        assertThat(jdbc.queryForObject("select reason from audit_event where action = 'TASK_ASSIGNED' and "
                + "application_id = ?", String.class, Long.valueOf(id))).contains("confiée à Inès Instructrice")
                .doesNotContain("instructrice ");
        assertAccessibleAtBothWidths();

        browser.find(By.linkText(reference)).click();
        browser.await(d -> d.getTitle().startsWith(reference));
        assertAccessibleAtBothWidths();
        assertThat(browser.text()).contains("Dossier unique de la structure", "Statuts", "Budget prévisionnel, année 1",
                "Total des charges", "Notre local ouvre en janvier.", "Historique", "Candidature déposée",
                "Paul Porteur", "Inès Instructrice")
                .doesNotContain("DRAFT_CREATED", "SUBMITTED", "moteur de processus", "an(s)");

        browser.type("Ajouter une note interne", "Structure connue : à rencontrer avant le jury.");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la note']")).click();
        browser.await(d -> browser.text().contains("Note interne enregistrée."));
        assertThat(browser.text()).contains("à rencontrer avant le jury");

        // A decision without a choice is refused next to its question.
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        browser.await(d -> d.findElement(By.id("erreurs")).getText().contains("Choisissez une décision"));
        assertAccessibleAtBothWidths();

        // Only the chosen decision's fields show; asked for without pieces, refused next to the list.
        clickLabel("Pièces manquantes");
        assertThat(browser.fieldLabelled("Pièces à fournir").isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("reason")).isDisplayed()).as("the motive of an inadmissibility")
                .isFalse();
        assertThat(browser.driver.findElement(By.id("routingReason")).isDisplayed()).isFalse();
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        browser.await(d -> d.findElement(By.id("erreurs")).getText().contains("Listez les pièces à fournir"));
        assertThat(browser.fieldLabelled("Pièces à fournir").isDisplayed()).as("the chosen block stays open").isTrue();
        browser.type("Pièces à fournir", "Attestation URSSAF de moins de 6 mois");
        browser.find(By.xpath("//button[normalize-space()='Enregistrer la décision']")).click();
        // The decision cannot be undone: it is read back, and only the confirmation records it.
        browser.await(d -> browser.text().contains("Confirmez-vous cette décision ?"));
        assertThat(browser.text()).contains("Pièces demandées : Attestation URSSAF de moins de 6 mois");
        assertThat(get("instructeur", "/api/applications/" + id).get("status")).isEqualTo("SUBMITTED");
        assertAccessibleAtBothWidths();
        browser.find(By.xpath("//button[normalize-space()='Confirmer la décision']")).click();
        browser.await(d -> browser.text().contains("Pièces complémentaires demandées à la structure."));
        assertThat(browser.text()).contains("a jusqu'au");
        awaitWaitingAt(reference, "Task_ProvideMissingPieces");
        await().atMost(PATIENCE).until(() -> !TestSmtp.get()
                .withSubject("Pièces manquantes pour votre candidature " + reference).isEmpty());

        // The note is the instructors' only.
        assertThat(callForText("porteur", HttpMethod.GET, "/portail/candidatures/" + id).getBody())
                .doesNotContain("à rencontrer avant le jury");
        assertThat(callForText("porteur", HttpMethod.GET, "/api/applications/" + id + "/annotations")
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void staffFindEveryApplicationByReferenceSiretOrFiltersAndNobodyElseMay() {
        Map<String, Object> campaign = openCampaign(30);
        Map<String, Object> structure = registerStructure("porteur");
        Map<String, Object> other = registerStructure("porteur");
        Map<String, Object> submitted = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 12000, 20000)));
        post("porteur", "/api/applications/" + submitted.get("id") + "/submit", null);
        Map<String, Object> stillDraft = draft("porteur", campaign.get("id"), structure.get("id"), 1,
                List.of(budget(1, 8000, 20000)));
        Map<String, Object> elsewhere = draft("porteur", campaign.get("id"), other.get("id"), 1,
                List.of(budget(1, 9000, 20000)));
        String siret = (String) structure.get("siret");

        signIn("instructeur");
        browser.find(By.linkText("Candidatures")).click();
        browser.await(d -> d.getTitle().startsWith("Candidatures"));
        assertAccessibleAtBothWidths();

        // By reference, then to its case page.
        browser.type("Référence, nom de la structure ou SIRET", (String) submitted.get("reference"));
        browser.find(By.xpath("//button[normalize-space()='Rechercher']")).click();
        browser.await(d -> browser.text().contains("1 candidature trouvée"));
        assertAccessibleAtBothWidths();
        browser.find(By.linkText((String) submitted.get("reference"))).click();
        browser.await(d -> d.getTitle().startsWith((String) submitted.get("reference")));

        // By SIRET as people write it (with spaces): both applications of the structure, drafts included.
        browser.driver.get(url("/instruction/candidatures"));
        browser.type("Référence, nom de la structure ou SIRET",
                siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " " + siret.substring(9));
        browser.find(By.xpath("//button[normalize-space()='Rechercher']")).click();
        browser.await(d -> browser.text().contains("2 candidatures trouvées"));
        assertThat(browser.text()).contains((String) submitted.get("reference"), (String) stillDraft.get("reference"))
                .doesNotContain((String) elsewhere.get("reference"));

        // A filter: the campaign's submitted applications only.
        browser.driver.get(url("/instruction/candidatures?campaignId=" + campaign.get("id")));
        assertThat(browser.text()).contains("3 candidatures");
        new Select(browser.fieldLabelled("Étape")).selectByVisibleText("Déposée — recevabilité en cours");
        browser.find(By.xpath("//button[normalize-space()='Rechercher']")).click();
        browser.await(d -> browser.text().contains("1 candidature trouvée"));
        assertThat(browser.text()).contains((String) submitted.get("reference"))
                .doesNotContain((String) stillDraft.get("reference"), (String) elsewhere.get("reference"));

        // By a part of the structure's name.
        String name = (String) other.get("name");
        browser.driver.get(url("/instruction/candidatures?q=" + name.substring(name.length() - 8)));
        assertThat(browser.text()).contains((String) elsewhere.get("reference"));

        // Only staff: an applicant and a reviewer get the French "access refused" page.
        for (String user : List.of("porteur", "avis-dter")) {
            ResponseEntity<String> refused = browser(signedInSession(user), HttpMethod.GET,
                    "/instruction/candidatures?q=AGIR", null);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).as(user).contains("<html lang=\"fr\">", "Accès refusé")
                    .doesNotContain(String.valueOf(submitted.get("reference")));
        }
    }

    /** Without JavaScript every decision's block shows, and the server reads only the chosen decision's fields. */
    @Test
    void withoutJavaScriptTheServerChecksTheChosenDecisionsFieldsOnly() {
        Map<String, Object> draft = oneYearDraft(budget(1, 15000, 20000));
        String id = String.valueOf(draft.get("id"));
        String reference = (String) draft.get("reference");
        post("porteur", "/api/applications/" + id + "/submit", null);
        awaitWaitingAt(reference, "Task_CheckCompleteness");
        String session = signedInSession("instructeur");
        String casePath = "/instruction/candidatures/" + id;
        String page = browser(session, HttpMethod.GET, casePath, null).getBody();
        assertThat(page).contains("Si le dossier est complet", "Si des pièces manquent",
                "Si le dossier est irrecevable", "(proposée)", "/js/decisions.js").doesNotContain("style=");

        // Inadmissible with pieces typed (the other block) but no motive: refused on the motive, typed text kept.
        ResponseEntity<String> refused = postForm(session, casePath + "/recevabilite", page,
                "outcome", "INELIGIBLE", "missingPieces", "Budget signé");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(refused.getBody()))
                .contains("Motivez", ">Budget signé</textarea>", "aria-invalid=\"true\"");

        // Missing pieces with a motive (the other block) but no list: refused on the list.
        refused = postForm(session, casePath + "/recevabilite", page, "outcome", "MISSING_PIECES",
                "reason", "Hors du champ");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("Listez les pièces à fournir");

        // Complete with a directorate added and no reason for the change: refused on the reason.
        refused = postForm(session, casePath + "/recevabilite", page, "outcome", "COMPLETE",
                "directorates", "SPORT", "_directorates", "on");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("Motivez le changement des directions consultées");
        assertThat(get("instructeur", "/api/applications/" + id).get("status")).isEqualTo("SUBMITTED");

        // A refused message comes back with what was typed, by a redirect (never a page at the POST address).
        ResponseEntity<String> message = postForm(session, casePath + "/messages", page, "body", " ");
        assertThat(message.getStatusCode().value()).isEqualTo(303);
        assertThat(browser(session, HttpMethod.GET, message.getHeaders().getLocation().getPath(), null).getBody())
                .contains("Le message n’est pas envoyé.", "Écrivez votre message");

        // Complete with the directorates proposed: the notice names them and what comes next.
        List<String> proposed = java.util.regex.Pattern.compile(
                "value=\"([A-Z]+)\"\\s+id=\"directorates-\\d+\" name=\"directorates\" checked").matcher(page)
                .results().map(m -> m.group(1)).toList();
        assertThat(proposed).as("the routing table's proposal, ticked").isNotEmpty();
        List<String> fields = new java.util.ArrayList<>(List.of("outcome", "COMPLETE", "_directorates", "on",
                "reason", "Ignoré : pas le motif d'une recevabilité"));
        proposed.forEach(d -> fields.addAll(List.of("directorates", d)));
        ResponseEntity<String> asked = postForm(session, casePath + "/recevabilite", page, fields.toArray(String[]::new));
        assertThat(asked.getStatusCode().value()).as("the confirmation step first").isEqualTo(200);
        assertThat(asked.getBody()).contains("Confirmez-vous cette décision ?", "name=\"confirmed\" value=\"true\"");
        assertThat(get("instructeur", "/api/applications/" + id).get("status")).isEqualTo("SUBMITTED");
        fields.addAll(List.of("confirmed", "true"));
        ResponseEntity<String> done = postForm(session, casePath + "/recevabilite", page, fields.toArray(String[]::new));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(303);
        String after = browser(session, HttpMethod.GET, casePath, null).getBody();
        assertThat(after).contains("Dossier déclaré complet : avis demandés à la ", "pour répondre")
                .doesNotContain("Recevabilité</h3>");
        proposed.forEach(d -> assertThat(after).contains("à la " + d));
        assertThat(count("select count(*) from audit_event where application_id = ? and action = 'DECLARED_COMPLETE' "
                + "and reason like 'Ignoré%'", Long.valueOf(id))).as("only the chosen decision's fields").isZero();
    }

    /** A form posted as a browser without JavaScript posts it: name, value, name, value… */
    private ResponseEntity<String> postForm(String session, String path, String page, String... fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return browser(session, HttpMethod.POST, path, new HttpEntity<>(form, headers));
    }

    private void clickLabel(String startingWith) {
        WebElement input = browser.fieldLabelled(startingWith);
        browser.driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        browser.await(d -> input.isSelected());
    }

    /** axe-core at 1366 px and at 375 px, where the page must not be wider than the screen. */
    private void assertAccessibleAtBothWidths() {
        NarrowScreen.assertAccessibleAtBothWidths(browser);
    }
}
