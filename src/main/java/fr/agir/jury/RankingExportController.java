package fr.agir.jury;

import fr.agir.shared.TabularExport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * « Exporter (CSV) » / « Exporter (Excel) » of the ranking on the secretariat's session page: the DIEESS's
 * ranking ({@link JurySessionService#ranking}, instructors and the administrator only; a juror, whatever his
 * session, is refused by the address rule of /instruction/** and by the service). No juror's name is in it:
 * the scores are aggregates, the eliminatory criteria are named, not who scored them. One session's ranking
 * is a few hundred rows at most: it is read by the service, then written.
 */
@Controller
public class RankingExportController {
    static final List<String> HEADER = List.of("Rang", "Référence", "Projet", "Structure", "EPT", "Thématique",
            "Demandé année 1 (€)", "Demandé année 2 (€)", "Proposé par la synthèse année 1 (€)",
            "Proposé par la synthèse année 2 (€)", "Notes reçues", "Évaluations attendues", "Moyenne", "Médiane",
            "Écart-type", "Désaccord", "Éliminé par la grille", "Avis du jury", "Nature", "Durée (ans)",
            "Proposition année 1 (€)", "Proposition année 2 (€)");
    private final JurySessionService sessions;

    public RankingExportController(JurySessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping(SecretariatPages.BASE + "/seances/{id}/classement/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable Long id,
                                                        @RequestParam(defaultValue = "csv") String format,
                                                        @RequestParam(required = false) String tri) {
        TabularExport.Format f = TabularExport.Format.of(format);
        JurySessionService.RankingOrder order = JurySessionService.RankingOrder.MEAN;
        for (var o : JurySessionService.RankingOrder.values()) {
            if (o.name().equalsIgnoreCase(tri == null ? "" : tri.toUpperCase(Locale.ROOT))) {
                order = o;
            }
        }
        JurySessionService.Ranking ranking = sessions.ranking(id, order).sortedBy(order);
        return TabularExport.download(f, "classement-seance-" + id, "Classement", HEADER, out -> {
            int rank = 1;
            for (JurySessionService.RankingRow r : ranking.rows()) {
                var a = r.application();
                var agg = r.aggregate();
                SessionApplication p = r.proposal();
                out.row(new ArrayList<>(Arrays.asList(rank++, a.getReference(), a.getTitle(), r.structureName(),
                        r.ept(), a.getThematic() == null ? null : a.getThematic().label(), year(r.requested(), 1),
                        year(r.requested(), 2), year(r.proposedBySynthesis(), 1), year(r.proposedBySynthesis(), 2),
                        agg.count(), r.assigned(), agg.mean(), agg.median(), agg.standardDeviation(),
                        agg.disagreement(), String.join(", ", r.eliminatedBy()),
                        p == null || p.getVerdict() == null ? null
                                : p.getVerdict() == JuryResult.Verdict.FAVORABLE ? "Favorable" : "Défavorable",
                        p == null || p.getNature() == null ? null : p.getNature().label(),
                        p == null ? null : p.getDurationYears(), p == null ? null : p.getAmountYear1(),
                        p == null ? null : p.getAmountYear2())));
            }
        });
    }

    private static BigDecimal year(java.util.Map<Integer, BigDecimal> amounts, int year) {
        return amounts == null ? null : amounts.get(year);
    }
}
