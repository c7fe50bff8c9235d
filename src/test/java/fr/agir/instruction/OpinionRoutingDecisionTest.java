package fr.agir.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/opinion-routing.dmn, rule by rule, on Camunda's DMN engine. */
class OpinionRoutingDecisionTest {
    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(Path.of("bpmn/opinion-routing.dmn"))) {
            decision = dmn.parseDecision("opinion-routing", model);
        }
    }

    @ParameterizedTest(name = "{0} / {1} / {2} € / {3} → {4}")
    @CsvSource(delimiter = ';', value = {
            "NOUVELLES_SOLIDARITES; TOUS_PUBLICS; 20000; ASSOCIATION; DPAS",
            "TRANSITION_ECOLOGIQUE; TOUS_PUBLICS; 20000; ASSOCIATION; DTER",
            "ENGAGEMENT_CITOYEN; TOUS_PUBLICS; 20000; ASSOCIATION; DJVA",
            "TRANSITION_ECOLOGIQUE; JEUNES; 20000; ASSOCIATION; DTER,DJVA",
            "ENGAGEMENT_CITOYEN; JEUNES; 20000; ASSOCIATION; DJVA,DJVA",
            "ENGAGEMENT_CITOYEN; PERSONNES_AGEES; 20000; ASSOCIATION; DJVA,DPAS",
            "ENGAGEMENT_CITOYEN; PERSONNES_HANDICAPEES; 20000; ASSOCIATION; DJVA,DPAS",
            "TRANSITION_ECOLOGIQUE; PERSONNES_PRECAIRES; 20000; ASSOCIATION; DTER,DPAS",
            "TRANSITION_ECOLOGIQUE; TOUS_PUBLICS; 20000; SCIC; DTER,DMTA",
            "TRANSITION_ECOLOGIQUE; TOUS_PUBLICS; 20000; SCOP; DTER,DMTA",
            "TRANSITION_ECOLOGIQUE; TOUS_PUBLICS; 49999; ASSOCIATION; DTER",
            "TRANSITION_ECOLOGIQUE; TOUS_PUBLICS; 50000; ASSOCIATION; DTER,DMTA",
            "NOUVELLES_SOLIDARITES; JEUNES; 80000; SCIC; DPAS,DJVA,DMTA,DMTA"})
    void routesToTheDirectoratesOfEveryMatchingRule(String thematic, String targetPublic, long amount,
                                                    String legalForm, String expected) {
        List<String> directorates = dmn.evaluateDecisionTable(decision, Map.of("thematic", thematic,
                        "targetPublic", targetPublic, "totalRequested", amount, "legalForm", legalForm))
                .collectEntries("directorate");
        assertThat(directorates).containsExactlyInAnyOrder(expected.split(","));
    }
}
