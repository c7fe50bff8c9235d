package fr.agir.steering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.structure.Commune;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped boundaries are those of the 40 communes Agir knows, no more, no less. */
class SteeringGeoTest {

    @Test
    void theMapsFortyCommunesAreStructureCommunesFortyInseeCodes() throws Exception {
        JsonNode geo;
        try (InputStream in = getClass().getResourceAsStream("/static/geo/communes-93-seine-saint-denis.geojson")) {
            geo = new ObjectMapper().readTree(in);
        }
        Set<String> mapped = new TreeSet<>();
        geo.get("features").forEach(f -> mapped.add(f.get("properties").get("code").asText()));
        Set<String> known = Arrays.stream(Commune.values()).map(Commune::insee)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(geo.get("features")).hasSize(40);
        assertThat(mapped).hasSize(40).isEqualTo(known);
        assertThat(SteeringFigures.communes()).extracting(Commune::insee).containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void everyChartsTableDownloadsAsCsvWithItsHeader() {
        SteeringFigures.Dashboard d = new SteeringFigures.Dashboard(new SteeringFigures.CampaignRef(1, "AAA-2026", "Appel"),
                java.util.List.of(), java.util.List.of(new SteeringFigures.Count("DEPOSEES", "Déposées", 3)),
                java.util.List.of(), java.util.List.of(new SteeringFigures.Group("=HACK", "=HACK", 1, 0,
                        new java.math.BigDecimal("1500.50"), java.math.BigDecimal.ZERO)),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
        for (String table : SteeringCsv.TABLES.keySet()) {
            assertThat(SteeringCsv.of(table, d)).as(table).contains(";").endsWith("\r\n");
        }
        assertThat(SteeringCsv.of("etapes", d)).startsWith("Étape;Candidatures\r\nDéposées;3\r\n");
        assertThat(SteeringCsv.of("thematiques", d)).contains("'=HACK;1;0;1500,50;0");
    }
}
