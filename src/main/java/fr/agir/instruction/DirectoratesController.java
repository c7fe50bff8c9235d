package fr.agir.instruction;

import fr.agir.campaign.Thematic;
import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration's directorates page: the directorates as the administrator keeps them (each editable:
 * name, mailboxes, thematics followed, active) read against the routing table, the routing table itself (dmn-js
 * drawing of the deployed XML, and the same rules as an HTML table), and the "what would be routed" simulator on a
 * past application. A refused form comes back with each error next to its field and nothing saved.
 */
@Controller
public class DirectoratesController {
    static final String PATH = "/administration/directions";
    private static final String FORM = "administration/directorate-form";
    private final DirectorateDirectory directory;
    private final DirectorateRegistry registry;

    public DirectoratesController(DirectorateDirectory directory, DirectorateRegistry registry) {
        this.directory = directory;
        this.registry = registry;
    }

    @GetMapping(PATH)
    public String page(@RequestParam(name = "candidature", required = false) Long applicationId, Model model) {
        model.addAttribute("directorates", directory.directorates());
        model.addAttribute("warnings", directory.routingWarnings());
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

    @GetMapping(PATH + "/nouvelle")
    public String newForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DirectorateForm());
        }
        return fill(model, null);
    }

    @PostMapping(PATH)
    public String create(@ModelAttribute("form") DirectorateForm form, BindingResult result, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        try {
            DirectorateProfile created = registry.create(form.settings());
            Notice.success("Direction ajoutée : " + created.getCode() + ".", "Ses rappels d'avis iront à "
                    + String.join(", ", created.getMailboxes()) + ".").flash(redirect);
            return "redirect:" + PATH;
        } catch (DomainException e) {
            return refused(e, result, model, response, null);
        }
    }

    @GetMapping(PATH + "/{code}")
    public String editForm(@PathVariable String code, Model model) {
        DirectorateProfile profile = registry.get(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DirectorateForm.of(profile));
        }
        return fill(model, code);
    }

    @PostMapping(PATH + "/{code}")
    public String update(@PathVariable String code, @ModelAttribute("form") DirectorateForm form, BindingResult result,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        registry.get(code);
        try {
            registry.update(code, form.settings());
            Notice.success("Direction " + code + " modifiée.", "Les changements valent dès maintenant et sont tracés "
                    + "dans le journal d'audit.").flash(redirect);
            return "redirect:" + PATH;
        } catch (DomainException e) {
            return refused(e, result, model, response, code);
        }
    }

    /** The routing table as deployed (DMN 1.3 XML), for the dmn-js viewer and for whoever wants the file. */
    @GetMapping(value = PATH + "/routage.dmn")
    public ResponseEntity<String> routingXml() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(directory.routingXml());
    }

    private String refused(DomainException e, BindingResult result, Model model, HttpServletResponse response,
                           String code) {
        if (e.httpStatus() == 404 || e.httpStatus() == 403) {
            throw e;
        }
        response.setStatus(e.httpStatus());
        FormErrors.add(result, e);
        return fill(model, code);
    }

    private String fill(Model model, String code) {
        model.addAttribute("code", code);
        if (code != null) {
            model.addAttribute("row", directory.directorate(code));
            model.addAttribute("table", directory.routingTable());
        }
        Map<String, String> thematics = new LinkedHashMap<>();
        for (Thematic t : Thematic.values()) {
            thematics.put(t.name(), t.label());
        }
        model.addAttribute("thematicOptions", thematics);
        return FORM;
    }
}
