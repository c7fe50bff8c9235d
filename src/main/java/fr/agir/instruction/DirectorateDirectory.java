package fr.agir.instruction;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.TargetPublic;
import fr.agir.campaign.Thematic;
import fr.agir.security.Directorate;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.LegalForm;
import fr.agir.workflow.DecisionTables;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directorates as the administrator reads them (codes, names, mailboxes, the thematics the routing
 * table sends them), the routing table itself ({@code bpmn/opinion-routing.dmn}, as deployed) in words,
 * and its simulation on a past application: the same facts the lifecycle gives the engine, evaluated
 * without touching the case.
 */
@Service
public class DirectorateDirectory {
    private final DirectorateAddresses addresses;
    private final DecisionTables tables;
    private final Workflow workflow;
    private final ApplicationService applications;
    private final JdbcTemplate jdbc;

    public DirectorateDirectory(DirectorateAddresses addresses, DecisionTables tables, Workflow workflow,
                                ApplicationService applications, JdbcTemplate jdbc) {
        this.addresses = addresses;
        this.tables = tables;
        this.workflow = workflow;
        this.applications = applications;
        this.jdbc = jdbc;
    }

    public record DirectorateRow(Directorate directorate, String mailbox, List<String> thematics, boolean consulted) {
    }

    /** One rule of the table in French: each input's condition ("Toutes" when any), the directorate. */
    public record RuleRow(String description, List<String> conditions, String directorate) {
    }

    public record RoutingTable(String name, String description, int version, List<String> inputs, String output,
                               List<RuleRow> rules) {
    }

    public record PastApplication(Long id, String reference, String title, LocalDateTime submittedAt) {
    }

    /** The simulation's facts in words and the directorates the table routes to. */
    public record Simulation(Long applicationId, String reference, String title, Map<String, String> facts,
                             List<Directorate> directorates) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<DirectorateRow> directorates() {
        Map<Directorate, List<String>> followed = new HashMap<>();
        for (Thematic thematic : Thematic.values()) {
            // The thematic alone: a neutral public, form and amount, so only the thematic's rules answer.
            Map<String, Object> facts = Map.of("thematic", thematic.name(), "targetPublic", TargetPublic.TOUS_PUBLICS.name(),
                    "legalForm", LegalForm.ASSOCIATION.name(), "totalRequested", 0L);
            workflow.simulate(ProcessKeys.OPINION_ROUTING, facts, "directorate").forEach(code ->
                    followed.computeIfAbsent(Directorate.valueOf(code), d -> new ArrayList<>()).add(thematic.label()));
        }
        List<String> outputs = routingTable().rules().stream().map(RuleRow::directorate).toList();
        return Arrays.stream(Directorate.values()).map(d -> new DirectorateRow(d, addresses.of(d),
                followed.getOrDefault(d, List.of()), outputs.contains(d.name()))).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public String routingXml() {
        return tables.xml(ProcessKeys.OPINION_ROUTING);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public RoutingTable routingTable() {
        DecisionTables.Table table = tables.table(ProcessKeys.OPINION_ROUTING);
        List<RuleRow> rules = table.rules().stream().map(r -> new RuleRow(r.description(),
                r.inputs().stream().map(DirectorateDirectory::words).toList(),
                String.join(", ", r.outputs().stream().map(o -> o.replace("\"", "")).toList()))).toList();
        return new RoutingTable(table.name(), table.description(), table.version(), table.inputLabels(),
                String.join(", ", table.outputLabels()), rules);
    }

    /** The last applications submitted until now (not drafts), most recent first, for the simulator's choice. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PastApplication> pastApplications() {
        return jdbc.query("SELECT id, reference, title, submitted_at FROM application WHERE status <> 'DRAFT' "
                        + "AND submitted_at IS NOT NULL AND submitted_at <= ? ORDER BY submitted_at DESC, id DESC LIMIT 100",
                (rs, i) -> new PastApplication(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime()),
                // a day ahead: whatever the time zone the timestamps were stored in, never data dated years ahead
                java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1))));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Simulation simulate(Long applicationId) {
        Application application = applications.get(applicationId);
        if (application.getSubmittedAt() == null) {
            throw new NotFoundException("Candidature introuvable.");
        }
        Map<String, Object> variables = applications.lifecycleVariables(application);
        List<Directorate> routed = workflow.simulate(ProcessKeys.OPINION_ROUTING, variables, "directorate").stream()
                .map(Directorate::valueOf).toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Thématique", application.getThematic().label());
        facts.put("Public visé", application.getTargetPublic().label());
        facts.put("Montant total demandé", fr.agir.shared.Money.format(
                new java.math.BigDecimal(((Number) variables.get("totalRequested")).longValue())));
        facts.put("Forme juridique", LegalForm.valueOf((String) variables.get("legalForm")).label());
        return new Simulation(applicationId, application.getReference(), application.getTitle(), facts, routed);
    }

    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<)\\s*(\\d+)");

    /** A FEEL input entry in French: codes to labels, comparisons to "≥ 50 000 €", empty to "Toutes". */
    static String words(String entry) {
        if (entry == null || entry.isBlank() || "-".equals(entry.strip())) {
            return "Toutes";
        }
        Matcher m = COMPARISON.matcher(entry.strip());
        if (m.matches()) {
            String op = switch (m.group(1)) {
                case ">=" -> "≥";
                case "<=" -> "≤";
                default -> m.group(1);
            };
            return op + " " + fr.agir.shared.Money.format(new java.math.BigDecimal(m.group(2)));
        }
        return String.join(" ou ", Arrays.stream(entry.split(",")).map(String::strip)
                .map(v -> v.replace("\"", "")).map(DirectorateDirectory::label).toList());
    }

    private static String label(String code) {
        for (Thematic t : Thematic.values()) {
            if (t.name().equals(code)) {
                return t.label();
            }
        }
        for (TargetPublic t : TargetPublic.values()) {
            if (t.name().equals(code)) {
                return t.label();
            }
        }
        for (LegalForm f : LegalForm.values()) {
            if (f.name().equals(code)) {
                return f.label();
            }
        }
        return code;
    }
}
