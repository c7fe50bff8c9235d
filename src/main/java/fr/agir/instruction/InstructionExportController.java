package fr.agir.instruction;

import fr.agir.application.ApplicationSearch;
import fr.agir.security.People;
import fr.agir.shared.TabularExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * « Exporter (CSV) » / « Exporter (Excel) » of the instructors' pages: the queue with the filters the page
 * shows (through {@link InstructionQueue#queue}, the queue's own public API, page after page of
 * {@value #BATCH}: only one page is ever held), and the applications of the search page (a campaign's
 * applications when it is filtered by campaign), through {@link ApplicationSearch#search}, page after page.
 * Instructors and the administrator, like the pages (the address rule of /instruction/** and the services').
 */
@Controller
public class InstructionExportController {
    static final int BATCH = 500;
    static final List<String> QUEUE_HEADER = List.of("Référence", "Projet", "Structure", "Étape", "Stade",
            "Thématique", "EPT", "Montant demandé (€)", "Arrivée le", "Échéance", "En retard", "Attribuée à");
    static final List<String> SEARCH_HEADER = List.of("Référence", "Projet", "Structure", "SIRET", "EPT",
            "Thématique", "Statut", "Durée (ans)", "Montant demandé (€)", "Déposée le");
    private final InstructionQueue queue;
    private final ApplicationSearch search;
    private final People people;

    public InstructionExportController(InstructionQueue queue, ApplicationSearch search, People people) {
        this.queue = queue;
        this.search = search;
        this.people = people;
    }

    @GetMapping("/instruction/export")
    public ResponseEntity<StreamingResponseBody> queue(@RequestParam(defaultValue = "csv") String format,
                                                       @ModelAttribute QueueFilterForm filters) {
        TabularExport.Format f = TabularExport.Format.of(format);
        InstructionQueue.Filter filter = filters.toFilter();
        // The first page here: a refusal (role, impossible amount range) is an answer, not a broken download.
        InstructionQueue.Result first = queue.queue(filter, 0, BATCH);
        return TabularExport.download(f, "file-instruction", "File d'instruction", QUEUE_HEADER, out -> {
            InstructionQueue.Result page = first;
            while (true) {
                for (InstructionQueue.Item i : page.items()) {
                    out.row(new ArrayList<>(Arrays.asList(i.reference(), i.title(), i.structureName(), i.step(),
                            i.stage() == null ? null : i.stage().label(),
                            i.thematic() == null ? null : i.thematic().label(), i.ept() == null ? null : i.ept().label(),
                            i.requestedTotal(), instant(i.created()), instant(i.due()), i.overdue(),
                            i.assignee() == null ? null : people.name(i.assignee()))));
                }
                if (page.items().size() < BATCH || (long) (page.page() + 1) * BATCH >= page.total()) {
                    break;
                }
                page = queue.queue(filter, page.page() + 1, BATCH);
            }
        });
    }

    @GetMapping("/instruction/candidatures/export")
    public ResponseEntity<StreamingResponseBody> applications(@RequestParam(defaultValue = "csv") String format,
                                                              @ModelAttribute SearchForm form) {
        TabularExport.Format f = TabularExport.Format.of(format);
        ApplicationSearch.Criteria criteria = form.toCriteria();
        Page<ApplicationSearch.Row> first = search.search(criteria, 0, BATCH);
        return TabularExport.download(f, "candidatures", "Candidatures", SEARCH_HEADER, out -> {
            Page<ApplicationSearch.Row> page = first;
            while (true) {
                for (ApplicationSearch.Row r : page.getContent()) {
                    var a = r.application();
                    out.row(new ArrayList<>(Arrays.asList(a.getReference(), a.getTitle(), r.structureName(),
                            r.siret(), r.ept() == null ? null : r.ept().label(),
                            a.getThematic() == null ? null : a.getThematic().label(), a.getStatus().label(),
                            a.getDurationYears(), r.requested(), a.getSubmittedAt())));
                }
                if (!page.hasNext()) {
                    break;
                }
                page = search.search(criteria, page.getNumber() + 1, BATCH);
            }
        });
    }

    private static java.time.LocalDate instant(Date date) {
        return date == null ? null
                : date.toInstant().atZone(fr.agir.shared.TimeConfig.PARIS).toLocalDate();
    }
}
