package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The shared layout: navigation by role, names instead of logins, the footer's pages, French refusals. */
class LayoutIT extends ApiTestSupport {

    @Test
    void aRefusedPageIsAFrenchPageWithAWayBackNotJson() {
        ResponseEntity<String> page = browser(signedInSession("porteur"), HttpMethod.GET, "/instruction", null);
        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("<html lang=\"fr\">", "<h1>Accès refusé</h1>", "Retour à l’accueil",
                "class=\"pied\"").doesNotContain("\"type\":", "urn:agir");
    }

    @Test
    void theHeaderShowsThePersonsNameAndTheNavigationOfHisRoles() {
        String instructor = browser(signedInSession("instructeur"), HttpMethod.GET, "/", null).getBody();
        assertThat(instructor).contains("Ivan Instructeur", "href=\"/instruction\"", "href=\"/instruction/candidatures\"",
                "href=\"/instruction/jury\"", "aria-current=\"page\"").doesNotContain("href=\"/portail\"", ">instructeur<");
        String applicant = browser(signedInSession("porteur"), HttpMethod.GET, "/portail/structures/nouvelle", null).getBody();
        assertThat(applicant).contains("Paul Porteur", "href=\"/portail\"", "class=\"fil-ariane\"")
                .doesNotContain("href=\"/instruction\"", "href=\"/avis\"", "href=\"/jury\"");
        assertThat(count("select count(*) from person where username = 'instructeur' and display_name = 'Ivan Instructeur'"))
                .isEqualTo(1);
    }

    @Test
    void theFootersPagesAreOpenToEveryoneInFrench() {
        for (String path : List.of("/mentions-legales", "/donnees-personnelles", "/accessibilite", "/contact")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.TEXT_HTML));
            ResponseEntity<String> page = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).contains("<html lang=\"fr\">", "href=\"/mentions-legales\"",
                    "href=\"/accessibilite\"", "href=\"/swagger-ui.html\"");
        }
        assertThat(http.getForEntity("/accessibilite", String.class).getBody()).contains("partiellement conforme");
        assertThat(http.getForEntity("/css/agir.css", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/favicon.svg", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRegistrationRefusalListsTheErrorsInTheFormsOrderAndKeepsWhatWasTyped() {
        String session = signedInSession("porteur");
        String page = browser(session, HttpMethod.GET, "/portail/structures/nouvelle", null).getBody();
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("_csrf", csrfOf(page));
        form.add("name", "");
        form.add("legalForm", "");
        form.add("legalRepName", "Awa Traoré");
        form.add("legalRepEmail", "pas-une-adresse");
        ResponseEntity<String> answer = browser(session, HttpMethod.POST, "/portail/structures/nouvelle", formPost(form));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        String body = answer.getBody();
        assertThat(body).contains("name=\"legalRepName\" value=\"Awa Traor", "aria-describedby=\"legalRepEmail-erreur\"",
                "aria-invalid=\"true\"");
        assertThat(body.indexOf("href=\"#name\"")).isPositive().isLessThan(body.indexOf("href=\"#legalForm\""));
        assertThat(body.indexOf("href=\"#legalForm\"")).isLessThan(body.indexOf("href=\"#legalRepEmail\""));
    }
}
