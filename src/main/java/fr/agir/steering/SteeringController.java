package fr.agir.steering;

import fr.agir.shared.NotFoundException;
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
 * JSON for the charts' script, and each table as CSV. Instructors and the administrator.
 */
@Controller
public class SteeringController {
    private final SteeringFigures figures;

    public SteeringController(SteeringFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/pilotage")
    public String dashboard(@RequestParam(name = "campagne", required = false) String campaign, Model model) {
        SteeringFigures.Dashboard d = figures.of(id(campaign)).orElse(null);
        model.addAttribute("d", d);
        model.addAttribute("alt", d == null ? null : ChartAlternatives.of(d));
        model.addAttribute("pageStyles", List.of("steering.css"));
        model.addAttribute("pageScripts", List.of("steering.js"));
        return "steering/dashboard";
    }

    @GetMapping(path = "/pilotage/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public SteeringFigures.Dashboard data(@RequestParam(name = "campagne", required = false) String campaign) {
        return figures.of(id(campaign)).orElseThrow(() -> new NotFoundException("Aucun appel à projets."));
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
