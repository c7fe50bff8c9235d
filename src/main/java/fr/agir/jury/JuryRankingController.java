package fr.agir.jury;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The deliberation's ranking as a member sees it, without the applications he is in conflict with. */
@Controller
public class JuryRankingController {
    private final ScoringService scoring;

    public JuryRankingController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/jury/seances/{sessionId}/classement")
    public String ranking(@PathVariable Long sessionId, @RequestParam(required = false) String tri, Model model) {
        var order = JurySessionService.RankingOrder.MEAN;
        Map<String, String> orders = new LinkedHashMap<>();
        for (var o : JurySessionService.RankingOrder.values()) {
            orders.put(o.name(), label(o));
            if (o.name().equalsIgnoreCase(tri)) {
                order = o;
            }
        }
        var ranking = scoring.ranking(sessionId, order);
        model.addAttribute("ranking", ranking);
        model.addAttribute("seance", ranking.session());
        model.addAttribute("orders", orders);
        model.addAttribute("order", order.name());
        return "jury/member/ranking";
    }

    private static String label(JurySessionService.RankingOrder order) {
        return switch (order) {
            case MEAN -> "Par moyenne";
            case MEDIAN -> "Par médiane";
            case THEMATIC -> "Par thématique";
            case EPT -> "Par EPT";
        };
    }
}
