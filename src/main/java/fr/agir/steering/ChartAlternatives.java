package fr.agir.steering;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The text alternative of each chart of the dashboard (its aria-label): its figures in one French sentence. */
final class ChartAlternatives {
    private ChartAlternatives() {
    }

    static Map<String, String> of(SteeringFigures.Dashboard d) {
        Map<String, String> alt = new LinkedHashMap<>();
        alt.put("etapes", "Entonnoir des candidatures : " + d.funnel().stream()
                .map(c -> c.label() + " " + c.count()).collect(Collectors.joining(", ")) + ".");
        alt.put("montants", "Montants en euros : " + d.amounts().stream()
                .map(a -> a.label() + " " + Money.format(a.amount())).collect(Collectors.joining(", ")) + ".");
        alt.put("thematiques", "Candidatures et subventions par thématique : " + groups(d.byThematic()));
        alt.put("ept", "Candidatures et subventions par EPT : " + groups(d.byEpt()));
        List<SteeringFigures.Group> granted = d.byCommune().stream().filter(g -> g.grants() > 0).toList();
        alt.put("carte", "Carte des communes de la Seine-Saint-Denis colorées selon la mesure choisie. Communes ayant "
                + "des subventions : " + (granted.isEmpty() ? "aucune" : granted.stream()
                .map(g -> g.label() + " " + g.grants()).collect(Collectors.joining(", ")))
                + ". Le détail par commune est dans le tableau.");
        alt.put("delais", "Délais des étapes terminées, en jours : " + d.times().stream()
                .map(t -> t.step() + " médiane " + French.number(t.medianDays()) + ", 90 % en moins de "
                        + French.number(t.p90Days())).collect(Collectors.joining(" ; ")) + ".");
        alt.put("editions", "Candidatures et subventions par édition : " + d.years().stream()
                .map(g -> g.label() + " " + g.applications() + " candidatures, " + g.grants() + " subventions, "
                        + Money.format(g.granted()) + " attribués").collect(Collectors.joining(" ; ")) + ".");
        return alt;
    }

    private static String groups(List<SteeringFigures.Group> groups) {
        return groups.stream().map(g -> g.label() + " " + g.applications() + " candidatures, " + g.grants()
                + " subventions").collect(Collectors.joining(" ; ")) + ".";
    }
}
