package fr.agir.steering;

import fr.agir.shared.Csv;
import fr.agir.shared.French;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The data table of each chart of the dashboard as a CSV file (shared/Csv: ';', CRLF, formulas neutralised). */
final class SteeringCsv {
    /** The tables that can be downloaded, by the name in their address, with their file title. */
    static final Map<String, String> TABLES = Map.of(
            "etapes", "candidatures-par-etape",
            "thematiques", "par-thematique",
            "ept", "par-ept",
            "communes", "par-commune",
            "montants", "montants-et-credits",
            "delais", "delais-de-traitement",
            "editions", "editions");

    private SteeringCsv() {
    }

    static String of(String table, SteeringFigures.Dashboard d) {
        StringBuilder out = new StringBuilder();
        switch (table) {
            case "etapes" -> {
                Csv.line(out, List.of("Étape", "Candidatures"));
                d.funnel().forEach(c -> Csv.line(out, List.of(c.label(), String.valueOf(c.count()))));
                Csv.line(out, List.of("", ""));
                Csv.line(out, List.of("Statut actuel", "Candidatures"));
                d.byStatus().forEach(c -> Csv.line(out, List.of(c.label(), String.valueOf(c.count()))));
            }
            case "thematiques" -> groups(out, "Thématique", d.byThematic(), SteeringFigures.Group::label);
            case "ept" -> groups(out, "EPT", d.byEpt(), SteeringFigures.Group::label);
            case "communes" -> {
                Csv.line(out, List.of("Code INSEE", "Commune", "Candidatures", "Subventions", "Montant demandé (€)",
                        "Montant attribué (€)"));
                d.byCommune().forEach(g -> Csv.line(out, List.of(text(g.code()), g.label(),
                        String.valueOf(g.applications()), String.valueOf(g.grants()), amount(g.requested()),
                        amount(g.granted()))));
            }
            case "montants" -> {
                Csv.line(out, List.of("Montant", "Euros"));
                d.amounts().forEach(a -> Csv.line(out, List.of(a.label(), amount(a.amount()))));
            }
            case "delais" -> {
                Csv.line(out, List.of("Étape", "Terminées", "Médiane (jours)", "90 % en moins de (jours)"));
                d.times().forEach(t -> Csv.line(out, List.of(t.step(), String.valueOf(t.finished()),
                        French.number(t.medianDays()), French.number(t.p90Days()))));
            }
            case "editions" -> groups(out, "Édition", d.years(), g -> g.label() + " (" + g.code() + ")");
            default -> throw new IllegalArgumentException(table);
        }
        return out.toString();
    }

    private static void groups(StringBuilder out, String what, List<SteeringFigures.Group> groups,
                               Function<SteeringFigures.Group, String> label) {
        Csv.line(out, List.of(what, "Candidatures", "Subventions", "Montant demandé (€)", "Montant attribué (€)"));
        groups.forEach(g -> Csv.line(out, List.of(label.apply(g), String.valueOf(g.applications()),
                String.valueOf(g.grants()), amount(g.requested()), amount(g.granted()))));
    }

    private static String amount(BigDecimal amount) {
        return French.number(amount == null ? null : amount.setScale(2));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
