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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directorates as the administrator keeps them ({@link DirectorateRegistry}) read against the routing
 * table (the thematics it sends each, the rules naming each, what disagrees), the routing table itself ({@code bpmn/opinion-routing.dmn}, as deployed) in words,
 * and its simulation on a past application: the same facts the lifecycle gives the engine, evaluated
 * without touching the case.
 */
@Service
public class DirectorateDirectory {
    private final DirectorateRegistry registry;
    private final DecisionTables tables;
    private final Workflow workflow;
    private final ApplicationService applications;
    private final JdbcTemplate jdbc;

    public DirectorateDirectory(DirectorateRegistry registry, DecisionTables tables, Workflow workflow,
                                ApplicationService applications, JdbcTemplate jdbc) {
        this.registry = registry;
        this.tables = tables;
        this.workflow = workflow;
        this.applications = applications;
        this.jdbc = jdbc;
    }

    /**
     * A directorate as kept by the administrator, read against the routing table: the thematics it follows
     * (declared) and those the table sends it, the rules that name it, and what does not agree (notes).
     */
    public record DirectorateRow(String code, String name, List<String> mailboxes, List<String> followed,
                                 List<String> routed, List<Integer> rules, boolean active, boolean known,
                                 List<String> notes) {
    }

    /** One rule of the table in French: each input's condition ("Toutes" when any), the directorate. */
    public record RuleRow(String description, List<String> conditions, List<String> directorates) {
        /** The directorates named, as the table's column shows them. */
        public String directorate() {
            return String.join(", ", directorates);
        }
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
        List<RuleRow> rules = routingTable().rules();
        return registry.all().stream().map(p -> row(p, rules)).toList();
    }

    /** One directorate's row (its edit page shows it too). */
    @PreAuthorize("hasRole('ADMIN')")
    public DirectorateRow directorate(String code) {
        return row(registry.get(code), routingTable().rules());
    }

    private DirectorateRow row(DirectorateProfile p, List<RuleRow> rules) {
        Set<Thematic> routed = registry.routedThematics(p.getCode());
        List<Integer> naming = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).directorates().contains(p.getCode())) {
                naming.add(i + 1);
            }
        }
        boolean known = Arrays.stream(Directorate.values()).anyMatch(d -> d.name().equals(p.getCode()));
        List<String> notes = new ArrayList<>();
        for (Thematic t : p.getThematics()) {
            if (!routed.contains(t)) {
                notes.add("Suit « " + t.label() + " », mais la table de routage ne lui envoie pas cette thématique.");
            }
        }
        for (Thematic t : routed) {
            if (!p.getThematics().contains(t)) {
                notes.add("La table de routage lui envoie « " + t.label() + " », thématique qu'elle ne déclare pas suivre.");
            }
        }
        if (!p.isActive() && !naming.isEmpty()) {
            notes.add("Inactive : " + rulesInWords(naming) + " qui la désigne" + (naming.size() > 1 ? "nt" : "")
                    + " ne lui demande" + (naming.size() > 1 ? "nt" : "") + " plus d'avis.");
        }
        if (!known) {
            notes.add("Code nouveau : aucun compte de relecteur ne lui est encore rattaché ; la table de routage pourra la "
                    + "désigner quand l'équipe technique l'y aura ajoutée.");
        }
        return new DirectorateRow(p.getCode(), p.getName(), p.getMailboxes(),
                p.getThematics().stream().map(Thematic::label).toList(), routed.stream().map(Thematic::label).toList(),
                naming, p.isActive(), known, notes);
    }

    /**
     * What in the routing table the administrator should know: a rule naming a directorate unknown here (no
     * mailbox, nobody to answer) or one marked inactive (no opinion asked).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> routingWarnings() {
        Map<String, DirectorateProfile> kept = new HashMap<>();
        registry.all().forEach(p -> kept.put(p.getCode(), p));
        List<RuleRow> rules = routingTable().rules();
        Map<String, List<Integer>> unknown = new LinkedHashMap<>();
        Map<String, List<Integer>> inactive = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String code : rules.get(i).directorates()) {
                DirectorateProfile p = kept.get(code);
                if (p == null) {
                    unknown.computeIfAbsent(code, c -> new ArrayList<>()).add(i + 1);
                } else if (!p.isActive()) {
                    inactive.computeIfAbsent(code, c -> new ArrayList<>()).add(i + 1);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        unknown.forEach((code, numbers) -> warnings.add(capitalized(rulesInWords(numbers)) + " désigne" + (numbers.size() > 1 ? "nt " : " ")
                + code + ", direction inconnue de cette page : ajoutez-la (son nom, sa boîte aux lettres) ou faites corriger la table."));
        inactive.forEach((code, numbers) -> warnings.add(capitalized(rulesInWords(numbers)) + " désigne" + (numbers.size() > 1 ? "nt " : " ")
                + code + ", marquée inactive : aucun avis ne lui est demandé tant qu'elle le reste."));
        return warnings;
    }

    private static String rulesInWords(List<Integer> numbers) {
        return numbers.size() == 1 ? "la règle n° " + numbers.get(0)
                : "les règles n° " + String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
                r.outputs().stream().map(o -> o.replace("\"", "").strip()).toList())).toList();
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
