package fr.agir.instruction;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administration's directorates page: who they are and where their reminders go, the routing
 * table (dmn-js drawing of the deployed XML, and the same rules as an HTML table), and the "what
 * would be routed" simulator on a past application.
 */
@Controller
public class DirectoratesController {
    static final String PATH = "/administration/directions";
    private final DirectorateDirectory directory;

    public DirectoratesController(DirectorateDirectory directory) {
        this.directory = directory;
    }

    @GetMapping(PATH)
    public String page(@RequestParam(name = "candidature", required = false) Long applicationId, Model model) {
        model.addAttribute("directorates", directory.directorates());
        model.addAttribute("table", directory.routingTable());
        model.addAttribute("past", directory.pastApplications());
        model.addAttribute("chosen", applicationId);
        if (applicationId != null) {
            model.addAttribute("simulation", directory.simulate(applicationId));
        }
        model.addAttribute("pageStyles", List.of("dmn-js-shared.css", "dmn-js-decision-table.css", "dmn-font.css",
                "admin.css"));
        model.addAttribute("pageScripts", List.of("admin.js"));
        return "administration/directorates";
    }

    /** The routing table as deployed (DMN 1.3 XML), for the dmn-js viewer and for whoever wants the file. */
    @GetMapping(value = PATH + "/routage.dmn")
    public ResponseEntity<String> routingXml() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(directory.routingXml());
    }
}
