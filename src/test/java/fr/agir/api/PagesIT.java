package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The sign-in page is in French and says what went wrong; pages need a signed-in user. */
class PagesIT extends ApiTestSupport {

    @Test
    void aPageAsksAnAnonymousVisitorToSignInInFrench() {
        // The client follows the redirection to the sign-in page, as a browser does.
        ResponseEntity<String> login = http.getForEntity("/", String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).contains("<html lang=\"fr\">", "<h1>Connexion</h1>",
                "<label for=\"username\">Identifiant</label>", "<label for=\"password\">Mot de passe</label>");
    }

    @Test
    void aWrongPasswordSendsBackToTheSignInPageWithAnExplanation() {
        ResponseEntity<String> answer = signInByForm("porteur", "pas-le-bon");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("<h1>Connexion</h1>", "role=\"alert\"",
                "Identifiant ou mot de passe incorrect", "aria-invalid=\"true\"");
    }

    @Test
    void anUnknownPageIsAFrenchPageForABrowser() {
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withBasicAuth("porteur", PASSWORD).exchange("/nulle-part", HttpMethod.GET,
                new HttpEntity<>(browser), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("<h1>Introuvable</h1>", "Cette adresse n&#39;existe pas");
    }

    @Test
    void aSignedInUserSeesTheHomeOfHisRoles() {
        assertThat(http.withBasicAuth("admin", PASSWORD).getForEntity("/", String.class).getBody())
                .contains("Bonjour Ada Administratrice", "Administration", "Cockpit").doesNotContain("Espace porteur de projet");
        assertThat(http.withBasicAuth("porteur", PASSWORD).getForEntity("/", String.class).getBody())
                .contains("Bonjour Paul Porteur", "Espace porteur de projet", "href=\"/portail\"")
                .doesNotContain("Cockpit", "Instruction", "/swagger-ui.html\">Documentation", "/api/");
        assertThat(http.withBasicAuth("avis-dter", PASSWORD).getForEntity("/", String.class).getBody())
                .contains("Avis de la direction DTER").doesNotContain("Espace porteur de projet");
    }

    /** The same authorities as the Keycloak users (KeycloakAccessIT checks the other side). */
    @Test
    void localDemoAccountsCarryTheirRoleAndDirectorates() {
        for (fr.agir.security.DemoAccounts.DemoAccount account : fr.agir.security.DemoAccounts.ACCOUNTS) {
            java.util.Map<String, Object> me = get(account.username(), "/api/me");
            assertThat(me.get("roles")).isEqualTo(List.of(account.role().candidateGroup()));
            assertThat(me.get("directorates")).as(account.username()).isEqualTo(account.directorates().stream()
                    .map(Enum::name).sorted().toList());
        }
    }

    @Test
    void aRefusedAccessIsAudited() {
        int before = count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = 'instructeur'");
        assertThat(http.withBasicAuth("instructeur", PASSWORD).getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(call("instructeur", HttpMethod.GET, "/api/applications/987654321", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call("instructeur", HttpMethod.GET, "/api/installments/awaiting-validation", null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForList("select reason from audit_event where action = 'ACCESS_DENIED' "
                + "and actor = 'instructeur' order by id desc limit 3", String.class)).containsExactly(
                "GET /api/installments/awaiting-validation → 403 : rôle insuffisant",
                "GET /api/applications/987654321 → 404 : Introuvable : ce dossier n'existe pas, ou vous n'y avez pas accès.",
                "GET /engine-rest/process-definition → 403 : rôle insuffisant");
        assertThat(count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = 'instructeur'"))
                .isEqualTo(before + 3);
    }

    @Test
    void registeringAnExistingSiretOffersToAskItsLegalRepresentativeToJoinInsteadOfACopy() {
        Map<String, Object> existing = registerStructureWithoutDocuments("porteur", "rep-" + System.nanoTime() + "@example.org");
        String siret = (String) existing.get("siret");
        String session = signedInSession("porteuse");
        String page = browser(session, HttpMethod.GET, "/portail/structures/nouvelle", null).getBody();

        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("name", "La même, encore");
        form.add("legalForm", "ASSOCIATION");
        form.add("siret", siret);
        form.add("postalCode", "93000");
        form.add("commune", "93008");
        form.add("legalRepName", "Paule Martin");
        form.add("legalRepEmail", "paule@example.org");
        ResponseEntity<String> answer = browser(session, HttpMethod.POST, "/portail/structures/nouvelle",
                urlEncoded(form));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody()).contains("déjà un dossier dans Agir", "Demander à rejoindre la structure",
                "value=\"" + siret + "\"");
        assertThat(count("select count(*) from structure where siret = ?", siret)).isEqualTo(1);

        LinkedMultiValueMap<String, String> join = new LinkedMultiValueMap<>();
        join.add("_csrf", csrfOf(answer.getBody()));
        join.add("siret", siret);
        join.add("message", "Je suis la nouvelle trésorière.");
        ResponseEntity<String> asked = browser(session, HttpMethod.POST, "/portail/structures/rejoindre", urlEncoded(join));
        assertThat(asked.getStatusCode().value()).isEqualTo(303);
        assertThat(asked.getHeaders().getLocation().getPath()).isEqualTo("/portail");
        assertThat(browser(session, HttpMethod.GET, "/portail", null).getBody()).contains("Demande envoyée",
                "Demande enregistrée");
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() ->
                !TestSmtp.get().withSubject("Demande pour rejoindre « " + existing.get("name") + " »").isEmpty());
    }

    @Test
    void theApplicantPortalIsTheProjectLeadersSpace() {
        ResponseEntity<String> page = browser(signedInSession("instructeur"), HttpMethod.GET, "/portail", null);
        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getBody()).contains("<html lang=\"fr\">", "réservé aux porteurs de projet");
        assertThat(browser(signedInSession("porteur"), HttpMethod.GET, "/portail", null).getBody())
                .contains("<h1>Mon espace porteur de projet</h1>");
    }

    @Test
    void theLegalRepresentativeSignsTheAgreementFromThePortal() {
        Voted voted = votedOneYear();
        String session = signedInSession("porteur");
        assertThat(browser(session, HttpMethod.GET, "/portail", null).getBody()).contains("Signez la convention — "
                + voted.reference());
        String page = browser(session, HttpMethod.GET, "/portail/candidatures/" + voted.applicationId() + "/convention",
                null).getBody();
        assertThat(page).contains("Lire la convention (PDF)", "Signer la convention", "1 an, de ",
                "Candidature " + voted.reference() + " « ",
                "etiquette--attention\">À signer par la structure</span>").doesNotContain("an(s)");
        String action = page.replaceAll("(?s).*<form method=\"post\" action=\"([^\"]+/signature)\".*", "$1");
        String path = "/portail/candidatures/" + voted.applicationId() + "/convention";

        // Without the code nor the consent: nothing signed, the page again with the errors at their fields.
        LinkedMultiValueMap<String, String> unchecked = new LinkedMultiValueMap<>();
        unchecked.add("_csrf", csrfOf(page));
        ResponseEntity<String> refused = browser(session, HttpMethod.POST, action, urlEncoded(unchecked));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("La convention n’a pas été signée.", "Cochez la case pour signer",
                "Saisissez le code à 6 chiffres reçu par e-mail", "aria-invalid=\"true\"");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(voted.reference())
                .activityId("Task_SignAgreement").count()).isEqualTo(1);

        // Step 2: the code is e-mailed (post/redirect/get, a notice with the masked address).
        String number = (String) get("porteur", "/api/applications/" + voted.applicationId() + "/agreement").get("number");
        String subject = "Votre code pour signer la convention " + number;
        int before = TestSmtp.get().withSubject(subject).size();
        ResponseEntity<String> asked = browser(session, HttpMethod.POST, action.replaceAll("/signature$", "/code"),
                urlEncoded(unchecked));
        assertThat(asked.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(asked.getHeaders().getLocation().getPath()).isEqualTo(path);
        assertThat(browser(session, HttpMethod.GET, path, null).getBody()).contains("Un code a été envoyé à p•••@agir.test.");
        String code = lastSignatureCode(subject, before);

        // A wrong code: the error at the code field, the consent kept, nothing signed.
        LinkedMultiValueMap<String, String> wrong = new LinkedMultiValueMap<>(unchecked);
        wrong.add("accord", "true");
        wrong.add("code", code.equals("000000") ? "111111" : "000000");
        ResponseEntity<String> wrongCode = browser(session, HttpMethod.POST, action, urlEncoded(wrong));
        assertThat(wrongCode.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongCode.getBody()).contains("Code incorrect : il vous reste 4 essais.", "id=\"code-erreur\"")
                .containsPattern("id=\"accord\"[^>]*checked");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(voted.reference())
                .activityId("Task_SignAgreement").count()).isEqualTo(1);

        // With the code and the consent: post/redirect/get to the page, which says what comes next and who signed.
        LinkedMultiValueMap<String, String> signed = new LinkedMultiValueMap<>(unchecked);
        signed.add("accord", "true");
        signed.add("code", code);
        ResponseEntity<String> done = browser(session, HttpMethod.POST, action, urlEncoded(signed));
        assertThat(done.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(done.getHeaders().getLocation().getPath()).isEqualTo(path);
        assertThat(browser(session, HttpMethod.GET, path, null).getBody()).contains("Convention signée.",
                "Le Département la contresigne ; le premier versement suit.", ", par Paul Porteur",
                "Signée, en attente du Département").doesNotContain("Signer la convention</button>");
        awaitWaitingAt(voted.reference(), "Task_CountersignAgreement");
        assertThat(browser(signedInSession("porteuse"), HttpMethod.GET, path, null).getStatusCode().value())
                .as("another structure's agreement").isEqualTo(404);
    }

    @Test
    void aMemberOtherThanTheLegalRepresentativeReadsTheAgreementWithoutSigningIt() {
        Voted voted = votedOneYear();
        Map<String, Object> invitation = post("porteur", "/api/structures/" + voted.structureId() + "/invitations",
                Map.of("email", "paule@example.org"));
        post("porteuse", "/api/invitations/accept", Map.of("code", invitation.get("code")));
        String page = browser(signedInSession("porteuse"), HttpMethod.GET,
                "/portail/candidatures/" + voted.applicationId() + "/convention", null).getBody();
        assertThat(page).contains("Lire la convention (PDF)",
                "La convention est signée par le représentant légal de la structure")
                .doesNotContain("/signature", "Recevoir un code par e-mail");
    }

    @Test
    void theStructureHandsInItsFinancialReportThroughTheFormChecksAgainstTheSameSchema() {
        Grant grant = grantedOneYear();
        String session = signedInSession("porteur");
        assertThat(browser(session, HttpMethod.GET, "/portail/candidatures/" + grant.applicationId(), null).getBody())
                .contains("/portail/candidatures/" + grant.applicationId() + "/compte-rendu");
        String page = browser(session, HttpMethod.GET, "/portail/candidatures/" + grant.applicationId()
                + "/compte-rendu", null).getBody();
        String form = "/api/reports/" + grant.reportId() + "/form";
        assertThat(page).contains("Compte-rendu financier, année 1",
                "data-data-url=\"/api/reports/" + grant.reportId() + "/draft\"",
                "data-review-url=\"/portail/candidatures/" + grant.applicationId() + "/compte-rendu/envoi\"",
                "<script src=\"/assets/portal.js\" defer></script>", "À remettre au plus tard le ");

        ResponseEntity<Map<String, Object>> incomplete = call("porteur", HttpMethod.POST, form,
                Map.of("data", Map.of("l60", Map.of("actual", -5))));
        assertProblem(incomplete, 422, "urn:agir:probleme:saisie-invalide");
        assertThat(incomplete.getBody().get("erreurs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("l60.actual", "actions", "publicReached", "grantUse", "unspent");
        assertThat(call("porteuse", HttpMethod.POST, form, Map.of("data", ReportIT.report())).getStatusCode().value())
                .isEqualTo(404);
        assertThat(reportStatus(grant)).isEqualTo("EXPECTED");

        // The summary page lists what the draft still lacks before the structure sends it.
        call("porteur", HttpMethod.PUT, "/api/reports/" + grant.reportId() + "/draft", Map.of("data", ReportIT.report()));
        String summary = browser(session, HttpMethod.GET, "/portail/candidatures/" + grant.applicationId()
                + "/compte-rendu/envoi", null).getBody();
        assertThat(summary).contains("Relire et remettre le compte-rendu", "Équilibré", "à expliquer",
                "Remettre le compte-rendu").doesNotContain("ne peut pas encore être remis");
        ResponseEntity<String> sent = browser(session, HttpMethod.POST, "/portail/candidatures/" + grant.applicationId()
                + "/compte-rendu/envoi", formPost(new org.springframework.util.LinkedMultiValueMap<>(
                Map.of("_csrf", List.of(csrfOf(summary))))));
        assertThat(sent.getStatusCode().value()).as("redirected after the POST").isIn(302, 303);
        assertThat(reportStatus(grant)).isEqualTo("SUBMITTED");
    }

    @Test
    void thePortalSubmitsFromTheSummaryOnlyWithTheDeclarationOnHonour() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String id = String.valueOf(draft.get("id"));
        String session = signedInSession("porteur");
        ResponseEntity<String> summary = browser(session, HttpMethod.GET, "/portail/candidatures/" + id + "/recapitulatif", null);
        assertThat(summary.getStatusCode().value()).isEqualTo(200);
        assertThat(summary.getBody()).contains("Relire et déposer la candidature", "Recyclerie solidaire",
                "20 000,00 €", "Je certifie sur l’honneur l’exactitude des informations", "Déposer ma candidature");

        LinkedMultiValueMap<String, String> undeclared = new LinkedMultiValueMap<>();
        undeclared.add("_csrf", csrfOf(summary.getBody()));
        undeclared.add("_declaration", "on");
        ResponseEntity<String> refused = browser(session, HttpMethod.POST, "/portail/candidatures/" + id + "/depot",
                urlEncoded(undeclared));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("La candidature n’est pas déposée",
                "Cochez la déclaration sur l&#39;honneur pour déposer la candidature", "aria-invalid=\"true\"");
        assertThat(get("porteur", "/api/applications/" + id)).containsEntry("status", "DRAFT");

        assertThat(browser(signedInSession("porteuse"), HttpMethod.GET, "/portail/candidatures/" + id + "/recapitulatif",
                null).getStatusCode().value()).as("another structure's draft").isEqualTo(404);

        LinkedMultiValueMap<String, String> declared = new LinkedMultiValueMap<>(undeclared);
        declared.add("declaration", "true");
        ResponseEntity<String> submitted = browser(session, HttpMethod.POST, "/portail/candidatures/" + id + "/depot",
                urlEncoded(declared));
        assertThat(submitted.getStatusCode().value()).isEqualTo(303);
        assertThat(submitted.getHeaders().getLocation().getPath()).isEqualTo("/portail/candidatures/" + id);
        assertThat(get("porteur", "/api/applications/" + id)).containsEntry("status", "SUBMITTED");
        assertThat(browser(session, HttpMethod.GET, "/portail/candidatures/" + id, null).getBody())
                .contains("est déposée", "/api/applications/" + id + "/receipt");
        assertThat(browser(session, HttpMethod.GET, "/portail/candidatures/" + id + "/recapitulatif", null)
                .getHeaders().getLocation().getPath()).as("nothing left to submit").isEqualTo("/portail/candidatures/" + id);
    }

    @Test
    void anApplicationCannotBeWithdrawnAfterTheVoteNorByAnotherStructure() {
        Voted voted = votedOneYear();
        String path = "/portail/candidatures/" + voted.applicationId() + "/retrait";
        String session = signedInSession("porteur");
        String page = browser(session, HttpMethod.GET, path, null).getBody();
        assertThat(page).contains("Cette candidature ne peut plus être retirée").doesNotContain("name=\"reason\"");

        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("reason", "Trop tard");
        form.add("confirmed", "true");
        ResponseEntity<String> refused = browser(session, HttpMethod.POST, path, urlEncoded(form));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("<html lang=\"fr\">", "ne peut plus être retirée",
                "avant la décision de la Commission permanente");
        assertThat(get("porteur", "/api/applications/" + voted.applicationId())).containsEntry("status", "GRANTED");

        String stranger = signedInSession("porteuse");
        String strangerPage = browser(stranger, HttpMethod.GET, "/portail", null).getBody();
        LinkedMultiValueMap<String, String> intrusion = new LinkedMultiValueMap<>(form);
        intrusion.set("_csrf", csrfOf(strangerPage));
        assertThat(browser(stranger, HttpMethod.POST, path, urlEncoded(intrusion)).getStatusCode().value())
                .isEqualTo(404);
        assertThat(browser(stranger, HttpMethod.GET, "/portail/candidatures/" + voted.applicationId(), null)
                .getStatusCode().value()).isEqualTo(404);
        LinkedMultiValueMap<String, String> deletion = new LinkedMultiValueMap<>();
        deletion.add("_csrf", csrfOf(strangerPage));
        deletion.add("confirmed", "true");
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        assertThat(browser(stranger, HttpMethod.POST, "/portail/candidatures/" + draft.get("id") + "/suppression",
                urlEncoded(deletion)).getStatusCode().value()).as("another structure's draft").isEqualTo(404);
        assertThat(get("porteur", "/api/applications/" + draft.get("id"))).containsEntry("status", "DRAFT");
    }

    @Test
    void aRefusedMessageComesBackWithWhatWasTypedAndNoPostAddress() {
        Map<String, Object> draft = oneYearDraft(budget(1, 10000, 20000));
        String page = "/portail/candidatures/" + draft.get("id");
        String session = signedInSession("porteur");
        String csrf = csrfOf(browser(session, HttpMethod.GET, page, null).getBody());

        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("body", "Voici le logiciel du devis");
        parts.add("file", filePart("devis.pdf", fr.agir.structure.SampleFiles.windowsExecutable()));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> refused = browser(session, HttpMethod.POST, page + "/messages?_csrf=" + csrf,
                new HttpEntity<>(parts, multipart));
        assertThat(refused.getStatusCode().value()).isEqualTo(303);
        assertThat(refused.getHeaders().getLocation().toString()).endsWith(page + "#messages").doesNotContain("_csrf");
        String after = browser(session, HttpMethod.GET, page, null).getBody();
        assertThat(after).contains("Le message n’est pas envoyé", "vrai PDF", "Voici le logiciel du devis");
        assertThat(count("select count(*) from application_message where application_id = ?", draft.get("id"))).isZero();
        assertThat(browser(session, HttpMethod.GET, page, null).getBody()).as("shown once")
                .doesNotContain("Le message n’est pas envoyé");
    }

    private Object reportStatus(Grant grant) {
        return list("porteur", "/api/applications/" + grant.applicationId() + "/reports").stream()
                .filter(r -> grant.reportId().equals(String.valueOf(r.get("id")))).findFirst().orElseThrow().get("status");
    }

    private static HttpEntity<LinkedMultiValueMap<String, String>> urlEncoded(LinkedMultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form, headers);
    }
}
