package fr.agir.workflow;

import fr.agir.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.springframework.stereotype.Component;

/**
 * The deployed decision tables as people read them (the administration's routing table): the XML the
 * engine evaluates, and its rules as rows of text for an HTML table (the accessible alternative of
 * the dmn-js drawing).
 */
@Component
public class DecisionTables {
    private final RepositoryService repository;

    public DecisionTables(RepositoryService repository) {
        this.repository = repository;
    }

    /** One rule: its description, the text of each input entry (empty: any value), its output. */
    public record Rule(String id, String description, List<String> inputs, List<String> outputs) {
    }

    /** A decision table: its name, description, hit policy, column labels and rules in order. */
    public record Table(String key, String name, String description, String hitPolicy, List<String> inputLabels,
                        List<String> outputLabels, List<Rule> rules, int version) {
    }

    /** The latest deployed version's XML, as deployed. */
    public String xml(String decisionKey) {
        DecisionDefinition definition = latest(decisionKey);
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the decision " + decisionKey, e);
        }
    }

    public Table table(String decisionKey) {
        DecisionDefinition definition = latest(decisionKey);
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(definition.getKey());
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<String> inputs = table.getInputs().stream().map(i -> i.getLabel()).toList();
        List<String> outputs = table.getOutputs().stream().map(o -> o.getLabel() != null ? o.getLabel() : o.getName()).toList();
        List<Rule> rules = table.getRules().stream().map(r -> new Rule(r.getId(),
                r.getDescription() == null ? "" : r.getDescription().getTextContent(),
                r.getInputEntries().stream().map(e -> text(e.getTextContent())).toList(),
                r.getOutputEntries().stream().map(e -> text(e.getTextContent())).toList())).toList();
        return new Table(definition.getKey(), decision.getName(),
                decision.getDescription() == null ? "" : decision.getDescription().getTextContent(),
                table.getHitPolicy().name(), inputs, outputs, rules, definition.getVersion());
    }

    private DecisionDefinition latest(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new NotFoundException("Table de décision introuvable.");
        }
        return definition;
    }

    private static String text(String expression) {
        return expression == null ? "" : expression.strip();
    }
}
