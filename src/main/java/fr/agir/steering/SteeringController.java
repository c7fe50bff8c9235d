package fr.agir.steering;

import fr.agir.shared.NotFoundException;
import fr.agir.shared.RecentValues;
import fr.agir.shared.TimeConfig;
import java.time.Duration;
import java.time.LocalTime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The steering dashboard ({@code /pilotage}): the page with its charts and data tables, the same figures as
 * JSON for the charts' script, and each table as CSV. Instructors and the administrator. All three read the
 * figures {@link SteeringDashboards} keeps for a minute; the page says when they were computed.
 */
@Controller
public class SteeringController {
    private final SteeringDashboards dashboards;

    public SteeringController(SteeringDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/pilotage")
    public String dashboard(@RequestParam(name = "campagne", required = false) String campaign, Model model) {
        RecentValues.Stamped<SteeringFigures.Dashboard> found = dashboards.of(id(campaign)).orElse(null);
        SteeringFigures.Dashboard d = found == null ? null : found.value();
        model.addAttribute("d", d);
        if (found != null) {
            LocalTime at = found.computedAt().atZone(TimeConfig.PARIS).toLocalTime();
            model.addAttribute("computedAt", String.format("%02d h %02d", at.getHour(), at.getMinute()));
            model.addAttribute("refreshMinutes",
                    Duration.between(found.computedAt(), found.expiresAt()).toMinutes());
        }
        model.addAttribute("alt", d == null ? null : ChartAlternatives.of(d));
        model.addAttribute("pageStyles", List.of("steering.css"));
        model.addAttribute("pageScripts", List.of("steering.js"));
        return "steering/dashboard";
    }

    @GetMapping(path = "/pilotage/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public SteeringFigures.Dashboard data(@RequestParam(name = "campagne", required = false) String campaign) {
        return dashboards.of(id(campaign)).map(RecentValues.Stamped::value).orElseThrow(() -> new NotFoundException("Aucun appel à projets."));
    }

    @GetMapping("/pilotage/csv/{table}")
    public ResponseEntity<byte[]> csv(@PathVariable String table,
                                      @RequestParam(name = "campagne", required = false) String campaign) {
        String title = SteeringCsv.TABLES.get(table);
        if (title == null) {
            throw new NotFoundException("Ce tableau n'existe pas.");
        }
        SteeringFigures.Dashboard d = data(campaign);
        String name = "pilotage-" + title + (table.equals("editions") ? "" : "-" + d.campaign().code()) + ".csv";
        byte[] body = SteeringCsv.of(table, d).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .header("X-Content-Type-Options", "nosniff").body(body);
    }

    /** An id typed in the address: a wrong one shows the latest campaign, as an absent one does. */
    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
