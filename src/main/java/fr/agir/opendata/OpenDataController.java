package fr.agir.opendata;

import fr.agir.shared.NotFoundException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The open-data pages, public (no sign-in, {@code SecurityConfig}): « Données ouvertes » explains the SCDL
 * subsidies files and lists the years; {@code /donnees-ouvertes/subventions-<année>.csv} is one year's file.
 * While the Département's SIRET is not configured ({@link ScdlSubsidies#refusal()}), the page says the files are
 * not published and a file answers 503.
 */
@Controller
public class OpenDataController {
    static final String PAGE = "/donnees-ouvertes";
    private final ScdlSubsidies subsidies;

    public OpenDataController(ScdlSubsidies subsidies) {
        this.subsidies = subsidies;
    }

    @GetMapping(PAGE)
    public String page(Model model) {
        boolean published = subsidies.refusal().isEmpty();
        model.addAttribute("published", published);
        model.addAttribute("years", published ? subsidies.years() : List.of());
        model.addAttribute("attribuant", subsidies.attribuantName());
        model.addAttribute("columns", ScdlSubsidies.COLUMNS);
        model.addAttribute("meanings", ScdlSubsidies.COLUMN_MEANINGS);
        return "opendata/index";
    }

    @GetMapping(PAGE + "/subventions-{year:\\d{4}}.csv")
    public ResponseEntity<StreamingResponseBody> file(@PathVariable int year) {
        if (subsidies.refusal().isPresent()) {
            throw new OpenDataUnavailableException();
        }
        List<Integer> years = subsidies.years();
        if (!years.contains(year)) {
            throw new NotFoundException("Aucune subvention publiée pour l'année " + year + ".");
        }
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            subsidies.write(year, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("subventions-" + year + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(body);
    }
}
