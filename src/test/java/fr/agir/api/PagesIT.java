package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void aSignedInUserSeesHisHomePage() {
        assertThat(http.withBasicAuth("admin", PASSWORD).getForEntity("/", String.class).getBody())
                .contains("Bonjour admin", "Cockpit");
        assertThat(http.withBasicAuth("porteur", PASSWORD).getForEntity("/", String.class).getBody())
                .contains("Bonjour porteur").doesNotContain("Cockpit");
    }
}
