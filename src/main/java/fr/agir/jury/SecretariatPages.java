package fr.agir.jury;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/** What the DIEESS's jury pages share: their base address and the redirect after a POST. */
final class SecretariatPages {
    static final String BASE = "/instruction/jury";

    /** The ranking's orders, in French, in the order the page offers them. */
    static final Map<JurySessionService.RankingOrder, String> ORDERS = new LinkedHashMap<>();

    static {
        ORDERS.put(JurySessionService.RankingOrder.MEAN, "moyenne");
        ORDERS.put(JurySessionService.RankingOrder.MEDIAN, "médiane");
        ORDERS.put(JurySessionService.RankingOrder.THEMATIC, "thématique");
        ORDERS.put(JurySessionService.RankingOrder.EPT, "territoire");
    }

    private SecretariatPages() {
    }

    /** "redirect:" answered 303 See Other: after a POST the browser GETs the page, reloading never re-posts. */
    static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }

    static String session(Long id) {
        return BASE + "/seances/" + id;
    }
}
