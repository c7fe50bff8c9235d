package fr.agir.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.opendata.ScdlSubsidies;
import fr.agir.opendata.TableSchemaCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The SCDL « subventions » file of a seeded budget year (2091): it passes the schema's checks (the constraints of
 * version 2.1.1 in src/test/resources/scdl, checked by {@link TableSchemaCheck}); the grants in force that year are
 * there (an agreement countersigned, an arrêté, the second year of a two-year agreement), and a grant voted but
 * not signed, one signed but not countersigned, a rejected application and a natural person's structure are
 * absent; no personal data; the file and its page are public.
 */
class OpenDataIT extends ApiTestSupport {
    private static final TableSchemaCheck SCDL = TableSchemaCheck.fromResource("/scdl/subventions-2.1.1.schema.json");

    @Test
    void theYearsFileFollowsTheSchemaAndPublishesOnlyGrantsInForceOfLegalPersons() {
        try (OpenDataSeed seed = new OpenDataSeed(jdbc, 2091)) {
            String rna = OpenDataSeed.randomRna();
            long amis = seed.structure("Les \"Amis\", du quartier", rna, false);
            long app1 = seed.application(amis, "Jardins partagés, et cuisine solidaire", "IN_PROGRESS");
            seed.decision(app1, "ADOPTED", "CP-2091-03-012");
            seed.charges(app1, 1, "50000.00");
            long g1 = seed.act(app1, "AGREEMENT", "IN_FORCE", 2091, Instant.parse("2091-03-15T09:00:00Z"),
                    Instant.parse("2091-03-01T09:00:00Z"), "27000.00");
            seed.installment(g1, app1, 1, "ADVANCE", "13500.00", "PAID", Instant.parse("2091-04-01T10:00:00Z"));
            seed.installment(g1, app1, 1, "BALANCE", "13500.00", "PAID", Instant.parse("2091-09-10T10:00:00Z"));

            long small = seed.structure("Ressourcerie de Bondy", null, false);
            long app2 = seed.application(small, "Atelier vélo", "IN_PROGRESS");
            seed.decision(app2, "ADOPTED", "CP-2091-03-013");
            long g2 = seed.act(app2, "ARRETE", "IN_FORCE", 2091, null, Instant.parse("2091-02-01T09:00:00Z"), "5000.00");
            seed.installment(g2, app2, 1, "SINGLE", "5000.00", "SCHEDULED", null);

            long twoYears = seed.structure("Maison des jeunes", null, false);
            long app3 = seed.application(twoYears, "Chantiers jeunes", "IN_PROGRESS");
            seed.decision(app3, "ADOPTED", "CP-2090-06-001");
            seed.charges(app3, 2, "100000.00");
            seed.act(app3, "AGREEMENT", "IN_FORCE", 2090, Instant.parse("2090-07-01T09:00:00Z"),
                    Instant.parse("2090-06-20T09:00:00Z"), "30000.00", "40000.00");

            long unsigned = seed.structure("Voté non signé", null, false);
            long app4 = seed.application(unsigned, "Projet voté", "GRANTED");
            seed.decision(app4, "ADOPTED", "CP-2091-03-014");
            seed.act(app4, "AGREEMENT", "TO_SIGN", 2091, null, Instant.parse("2091-03-01T09:00:00Z"), "30000.00");

            long signedOnly = seed.structure("Signé non contresigné", null, false);
            long app5 = seed.application(signedOnly, "Projet signé", "GRANTED");
            seed.decision(app5, "ADOPTED", "CP-2091-03-015");
            seed.act(app5, "AGREEMENT", "SIGNED", 2091, null, Instant.parse("2091-03-01T09:00:00Z"), "30000.00");

            long rejected = seed.structure("Candidature rejetée", null, false);
            long app6 = seed.application(rejected, "Projet rejeté", "REJECTED");
            seed.decision(app6, "REJECTED", "CP-2091-03-016");

            long person = seed.structure("Jeanne Martin, entrepreneuse individuelle", null, true);
            long app7 = seed.application(person, "Projet d'une personne physique", "IN_PROGRESS");
            seed.decision(app7, "ADOPTED", "CP-2091-03-017");
            seed.act(app7, "ARRETE", "IN_FORCE", 2091, null, Instant.parse("2091-02-01T09:00:00Z"), "8000.00");

            // Public: no credentials at all.
            ResponseEntity<byte[]> response = http.getForEntity("/donnees-ouvertes/subventions-2091.csv", byte[].class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
            byte[] bytes = response.getBody();
            assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) 'n');
            String csv = new String(bytes, StandardCharsets.UTF_8);

            assertThat(SCDL.violations(csv)).isEmpty();
            List<List<String>> rows = TableSchemaCheck.parse(csv);
            assertThat(rows.get(0)).isEqualTo(ScdlSubsidies.COLUMNS);
            assertThat(rows).hasSize(4);
            List<String> agreement = rows.stream().filter(r -> r.get(4).equals("Les \"Amis\", du quartier")).findFirst()
                    .orElseThrow();
            assertThat(agreement).containsExactly("Département de la Seine-Saint-Denis", "00000000000000", "2091-03-15",
                    "CP-2091-03-012", "Les \"Amis\", du quartier", agreement.get(5), rna,
                    "Jardins partagés, et cuisine solidaire", "27000.00", "aide en numéraire", "échelonné",
                    "2091-04-01/2091-09-10", "", "non", "0.54", "");
            assertThat(agreement.get(5)).matches("\\d{14}");
            List<String> arrete = rows.stream().filter(r -> r.get(4).equals("Ressourcerie de Bondy")).findFirst()
                    .orElseThrow();
            assertThat(arrete.get(2)).isEqualTo("2091-02-01");
            assertThat(arrete.get(8)).as("every amount is published, even under 23 000 €").isEqualTo("5000.00");
            assertThat(arrete.get(10)).isEqualTo("unique");
            assertThat(arrete.get(11)).isEqualTo("2091-01-01/2091-12-31");
            assertThat(arrete.get(14)).isEqualTo("1.00");
            List<String> second = rows.stream().filter(r -> r.get(4).equals("Maison des jeunes")).findFirst()
                    .orElseThrow();
            assertThat(second.get(2)).isEqualTo("2090-07-01");
            assertThat(second.get(8)).isEqualTo("40000.00");
            assertThat(second.get(14)).isEqualTo("0.40");

            assertThat(csv).doesNotContain("Voté non signé", "Signé non contresigné", "Candidature rejetée",
                    "Jeanne Martin", "personne physique");
            // No personal data: neither the legal representative nor who signed or recorded.
            assertThat(csv).doesNotContain("Marie", "marie.secrete", "signataire", "instructeur", "Sophie");

            // The page lists the year and links the schema, without sign-in.
            ResponseEntity<String> page = http.getForEntity("/donnees-ouvertes", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("/donnees-ouvertes/subventions-2091.csv",
                    "/donnees-ouvertes/subventions-2090.csv", "schema.data.gouv.fr/scdl/subventions", "Données ouvertes");
            // A year with nothing published is an unknown address.
            assertThat(http.getForEntity("/donnees-ouvertes/subventions-2099.csv", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.getForEntity("/donnees-ouvertes/subventions-2091.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Autowired
    private ConfigurableEnvironment environment;

    /** The instructor's form on the case page, posted as a browser would (the redirect not followed). */
    private ResponseEntity<String> markNaturalPerson(String user, long applicationId, boolean naturalPerson) {
        HttpHeaders headers = headersFor(user);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("personnePhysique", String.valueOf(naturalPerson));
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).exchange(
                "/instruction/candidatures/" + applicationId + "/personne-physique", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    private String file(int year) {
        ResponseEntity<String> response = http.getForEntity("/donnees-ouvertes/subventions-" + year + ".csv", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void aStructureTheInstructorMarksAsANaturalPersonLeavesTheFileUntilMarkedBack() {
        try (OpenDataSeed seed = new OpenDataSeed(jdbc, 1996)) {
            long kept = seed.structure("Association témoin 1996", null, false);
            long app1 = seed.application(kept, "Projet témoin", "IN_PROGRESS");
            seed.decision(app1, "ADOPTED", "CP-1996-01-001");
            seed.act(app1, "ARRETE", "IN_FORCE", 1996, null, Instant.parse("1996-02-01T09:00:00Z"), "3000.00");
            long person = seed.structure("Paul Durand 1996", null, false);
            long app2 = seed.application(person, "Projet d'un particulier", "IN_PROGRESS");
            seed.decision(app2, "ADOPTED", "CP-1996-01-002");
            seed.act(app2, "ARRETE", "IN_FORCE", 1996, null, Instant.parse("1996-02-01T09:00:00Z"), "4000.00");
            assertThat(file(1996)).contains("Association témoin 1996", "Paul Durand 1996");

            // Neither an applicant nor a reviewer may mark it; nothing changes.
            for (String intruder : List.of("porteur", "avis-djva")) {
                assertThat(markNaturalPerson(intruder, app2, true).getStatusCode().value()).as(intruder).isIn(403, 404);
            }
            assertThat(jdbc.queryForObject("SELECT natural_person FROM structure WHERE id = ?", Boolean.class, person))
                    .isFalse();

            ResponseEntity<String> marked = markNaturalPerson("instructeur", app2, true);
            assertThat(marked.getStatusCode().value()).isEqualTo(303);
            assertThat(marked.getHeaders().getLocation().toString()).endsWith("/instruction/candidatures/" + app2
                    + "#structure");
            assertThat(file(1996)).contains("Association témoin 1996").doesNotContain("Paul Durand");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'NATURAL_PERSON_DECLARED' "
                    + "AND entity_id = ? AND application_id = ? AND actor = 'instructeur'", Integer.class, person, app2))
                    .isEqualTo(1);
            // Marking it again changes and records nothing more.
            markNaturalPerson("instructeur", app2, true);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'NATURAL_PERSON_%' "
                    + "AND entity_id = ?", Integer.class, person)).isEqualTo(1);

            assertThat(markNaturalPerson("instructeur", app2, false).getStatusCode().value()).isEqualTo(303);
            assertThat(file(1996)).contains("Paul Durand 1996");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'NATURAL_PERSON_CLEARED' "
                    + "AND entity_id = ?", Integer.class, person)).isEqualTo(1);
        }
    }

    /**
     * The Département's SIRET is read at each request: with a wrong one, the page says the files are not published
     * and a file answers 503 problem+json in French; with a valid one, every row names it.
     */
    @Test
    void aWrongAttribuantSiretStopsThePublicationAndAValidOneIsInEveryRow() {
        try (OpenDataSeed seed = new OpenDataSeed(jdbc, 1995)) {
            long s = seed.structure("Association 1995", null, false);
            long app = seed.application(s, "Projet 1995", "IN_PROGRESS");
            seed.decision(app, "ADOPTED", "CP-1995-01-001");
            seed.act(app, "ARRETE", "IN_FORCE", 1995, null, Instant.parse("1995-02-01T09:00:00Z"), "2000.00");
            assertThat(file(1995)).contains("Association 1995");

            withSiret("22930001700007", () -> {
                ResponseEntity<String> page = http.getForEntity("/donnees-ouvertes", String.class);
                assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(page.getBody()).contains("Les fichiers ne sont pas publiés pour le moment")
                        .doesNotContain("/donnees-ouvertes/subventions-1995.csv");
                ResponseEntity<String> csv = http.getForEntity("/donnees-ouvertes/subventions-1995.csv", String.class);
                assertThat(csv.getStatusCode().value()).isEqualTo(503);
                assertThat(csv.getHeaders().getContentType().toString()).startsWith("application/problem+json");
                assertThat(csv.getBody()).contains("urn:agir:probleme:donnees-ouvertes-indisponibles",
                        "SIRET du Département").doesNotContain("Association 1995");
                HttpHeaders browser = new HttpHeaders();
                browser.setAccept(List.of(MediaType.TEXT_HTML));
                ResponseEntity<String> asPage = http.exchange("/donnees-ouvertes/subventions-1995.csv", HttpMethod.GET,
                        new HttpEntity<>(browser), String.class);
                assertThat(asPage.getStatusCode().value()).isEqualTo(503);
                assertThat(asPage.getBody()).contains("SIRET du Département", "lang=\"fr\"");
            });
            withSiret("22930001700006", () -> assertThat(TableSchemaCheck.parse(file(1995)).get(1).get(1))
                    .isEqualTo("22930001700006"));
            assertThat(http.getForEntity("/donnees-ouvertes", String.class).getBody())
                    .doesNotContain("Les fichiers ne sont pas publiés");
        }
    }

    private void withSiret(String siret, Runnable check) {
        MapPropertySource override = new MapPropertySource("open-data-siret-under-test",
                Map.of("agir.open-data.attribuant-siret", siret));
        environment.getPropertySources().addFirst(override);
        try {
            check.run();
        } finally {
            environment.getPropertySources().remove(override.getName());
        }
    }
}
