package fr.agir.steering;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The process map ({@code /pilotage/processus}): the diagram drawn by bpmn-js with the counts of each step,
 * the same counts as a table, and the applications waiting at the step asked for. Instructors and admin.
 */
@Controller
public class ProcessMapController {
    static final String DEFAULT = "application-lifecycle";

    private final ProcessMap processMap;

    public ProcessMapController(ProcessMap processMap) {
        this.processMap = processMap;
    }

    @GetMapping("/pilotage/processus")
    public String map(@RequestParam(name = "processus", defaultValue = DEFAULT) String process,
                      @RequestParam(name = "etape", required = false) String step, Model model) {
        model.addAttribute("map", processMap.of(process));
        model.addAttribute("processes", ProcessMap.PROCESSES);
        if (step != null && !step.isBlank()) {
            model.addAttribute("step", step);
            model.addAttribute("stepName", processMap.stepName(process, step));
            model.addAttribute("waiting", processMap.waitingAt(process, step));
        }
        model.addAttribute("pageStyles", List.of("diagram-js.css", "bpmn-js.css", "process-map.css"));
        model.addAttribute("pageScripts", List.of("process-map.js"));
        return "steering/process";
    }

    @GetMapping(path = "/pilotage/processus/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ProcessMap.Occupancy data(@RequestParam(name = "processus", defaultValue = DEFAULT) String process) {
        return processMap.of(process);
    }

    @GetMapping(path = "/pilotage/processus/diagramme", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    public String diagram(@RequestParam(name = "processus", defaultValue = DEFAULT) String process) {
        return processMap.diagram(process);
    }
}
