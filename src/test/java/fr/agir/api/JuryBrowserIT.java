package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A jury member's journeys in headless Chromium: his sessions, a session's applications, the scoring
 * form refused without the required criteria (errors in the summary and next to the criterion,
 * nothing lost), a draft then a submission, the others' scores hidden until his own is submitted and
 * then shown with their aggregate; conflicts of interest declared, withdrawn and suggested from a
 * mandate; the deliberation's ranking without the applications he is in conflict with. axe-core
 * checks every page.
 */
class JuryBrowserIT extends BrowserTestSupport {
    /** The error page's sentence for an unknown id, as the HTML escapes it. */
    private static final String NOT_FOUND = "Introuvable : ce dossier n&#39;existe pas, ou vous n&#39;y avez pas accès.";

    /** The session's applications in the order of the member's table (by reference). */
    private static List<Voted> byReference(JurySetup setup) {
        return setup.applications().stream().sorted(Comparator.comparing(Voted::reference)).toList();
    }

    private WebElement rowOf(String reference) {
        return browser.find(By.xpath("//tr[th/a[normalize-space()='" + reference + "']]"));
    }

    /** Ticks a radio as a user does: a click on its label. */
    private void tick(long criterion, int value) {
        browser.find(By.cssSelector("label[for='criterion-" + criterion + "-" + value + "']")).click();
        browser.await(d -> d.findElement(By.id("criterion-" + criterion + "-" + value)).isSelected());
    }

    private void press(String button) {
        browser.find(By.xpath("//button[normalize-space()=\"" + button + "\"]")).click();
    }

    @Test
    void aJuryMemberScoresHisApplicationsAfterARefusedSubmissionThatKeptWhatHeEntered() {
        JurySetup setup = juryInScoring(List.of("jury", "jure2"), 2, 2);
        String session = setup.sessionId();
        long social = setup.criteria().get(0);
        long model = setup.criteria().get(1);
        Voted first = byReference(setup).get(0);
        Voted second = byReference(setup).get(1);

        signIn("jury");
        browser.find(By.linkText("Mes séances de jury")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury"));
        WebElement line = browser.find(By.xpath("//tr[th/a[@href='/jury/seances/" + session + "']]"));
        assertThat(line.getText()).contains("Notation")
                .contains(LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(10)
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)))
                .endsWith(" 2");
        assertThat(browser.text()).contains("Mes mandats").contains("Déclarer un mandat");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        line.findElement(By.tagName("a")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session));
        assertThat(rowOf(first.reference()).getText()).contains("Recyclerie solidaire").contains("Transition écologique")
                .endsWith("À noter");
        assertThat(rowOf(second.reference()).getText()).endsWith("À noter");
        assertThat(browser.text()).contains("Phase\nNotation").contains("Déclarer un conflit d'intérêts")
                .contains("Aucun conflit d'intérêts déclaré ni suggéré");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // The case as the jury reads it, and the grid.
        browser.find(By.linkText(first.reference())).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session + "/candidatures/"
                + first.applicationId()));
        assertThat(browser.text()).contains("Collecte, réparation et revente d'objets").contains("Jeunes")
                .contains("Saint-Denis").contains("Plaine Commune").contains("Association").contains("Projet solide")
                .contains("Montants proposés par l'instruction\nannée 1 : ")
                .contains("DTER (Direction de la transition écologique et de la résilience) : Avis favorable.")
                .contains("DJVA").contains("Utilité sociale — coefficient 2, obligatoire, éliminatoire sous 2 (de 0 à 5)")
                .contains("Réponse à un besoin du territoire").contains("4 — Forte")
                .contains("Solidité du modèle économique — coefficient 1, obligatoire")
                .contains("Une note soumise est définitive").doesNotContain("Les notes des membres");
        assertThat(browser.find(By.id("criterion-" + social)).getTagName()).isEqualTo("fieldset");
        // The budget and the pieces the grid asks about; no bank details; the opinions once.
        assertThat(browser.find(By.xpath("//section[h2[@id='budget']]")).getText()).contains("Total des charges")
                .contains("Total des produits").contains("64 — Charges de personnel")
                .contains("74 — Subvention : Département").doesNotContain("74-DEPARTEMENT");
        assertThat(browser.find(By.xpath("//section[h2[@id='pieces']]")).getText()).contains("Statuts")
                .contains("RIB");
        assertThat(browser.text()).doesNotContain("FR76").doesNotContain("IBAN").doesNotContain("BIC")
                .doesNotContain("Avis des directions consultées");
        assertThat(browser.text().split("DTER \\(Direction de la transition", -1)).as("the DTER opinion once").hasSize(2);
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // Submitted with one required criterion left blank: refused, nothing lost.
        tick(model, 3);
        browser.type("Commentaire", "Projet ancré dans le quartier.");
        press("Soumettre ma note");
        WebElement summary = browser.find(By.id("erreurs"));
        assertThat(summary.getText()).contains("La note ne peut pas être soumise")
                .contains("Notez « Utilité sociale » (critère obligatoire)")
                .doesNotContain("Solidité du modèle économique");
        assertThat(summary.findElement(By.tagName("a")).getDomAttribute("href")).endsWith("#criterion-" + social);
        WebElement fieldset = browser.find(By.id("criterion-" + social));
        assertThat(fieldset.getText()).contains("Notez « Utilité sociale » (critère obligatoire)");
        assertThat(fieldset.getDomAttribute("aria-describedby")).contains("criterion-" + social + "-erreur");
        assertThat(browser.find(By.id("criterion-" + model + "-3")).isSelected()).isTrue();
        assertThat(browser.fieldLabelled("Commentaire").getDomProperty("value")).isEqualTo("Projet ancré dans le quartier.");
        assertThat(browser.text()).doesNotContain("Votre note :");
        assertThat(count("select count(*) from jury_score where session_id = ? and application_id = ?",
                Long.valueOf(session), Long.valueOf(first.applicationId()))).isZero();
        browser.assertAccessible();

        tick(social, 4);
        press("Soumettre ma note");
        // The confirmation step: the score to be recorded, nothing recorded yet. (4/5 × 2 + 3/5 × 1) / 3 × 20
        WebElement confirmation = browser.find(By.cssSelector("section.confirmation"));
        assertThat(confirmation.getText()).contains("Soumettre votre note de 14,67/20 ?").contains("4 — Forte")
                .contains("Projet ancré dans le quartier.").contains("ne peut plus être modifiée");
        assertThat(count("select count(*) from jury_score where session_id = ? and application_id = ?",
                Long.valueOf(session), Long.valueOf(first.applicationId()))).isZero();
        NarrowScreen.assertAccessibleAtBothWidths(browser);
        press("Soumettre définitivement ma note");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Votre note est soumise : 14,67/20");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/candidatures/" + first.applicationId());
        assertThat(browser.text()).contains("Votre note : 14,67/20").contains("Utilité sociale\n4 — Forte")
                .contains("Projet ancré dans le quartier.").contains("Les notes des membres")
                .contains("Les autres membres n'ont pas encore soumis leur note").contains("Membre jury (vous)")
                .doesNotContain("Membre jure2").doesNotContain("Soumettre ma note");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.partialLinkText("Retour à la séance")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session));
        assertThat(rowOf(first.reference()).getText()).endsWith("Soumise — 14,67/20");
        assertThat(rowOf(second.reference()).getText()).endsWith("À noter");
        browser.assertAccessible();

        // The second one: a draft first, then submitted.
        browser.find(By.linkText(second.reference())).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/candidatures/" + second.applicationId()));
        tick(social, 5);
        tick(model, 5);
        press("Enregistrer le brouillon");
        // A draft needs no confirmation.
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Votre brouillon est enregistré");
        assertThat(browser.text()).contains("Brouillon enregistré le").contains("20/20 en l'état")
                .doesNotContain("Les notes des membres");
        assertThat(browser.find(By.id("criterion-" + social + "-5")).isSelected()).isTrue();
        assertThat(browser.find(By.id("criterion-" + model + "-5")).isSelected()).isTrue();
        browser.assertAccessible();

        browser.find(By.partialLinkText("Retour à la séance")).click();
        assertThat(rowOf(second.reference()).getText()).endsWith("Brouillon");
        browser.find(By.linkText(second.reference())).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/candidatures/" + second.applicationId()));
        press("Soumettre ma note");
        press("Soumettre définitivement ma note");
        browser.await(d -> d.getPageSource().contains("Votre note est soumise"));
        assertThat(browser.text()).contains("Votre note : 20/20");
        browser.assertAccessible();

        browser.find(By.partialLinkText("Retour à la séance")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session));
        assertThat(rowOf(first.reference()).getText()).endsWith("Soumise — 14,67/20");
        assertThat(rowOf(second.reference()).getText()).endsWith("Soumise — 20/20");
        assertThat(browser.text()).contains("Dossiers restant à noter\n0");
        browser.assertAccessible();
    }

    @Test
    void othersScoresStayHiddenUntilMineIsSubmittedAndConflictsKeepApplicationsAway() {
        JurySetup setup = juryInScoring(List.of("jury", "jure2"), 2, 3);
        String session = setup.sessionId();
        long social = setup.criteria().get(0);
        long model = setup.criteria().get(1);
        List<Voted> applications = byReference(setup);
        Voted scored = applications.get(0);
        Voted declared = applications.get(1);
        Voted mandated = applications.get(2);
        String scoredPage = "/jury/seances/" + session + "/candidatures/" + scored.applicationId();

        post("jure2", "/api/jury/my-sessions/" + session + "/applications/" + scored.applicationId() + "/score",
                Map.of("values", Map.of(String.valueOf(social), 0, String.valueOf(model), 0),
                        "comment", "Besoin du territoire mal établi"));

        // Before his own submission, nothing of jure2's score is in the page's HTML, even after a refused one.
        String cookie = signedInSession("jury");
        ResponseEntity<String> page = browser(cookie, HttpMethod.GET, scoredPage, null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Soumettre ma note").doesNotContain("Membre jure2")
                .doesNotContain("Besoin du territoire mal établi").doesNotContain("Les notes des membres");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("_csrf", csrfOf(page.getBody()));
        fields.add("criterion-" + model, "3");
        fields.add("comment", "Avant de voir les autres");
        fields.add("action", "soumettre");
        ResponseEntity<String> refused = browser(cookie, HttpMethod.POST, scoredPage, new HttpEntity<>(fields, form));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(refused.getBody()).contains("href=\"#criterion-" + social + "\"")
                .contains("id=\"criterion-" + social + "\" aria-describedby=\"criterion-" + social + "-aide criterion-"
                        + social + "-erreur\"")
                .contains("id=\"criterion-" + model + "-3\" value=\"3\" checked").contains("Avant de voir les autres")
                .doesNotContain("Membre jure2").doesNotContain("Besoin du territoire mal établi");

        signIn("jury");
        browser.driver.get(url(scoredPage));
        assertThat(browser.driver.getPageSource()).doesNotContain("Membre jure2")
                .doesNotContain("Besoin du territoire mal établi");
        browser.assertAccessible();
        tick(social, 3);
        tick(model, 5);
        press("Soumettre ma note");
        assertThat(browser.driver.getPageSource()).doesNotContain("Membre jure2");
        press("Soumettre définitivement ma note");
        browser.await(d -> d.getPageSource().contains("Votre note est soumise"));
        WebElement others = browser.find(By.xpath("//section[h2[@id='notes-membres']]"));
        // jure2: 0/20; jury: (3/5 × 2 + 1) / 3 × 20 = 14.67; the social criterion's mean, 1.5, is under 2.
        assertThat(others.getText()).contains("Membre jure2 0/20 0 0 Besoin du territoire mal établi")
                .contains("Membre jury (vous) 14,67/20 3 5")
                .contains("Désaccord marqué entre les membres").contains("s'écartent de 14,67 points")
                .contains("Critère éliminatoire non atteint : Utilité sociale")
                .contains("Notes soumises\n2").contains("Moyenne\n7,34/20").contains("Médiane\n7,34/20")
                .contains("Écart-type\n7,34");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // A conflict declared: refused without the structure, then recorded; the application goes away.
        String declaredName = String.valueOf(get("porteur", "/api/structures/" + declared.structureId()).get("name"));
        browser.find(By.partialLinkText("Retour à la séance")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session));
        assertThat(browser.find(By.xpath("//table[caption='Les candidatures de la séance']")).getText())
                .contains(declaredName).contains("Saint-Denis");
        new Select(browser.fieldLabelled("Nature du lien")).selectByVisibleText("Lien familial ou personnel");
        browser.type("Précisions", "Ma sœur préside l'association.");
        press("Déclarer le conflit d'intérêts");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("Choisissez la structure concernée");
        WebElement structure = browser.fieldLabelled("Structure concernée");
        assertThat(structure.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(structure.getDomAttribute("aria-describedby")).isEqualTo("structureId-erreur");
        assertThat(new Select(browser.fieldLabelled("Nature du lien")).getFirstSelectedOption().getText())
                .isEqualTo("Lien familial ou personnel");
        assertThat(browser.fieldLabelled("Précisions").getDomProperty("value")).isEqualTo("Ma sœur préside l'association.");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        new Select(browser.fieldLabelled("Structure concernée")).selectByValue(declared.structureId());
        press("Déclarer le conflit d'intérêts");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("conflit d'intérêts est enregistré");
        WebElement conflict = browser.find(By.xpath("//section[h2[@id='mes-conflits']]//tr[td[1]='" + declaredName + "']"));
        assertThat(conflict.getText()).contains("Lien familial ou personnel").contains("Ma sœur préside l'association.")
                .contains("Déclaré par le membre").contains("Retirer");
        assertThat(browser.find(By.xpath("//section[h2[@id='mes-dossiers']]")).getText())
                .contains(scored.reference()).doesNotContain(declared.reference());
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.driver.get(url("/jury/seances/" + session + "/candidatures/" + declared.applicationId()));
        assertThat(browser.driver.getTitle()).startsWith("Introuvable");
        assertThat(browser.text()).contains("ce dossier n'existe pas, ou vous n'y avez pas accès");
        browser.assertAccessible();

        browser.driver.get(url("/jury/seances/" + session));
        browser.find(By.xpath("//section[h2[@id='mes-conflits']]//tr[td[1]='" + declaredName + "']//button")).click();
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("déclaration de conflit d'intérêts est retirée");
        conflict = browser.find(By.xpath("//section[h2[@id='mes-conflits']]//tr[td[1]='" + declaredName + "']"));
        assertThat(conflict.getText()).contains("Retiré par le membre").doesNotContain("Retirer");
        browser.assertAccessible();

        // A mandate: an invalid SIREN refused next to its field, then one Agir matches with a structure.
        browser.find(By.linkText("Retour à mes séances de jury")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury"));
        browser.type("Organisme", "Association du quartier");
        browser.type("SIREN", "123456789");
        browser.type("Fonction", "Trésorière");
        press("Déclarer le mandat");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("SIREN invalide");
        assertThat(browser.find(By.id("siren-erreur")).getText()).contains("SIREN invalide");
        assertThat(browser.fieldLabelled("SIREN").getDomAttribute("aria-describedby")).isEqualTo("siren-aide siren-erreur");
        assertThat(browser.fieldLabelled("Organisme").getDomProperty("value")).isEqualTo("Association du quartier");
        assertThat(browser.fieldLabelled("Fonction").getDomProperty("value")).isEqualTo("Trésorière");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        // The mandate names the association by its SIREN, as the case file holds it.
        Map<String, Object> mandatedStructure = get("porteur", "/api/structures/" + mandated.structureId());
        String siren = String.valueOf(mandatedStructure.get("siren"));
        browser.type("SIREN", siren);
        press("Déclarer le mandat");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Votre mandat est enregistré")
                .contains("un conflit d'intérêts probable");
        assertThat(browser.find(By.xpath("//table[caption='Mandats déclarés']")).getText())
                .contains("Association du quartier").contains("Trésorière").contains(siren);
        browser.assertAccessible();

        browser.driver.get(url("/jury/seances/" + session));
        WebElement suggested = browser.find(By.xpath("//section[h2[@id='mes-conflits']]//tr[td[1]='"
                + mandatedStructure.get("name") + "']"));
        assertThat(suggested.getText()).contains("Suggéré par Agir").contains("Mandat déclaré : Trésorière")
                .doesNotContain("Retirer");
        assertThat(browser.find(By.xpath("//section[h2[@id='mes-dossiers']]")).getText())
                .doesNotContain(mandated.reference());
        browser.assertAccessible();

        // The deliberation's ranking, without the application the mandate keeps him away from.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> call("instructeur", HttpMethod.POST,
                "/api/jury/sessions/" + session + "/phase", Map.of("phase", "DELIBERATION")).getStatusCode()
                .is2xxSuccessful());
        browser.driver.navigate().refresh();
        browser.find(By.linkText("Voir le classement de la délibération")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/jury/seances/" + session + "/classement"));
        WebElement table = browser.find(By.tagName("table"));
        assertThat(table.findElement(By.tagName("caption")).getText()).startsWith("Classement par moyenne (2 dossiers)");
        assertThat(table.getText()).contains(scored.reference()).contains(declared.reference())
                .doesNotContain(mandated.reference());
        assertThat(browser.find(By.xpath("//tr[th[starts-with(normalize-space(), '" + scored.reference() + "')]]"))
                .getText()).contains("2 / 2").contains("7,34/20").contains("Désaccord marqué")
                .contains("Éliminatoire : Utilité sociale").contains("À délibérer");
        assertThat(browser.text()).contains("Enveloppe de la campagne").contains("Fonctionnement");
        NarrowScreen.assertAccessibleAtBothWidths(browser);

        browser.find(By.linkText("Par médiane")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/classement?tri=MEDIAN"));
        assertThat(browser.find(By.tagName("caption")).getText()).startsWith("Classement par médiane");
        assertThat(browser.find(By.cssSelector("[aria-current=true]")).getText()).isEqualTo("Par médiane");
        browser.assertAccessible();
    }

    /** The first piece link of a case page as its member sees it. */
    private static String firstPiece(String page) {
        Matcher link = Pattern.compile("/pieces/(\\d+)").matcher(page);
        assertThat(link.find()).as("a piece to download").isTrue();
        return link.group(1);
    }

    @Test
    void aJurorDownloadsThePiecesOfHisApplicationsOnlyAndNeverSeesBankDetails() {
        JurySetup setup = juryInScoring(List.of("jury", "jure2"), 1, 2); // one application each
        String session = setup.sessionId();
        String base = "/jury/seances/" + session + "/candidatures/";
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assigned = (List<Map<String, Object>>) get("jury", "/api/jury/my-sessions/" + session)
                .get("assigned");
        assertThat(assigned).hasSize(1);
        String mine = String.valueOf(assigned.get(0).get("applicationId"));
        Voted mineVoted = setup.applications().stream().filter(v -> v.applicationId().equals(mine)).findFirst()
                .orElseThrow();
        Voted others = setup.applications().stream().filter(v -> !v.applicationId().equals(mine)).findFirst()
                .orElseThrow();

        String jury = signedInSession("jury");
        ResponseEntity<String> page = browser(jury, HttpMethod.GET, base + mine, null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Total des charges").contains("64 — Charges de personnel")
                .doesNotContain("FR76").doesNotContain("IBAN").doesNotContain("BIC");
        String piece = firstPiece(page.getBody());
        ResponseEntity<String> download = browser(jury, HttpMethod.GET, base + mine + "/pieces/" + piece, null);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        assertThat(download.getBody()).isNotEmpty();

        // The same 404 for an unknown application, a piece of another application, one not assigned to him,
        // and, once he declares a conflict, his own.
        String othersPiece = firstPiece(browser(signedInSession("jure2"), HttpMethod.GET, base + others.applicationId(),
                null).getBody());
        ResponseEntity<String> unknown = browser(jury, HttpMethod.GET, base + "999999999/pieces/" + piece, null);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains(NOT_FOUND);
        for (String path : List.of(base + others.applicationId() + "/pieces/" + othersPiece,
                base + mine + "/pieces/" + othersPiece, base + others.applicationId())) {
            ResponseEntity<String> refused = browser(jury, HttpMethod.GET, path, null);
            assertThat(refused.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(refused.getBody()).as(path).contains(NOT_FOUND);
        }
        post("jury", "/api/jury/my-conflicts", Map.of("structureId", Long.valueOf(mineVoted.structureId()),
                "type", "MEMBER"));
        ResponseEntity<String> conflicted = browser(jury, HttpMethod.GET, base + mine + "/pieces/" + piece, null);
        assertThat(conflicted.getStatusCode().value()).isEqualTo(404);
        assertThat(conflicted.getBody()).contains(NOT_FOUND);
    }
}
