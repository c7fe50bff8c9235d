package fr.agir.payment.desk;

import fr.agir.shared.TabularExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * « Exporter (CSV) » / « Exporter (Excel) » of the finance desk: the installments of the tab and filters the
 * page shows, every page of them, streamed from a cursor ({@link FinanceDesk#each}). Finance only, like the page.
 */
@Controller
@PreAuthorize("hasRole('FINANCE')")
public class FinanceExportController {
    static final List<String> HEADER = List.of("Référence", "Structure", "Acte", "N° de l'acte", "Campagne",
            "Part", "Versement", "Année de la subvention", "Exercice", "Montant (€)", "Statut", "Délai (jours)",
            "N° de mandat", "Payée le", "Bordereau", "Motif de renvoi");
    private final FinanceDesk desk;
    private final FinanceWords words;

    public FinanceExportController(FinanceDesk desk, FinanceWords words) {
        this.desk = desk;
        this.words = words;
    }

    @GetMapping("/finances/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                        @ModelAttribute DeskFilterForm filters) {
        TabularExport.Format f = TabularExport.Format.of(format);
        if (filters.getMinAmount() != null && filters.getMaxAmount() != null
                && filters.getMinAmount().compareTo(filters.getMaxAmount()) > 0) {
            filters.setMaxAmount(null);
        }
        FinanceDesk.Tab tab = filters.tab();
        FinanceDesk.Filter filter = filters.toFilter();
        desk.waitingForBordereau(); // the service's own role check, before the download starts
        return TabularExport.download(f, "echeances-" + tab.slug(), "Échéances", HEADER, out ->
                desk.each(tab, filter, r -> {
                    try {
                        out.row(cells(r));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private List<Object> cells(FinanceDesk.Row r) {
        return new ArrayList<>(Arrays.asList(r.reference(), r.structureName(), r.arrete() ? "Arrêté" : "Convention",
                r.agreementNumber(), r.campaignName(), r.partLabel(), r.kindLabel(), r.grantYear(), r.budgetYear(),
                r.amount(), words.status(r.status(), r.returnReason(), r.payableSince()), r.days(), r.orderNumber(),
                r.paidAt(), r.bordereauNumber() == null ? null : r.bordereauYear() + "-" + r.bordereauNumber(),
                r.returnReason()));
    }
}
